import { findUiModule } from '../platform/app-manifest';
import type { FrameRecord, FrameRole } from './frame-registry';
import type { HostState } from './host-state';
import { HttpError } from './http-util';
import type { Viewer } from './links';
import type { SafeHtml } from './pages/html';
import { html } from './pages/html';

/** What a page asks for when it embeds a module. */
export interface FrameRequest {
  moduleKey: string;
  role: FrameRole;
  viewer: Viewer;
  localId: string;
  extension: Record<string, unknown>;
  configSlot?: FrameRecord['configSlot'];
}

/** The resource a module shows in a role: its view, its gadget edit view, or its macro config view. */
export const resourceKeyFor = (state: HostState, moduleKey: string, role: FrameRole): string => {
  const { module } = findUiModule(state.runtime.manifest, moduleKey);
  const override = state.moduleResources[moduleKey];
  let key: string | undefined;
  if (role === 'view') key = module.resource;
  else if (role === 'gadget-edit') key = module.edit?.resource;
  else key = typeof module.config === 'object' ? module.config.resource : undefined;
  if (key === undefined)
    throw new HttpError(404, 'NO_SUCH_VIEW', `module '${moduleKey}' declares no resource for its ${role} view`);
  const served = override ?? key;
  if (!state.resourceDirs.has(served))
    throw new HttpError(
      500,
      'UNKNOWN_RESOURCE',
      `module '${moduleKey}' uses resource '${served}', which manifest.yml does not declare`,
    );
  return served;
};

export const openFrame = (state: HostState, request: FrameRequest): FrameRecord => {
  const { type } = findUiModule(state.runtime.manifest, request.moduleKey);
  return state.frames.register({
    moduleKey: request.moduleKey,
    moduleType: type,
    resourceKey: resourceKeyFor(state, request.moduleKey, request.role),
    resourceOrigin: state.resourceOrigin,
    accountId: request.viewer.accountId,
    localId: request.localId,
    theme: request.viewer.theme,
    locale: request.viewer.locale,
    role: request.role,
    extension: request.extension,
    ...(request.configSlot === undefined ? {} : { configSlot: request.configSlot }),
  });
};

/** The sandboxed iframe Forge puts a Custom UI module in, pointing at the frame's resource. */
export const frameHtml = (
  frame: FrameRecord,
  options: { title: string; variant: 'page' | 'panel'; doneUrl?: string; route?: string; routeBase?: string },
): SafeHtml => {
  // `route` is the initial createHistory location (a module sub-path such as /jira/apps/<key>/objectives/1);
  // `routeBase` is the page path the host puts the app's route after as it moves, as Jira does.
  const route = options.route === undefined ? '' : `&route=${encodeURIComponent(options.route)}`;
  const src = `${frame.resourceOrigin}/resources/${encodeURIComponent(frame.resourceKey)}/index.html?frame=${encodeURIComponent(frame.frameId)}${route}`;
  return html`<iframe
    class="module-frame module-frame--${options.variant}"
    title="${options.title}"
    sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-downloads"
    src="${src}"
    data-frame-id="${frame.frameId}"
    data-module-key="${frame.moduleKey}"
    data-role="${frame.role}"
    data-local-id="${frame.localId}"
    data-min-height="${options.variant === 'page' ? '480' : '120'}"
    ${options.doneUrl === undefined ? '' : html`data-done-url="${options.doneUrl}"`}
    ${options.routeBase === undefined ? '' : html`data-route-base="${options.routeBase}"`}
  ></iframe>`;
};
