import { randomUUID } from 'node:crypto';
import type { UiModuleType } from '../platform/app-manifest';
import { HttpError } from './http-util';
import type { ModuleConfigStore } from './module-config-store';

export type ColorMode = 'light' | 'dark';

/** What a frame is for: the module's main view, a gadget's edit view, or a macro's config dialog. */
export type FrameRole = 'view' | 'gadget-edit' | 'macro-config';

/** Everything the host knows about one module iframe it rendered, keyed by the frame's id. */
export interface FrameRecord {
  frameId: string;
  moduleKey: string;
  moduleType: UiModuleType;
  resourceKey: string;
  /** The origin the frame's resource is served from (HostState.resourceOrigin): never the page's. */
  resourceOrigin: string;
  accountId: string;
  /** One module instance (a gadget on a dashboard, a macro on a page); config is stored per localId. */
  localId: string;
  theme: ColorMode;
  /** The language the module gets in getContext and every resolver invocation (Forge's `en-US` form). */
  locale: string;
  role: FrameRole;
  /** The module-specific context (design doc §5.3), without the submitted configuration. */
  extension: Record<string, unknown>;
  /**
   * Where the last `view.submit` configuration goes in `extension`: gadgets read `gadgetConfiguration`
   * (an object, `{}` before the first save), macros read `config` (absent before the first save).
   */
  configSlot?: 'gadgetConfiguration' | 'config';
}

export type NewFrame = Omit<FrameRecord, 'frameId'>;

/** Frames live as long as their page might: a bounded map, oldest evicted first. */
const MAX_FRAMES = 2000;

export class FrameRegistry {
  private readonly frames = new Map<string, FrameRecord>();

  constructor(private readonly configs: ModuleConfigStore) {}

  register(frame: NewFrame): FrameRecord {
    const record: FrameRecord = { ...frame, frameId: randomUUID() };
    this.frames.set(record.frameId, record);
    while (this.frames.size > MAX_FRAMES) {
      const oldest = this.frames.keys().next();
      if (oldest.done === true) break;
      this.frames.delete(oldest.value);
    }
    return record;
  }

  /** The frame, or a 404 naming it (a page rendered before a restart must be reloaded). */
  get(frameId: string): FrameRecord {
    const frame = this.frames.get(frameId);
    if (!frame)
      throw new HttpError(
        404,
        'UNKNOWN_FRAME',
        `unknown frame '${frameId}': reload the page (frames do not survive a host restart)`,
      );
    return frame;
  }

  /** The extension context as the module sees it now, including the latest submitted configuration. */
  extensionOf(frame: FrameRecord): Record<string, unknown> {
    const slot = frame.configSlot;
    if (slot === undefined) return { ...frame.extension };
    const saved = this.configs.get(frame.localId);
    if (slot === 'gadgetConfiguration') return { ...frame.extension, gadgetConfiguration: saved ?? {} };
    return saved === undefined ? { ...frame.extension } : { ...frame.extension, config: saved };
  }
}
