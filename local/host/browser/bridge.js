/* global window, document, URLSearchParams, ResizeObserver */
/**
 * The local Forge host's Custom UI bridge, loaded as the first <script> of every module iframe, before
 * the app bundle: @forge/bridge reads `globalThis.__bridge.callBridge` when it is first evaluated.
 *
 * Like the real bridge it only talks to the host (parent) frame, with postMessage; the parent page
 * (host.js) answers locally or by calling the local server. Calls that need functions or the iframe's
 * own document (createHistory, enableTheming, events.on, getFrameId) are answered here. Any call the
 * host does not emulate rejects with an error naming it: fakes fail loudly.
 */
(() => {
  const CHANNEL = 'cadence-local-bridge';
  const ROUTE_PARAM = 'route';
  const frameId = new URLSearchParams(window.location.search).get('frame') ?? '';
  // The page's origin, named by the host where it injects this script: frames are served from another
  // origin (as Forge's CDN is not the product's), so the bridge only talks to that one.
  const origin = document.currentScript?.dataset.hostOrigin ?? window.location.origin;

  /** Calls the parent page answers (some by asking the server). */
  const HOST_CALLS = new Set([
    'invoke',
    'getContext',
    'submit',
    'close',
    'showFlag',
    'closeFlag',
    'navigate',
    'getUrl',
    'fetchProduct',
    'changeWindowTitle',
    'emitReadyEvent',
    'emit',
    'emitPublic',
  ]);

  let nextId = 1;
  const pending = new Map();
  const callbacks = new Map();
  const subscriptions = new Set();

  const post = (message) => {
    window.parent.postMessage({ channel: CHANNEL, frameId, ...message }, origin);
  };

  // Functions (flag actions) cannot cross postMessage: they travel as ids the host calls back.
  const encode = (value) => {
    if (typeof value === 'function') {
      const id = nextId++;
      callbacks.set(id, value);
      return { __localBridgeCallback: id };
    }
    if (Array.isArray(value)) return value.map(encode);
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
    }
    return value;
  };

  const askHost = (name, payload) =>
    new Promise((resolve, reject) => {
      const callId = nextId++;
      pending.set(callId, { resolve, reject });
      post({ type: 'call', callId, name, payload: encode(payload) });
    });

  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.origin !== origin) return;
    const message = event.data;
    if (message === null || typeof message !== 'object' || message.channel !== CHANNEL) return;
    if (message.type === 'result') {
      const call = pending.get(message.callId);
      if (!call) return;
      pending.delete(message.callId);
      if (message.ok) {
        call.resolve(message.value);
      } else {
        const error = new Error(message.error.message);
        error.code = message.error.code;
        call.reject(error);
      }
    } else if (message.type === 'callback') {
      const fn = callbacks.get(message.callbackId);
      if (fn) fn();
    } else if (message.type === 'event') {
      for (const s of subscriptions) {
        if (s.event === message.event && s.isPublic === message.isPublic) s.callback(message.payload);
      }
    }
  });

  // --- createHistory: a history on this iframe's own location. The app's route lives in the `route`
  // query parameter, so the resource's relative asset URLs keep resolving and a reload restores it.
  const currentLocation = () => {
    const route = new URLSearchParams(window.location.search).get(ROUTE_PARAM) ?? '/';
    const parsed = new URL(route, 'http://route.invalid');
    const state = window.history.state;
    return {
      pathname: parsed.pathname,
      search: parsed.search,
      hash: window.location.hash,
      state: state && typeof state === 'object' ? state.usr : undefined,
      key: state && typeof state === 'object' && typeof state.key === 'string' ? state.key : 'default',
    };
  };

  const createHistory = () => {
    const listeners = new Set();
    const hrefOf = (to) => {
      const base = currentLocation();
      const target = typeof to === 'string' ? new URL(to, `http://route.invalid${base.pathname}`) : null;
      const pathname = target ? target.pathname : (to.pathname ?? base.pathname);
      const search = target ? target.search : (to.search ?? '');
      const hash = target ? target.hash : (to.hash ?? '');
      const params = new URLSearchParams(window.location.search);
      params.set(ROUTE_PARAM, pathname + search);
      return `${window.location.pathname}?${params.toString()}${hash}`;
    };
    const notify = (action) => {
      history.action = action;
      const location = currentLocation();
      // Jira shows a page app's route in its own address bar, so a reload or a shared link keeps it.
      post({ type: 'route', route: location.pathname + location.search });
      for (const listener of [...listeners]) listener(location, action);
    };
    const change = (method, action) => (to, state) => {
      const key = Math.random().toString(36).slice(2, 10);
      window.history[method]({ usr: state, key }, '', hrefOf(to));
      notify(action);
    };
    const history = {
      action: 'POP',
      location: currentLocation(),
      get length() {
        return window.history.length;
      },
      createHref: (to) => hrefOf(to),
      push: change('pushState', 'PUSH'),
      replace: change('replaceState', 'REPLACE'),
      go: (n) => window.history.go(n),
      goBack: () => window.history.back(),
      goForward: () => window.history.forward(),
      back: () => window.history.back(),
      forward: () => window.history.forward(),
      listen: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      block: () => () => undefined,
    };
    window.addEventListener('popstate', () => notify('POP'));
    return history;
  };

  // --- enableTheming: the attributes Atlaskit design tokens key their CSS on.
  const enableTheming = async () => {
    const context = await askHost('getContext');
    const colorMode = context && context.theme && context.theme.colorMode === 'dark' ? 'dark' : 'light';
    const root = document.documentElement;
    root.setAttribute('data-color-mode', colorMode);
    root.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography');
  };

  const subscribe = (payload, isPublic) => {
    const subscription = { event: payload.event, callback: payload.callback, isPublic };
    subscriptions.add(subscription);
    return { unsubscribe: () => subscriptions.delete(subscription) };
  };

  const callBridge = (name, payload) => {
    switch (name) {
      case 'createHistory':
        return Promise.resolve(createHistory());
      case 'enableTheming':
        return enableTheming();
      case 'getFrameId':
        return Promise.resolve(frameId);
      case 'on':
        return Promise.resolve(subscribe(payload, false));
      case 'onPublic':
        return Promise.resolve(subscribe(payload, true));
      default:
        if (HOST_CALLS.has(name)) return askHost(name, payload);
        return Promise.reject(new Error(`callBridge('${String(name)}') is not emulated by the local Forge host`));
    }
  };

  Object.defineProperty(window, '__bridge', { value: Object.freeze({ callBridge }), enumerable: false });

  // Forge sizes module iframes to their content; report the height so the host page can do the same.
  const reportHeight = () => {
    post({ type: 'resize', height: Math.ceil(document.documentElement.getBoundingClientRect().height) });
  };
  window.addEventListener('DOMContentLoaded', () => {
    reportHeight();
    new ResizeObserver(reportHeight).observe(document.documentElement);
  });
})();
