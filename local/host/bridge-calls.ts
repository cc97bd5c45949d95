import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import type { FrameRecord } from './frame-registry';
import type { HostState } from './host-state';
import { HttpError, parseWith } from './http-util';
import { navigationFor } from './navigation';

/**
 * The bridge calls the host page forwards to the server (`POST /__local/bridge/<name>`), each answered
 * with the return shape of design doc §5.2. Calls the iframe or the host page answer themselves are
 * not here; a name that is in neither place is refused, naming it.
 */
type BridgeCall = (state: HostState, frame: FrameRecord, payload: unknown) => Promise<unknown>;

const InvokePayload = z.object({
  functionKey: z.string().min(1),
  payload: z.unknown().optional(),
  metadata: z.object({ rateLimitProperties: z.boolean().optional() }).loose().nullish(),
});

const FetchProductPayload = z.object({
  product: z.string(),
  restPath: z.string().startsWith('/', 'must start with /'),
  fetchRequestInit: z
    .object({
      method: z.string().optional(),
      body: z.string().nullish(),
      headers: z.array(z.tuple([z.string(), z.string()])).optional(),
    })
    .loose()
    .optional(),
  isMultipartFormData: z.boolean().optional(),
});

const ConfigObject = z.record(z.string(), z.unknown());
const MacroSubmit = z.object({ config: ConfigObject }).loose();

const BRIDGE_INVOKE_LIMIT = 500;

/** The acting user's time zone from the site, as Forge reports it to the UI and the resolver. */
const timezoneOf = (state: HostState, frame: FrameRecord): string =>
  state.runtime.site.listUsers().find((u) => u.accountId === frame.accountId)?.timeZone ?? 'UTC';

const invoke: BridgeCall = async (state, frame, raw) => {
  const call = parseWith(InvokePayload, raw, 'invoke payload');
  const outcome = await state.runtime.app.invokeResolver({
    moduleKey: frame.moduleKey,
    functionKey: call.functionKey,
    payload: call.payload,
    accountId: frame.accountId,
    extension: state.frames.extensionOf(frame),
    localId: frame.localId,
    locale: frame.locale,
    timezone: timezoneOf(state, frame),
  });
  if (!outcome.ok) throw new HttpError(outcome.status, outcome.error.code, outcome.error.message);
  if (call.metadata?.rateLimitProperties !== true) return outcome.result;
  // The platform's own counters are not emulated; report the client-side budget the bridge enforces.
  return {
    body: outcome.result,
    metadata: {
      rateLimitProperties: {
        rateLimitLimit: BRIDGE_INVOKE_LIMIT,
        rateLimitRemaining: BRIDGE_INVOKE_LIMIT,
        rateLimitReset: 25,
      },
    },
  };
};

/** FullContext (design doc §5.3), rebuilt per call so a saved configuration shows at once. */
const getContext: BridgeCall = (state, frame) => {
  const install = state.runtime.installation;
  return Promise.resolve({
    accountId: frame.accountId,
    cloudId: install.cloudId,
    extension: state.frames.extensionOf(frame),
    environmentId: install.environmentId,
    environmentType: 'DEVELOPMENT',
    localId: frame.localId,
    // The user's language in Forge's `en-US` form (docs: custom-ui-bridge/view, getContext `locale`).
    locale: frame.locale,
    moduleKey: frame.moduleKey,
    siteUrl: state.origin,
    timezone: timezoneOf(state, frame),
    theme: { colorMode: frame.theme },
    permissions: { scopes: [...install.scopes], external: {} },
    // Forge's getContext carries the installation's license for a paid app (docs: custom-ui-bridge/view,
    // getContext); absent without one, as in development.
    ...(install.license === undefined ? {} : { license: install.license }),
  });
};

/** Saves what a gadget's edit view or a macro's config view submits; other views are not submittable. */
const submit: BridgeCall = (state, frame, payload) => {
  if (frame.role === 'gadget-edit') {
    state.configs.set(frame.localId, frame.moduleKey, parseWith(ConfigObject, payload, 'gadget configuration'));
    return Promise.resolve(true);
  }
  if (frame.role === 'macro-config') {
    // Custom macro config is submitted as view.submit({config}) (docs: add-custom-configuration-to-a-macro).
    state.configs.set(frame.localId, frame.moduleKey, parseWith(MacroSubmit, payload, 'macro submit payload').config);
    return Promise.resolve(true);
  }
  return Promise.resolve(false);
};

/** requestJira from the iframe: the emulated site, as the acting user (Forge's asUser for UI calls). */
const fetchProduct: BridgeCall = async (state, frame, raw) => {
  const call = parseWith(FetchProductPayload, raw, 'fetchProduct payload');
  if (call.product !== 'jira')
    throw new HttpError(
      501,
      'NOT_EMULATED',
      `request${call.product.charAt(0).toUpperCase()}${call.product.slice(1)} is not emulated by the local host (only requestJira)`,
    );
  if (call.isMultipartFormData === true)
    throw new HttpError(501, 'NOT_EMULATED', 'multipart requestJira bodies are not emulated by the local host');
  const init = call.fetchRequestInit ?? {};
  const method = (init.method ?? 'GET').toUpperCase();
  const response = await state.runtime.jira.handle(
    {
      method,
      path: call.restPath,
      headers: Object.fromEntries((init.headers ?? []).map(([k, v]) => [k.toLowerCase(), v])),
      body: method === 'GET' || method === 'HEAD' ? undefined : (init.body ?? undefined),
    },
    { kind: 'user', accountId: frame.accountId },
  );
  return {
    body: response.body,
    headers: response.headers ?? {},
    status: response.status,
    statusText: STATUS_CODES[response.status] ?? '',
  };
};

const navigate: BridgeCall = (state, frame, payload) => Promise.resolve(navigationFor(state, frame, payload));

const getUrl: BridgeCall = (state, frame, payload) =>
  Promise.resolve(navigationFor(state, frame, { ...ConfigObject.parse(payload), type: 'same-tab' }).url);

const CALLS: ReadonlyMap<string, BridgeCall> = new Map(
  Object.entries({ invoke, getContext, submit, fetchProduct, navigate, getUrl }),
);

export const runBridgeCall = (state: HostState, name: string, frameId: string, payload: unknown): Promise<unknown> => {
  const call = CALLS.get(name);
  if (!call)
    throw new HttpError(404, 'UNKNOWN_BRIDGE_CALL', `callBridge('${name}') is not emulated by the local Forge host`);
  return call(state, state.frames.get(frameId), payload);
};
