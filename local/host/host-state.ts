import type { LocalRuntime } from '../platform/local-runtime';
import type { FrameRegistry } from './frame-registry';
import type { ModuleConfigStore } from './module-config-store';

/** Test-only and tooling options of the host server (the start CLI passes none of these). */
export interface HostExtras {
  /** Extra resources to serve, resourceKey -> directory (e.g. the bridge probe the browser tests build). */
  extraResources?: Readonly<Record<string, string>>;
  /** Serve another resource in place of a module's own (moduleKey -> resourceKey), in every role. */
  moduleResources?: Readonly<Record<string, string>>;
}

/** What every route handler needs; built once per server. */
export interface HostState {
  runtime: LocalRuntime;
  frames: FrameRegistry;
  configs: ModuleConfigStore;
  /** `http://127.0.0.1:<port>`, known once the server listens: the product's pages and the bridge. */
  origin: string;
  /**
   * `http://localhost:<another port>`: where module iframes load their resources from. Forge serves Custom
   * UI from its CDN, another site than the product page, so a frame and its page only talk by
   * postMessage, the frame runs in a renderer process of its own (resource-files.ts resourceOriginAt),
   * and its files do not queue behind the page's API calls for the browser's six connections per origin
   * (HTTP/1.1 here).
   */
  resourceOrigin: string;
  /** resourceKey -> absolute directory. */
  resourceDirs: ReadonlyMap<string, string>;
  moduleResources: Readonly<Record<string, string>>;
  frameCsp: string;
}
