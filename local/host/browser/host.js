/* global window, document, fetch, setTimeout, MutationObserver */
/**
 * The host page's side of the local Forge bridge (the role Jira or Confluence plays on Forge). Module
 * iframes post calls here; this script answers them locally (flags, window title, events, closing
 * dialogs) or through the local server (`POST /__local/bridge/<name>`), and sizes iframes to their
 * content. A message is only accepted from an iframe acting as itself (its own frame id).
 */
(() => {
  const CHANNEL = 'cadence-local-bridge';
  /** A frame's own origin (the host's resource origin, not this page's): the only one it is answered at. */
  const frameOrigin = (iframe) => new URL(iframe.src, window.location.href).origin;
  const MAX_FRAME_HEIGHT = 20000;
  /** The page's own query parameters (local/host/links.ts VIEWER_PARAMS): never part of an app's route. */
  const VIEWER_PARAMS = ['as', 'theme', 'locale'];

  const moduleFrames = () => Array.from(document.querySelectorAll('iframe[data-frame-id]'));

  const reply = (iframe, message) => {
    if (iframe.contentWindow) iframe.contentWindow.postMessage({ channel: CHANNEL, ...message }, frameOrigin(iframe));
  };

  const callServer = async (name, frameId, payload) => {
    const response = await fetch(`/__local/bridge/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ frameId, payload }),
    });
    const body = await response.json();
    if (!response.ok || !body || body.ok !== true) {
      const error = new Error(
        body && body.error ? body.error.message : `bridge call ${name} failed with ${response.status}`,
      );
      error.code = body && body.error ? body.error.code : 'HOST_ERROR';
      throw error;
    }
    return body.value;
  };

  // --- contexts
  /**
   * Each module frame's context, asked of the server once per load of the frame, as the page starts it.
   * Jira and Confluence hold a module's context before its frame asks (Forge answers getContext in the
   * page, with no round trip to the app), so a frame's calls (its own, @forge/i18n's) never wait on the
   * server, nor queue beside the frame's invocations there. A failed answer is not kept.
   */
  const contexts = new WeakMap();
  const contextOf = (iframe) => {
    const known = contexts.get(iframe);
    if (known) return known;
    const answer = callServer('getContext', iframe.dataset.frameId, undefined);
    contexts.set(iframe, answer);
    answer.catch(() => {
      if (contexts.get(iframe) === answer) contexts.delete(iframe);
    });
    return answer;
  };
  /** A frame loaded again (a macro re-rendered with its saved config) gets its context afresh. */
  const reloadFrame = (iframe) => {
    contexts.delete(iframe);
    iframe.setAttribute('src', iframe.getAttribute('src') ?? '');
    void contextOf(iframe).catch(() => undefined);
  };

  // --- flags
  const flagsRoot = () => {
    let root = document.getElementById('flags');
    if (!root) {
      root = document.createElement('div');
      root.id = 'flags';
      root.className = 'flags';
      document.body.appendChild(root);
    }
    return root;
  };

  const closeFlag = (id) => {
    for (const el of flagsRoot().querySelectorAll('.flag')) {
      if (el.dataset.flagId === String(id)) el.remove();
    }
    return true;
  };

  const showFlag = (iframe, options) => {
    closeFlag(options.id);
    const flag = document.createElement('div');
    const appearance = options.appearance ?? options.type ?? 'info';
    flag.className = `flag flag--${appearance}${options.appearance ? ' flag--bold' : ''}`;
    flag.dataset.flagId = String(options.id);
    flag.setAttribute('role', 'alert');
    const title = document.createElement('strong');
    title.className = 'flag__title';
    title.textContent = options.title ?? '';
    flag.appendChild(title);
    if (options.description) {
      const description = document.createElement('p');
      description.className = 'flag__description';
      description.textContent = options.description;
      flag.appendChild(description);
    }
    for (const action of options.actions ?? []) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'flag__action';
      button.textContent = action.text;
      const callbackId = action.onClick && action.onClick.__localBridgeCallback;
      button.addEventListener('click', () => reply(iframe, { type: 'callback', callbackId }));
      flag.appendChild(button);
    }
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'flag__dismiss';
    dismiss.setAttribute('aria-label', 'Dismiss');
    dismiss.textContent = '×';
    dismiss.addEventListener('click', () => flag.remove());
    flag.appendChild(dismiss);
    flagsRoot().appendChild(flag);
    if (options.isAutoDismiss) setTimeout(() => flag.remove(), 8000);
    return true;
  };

  // --- dialogs and edit modes: where a submitted or closed config view leads
  /** `saved`: the view submitted a configuration (a close without saving changes nothing to show again). */
  const finish = (iframe, saved) => {
    const done = iframe.dataset.doneUrl ?? window.location.pathname;
    if (iframe.dataset.role === 'macro-config') {
      const dialog = document.getElementById('macro-config-dialog');
      if (dialog) dialog.remove();
      window.history.replaceState(null, '', done);
      for (const view of moduleFrames()) {
        // Re-render the macro with its new config, in a context asked afresh. The frame is another origin
        // (as on Forge), so the page reloads it by navigating it again, not through its window.
        if (saved && view.dataset.role === 'view' && view.dataset.localId === iframe.dataset.localId)
          reloadFrame(view);
      }
    } else if (iframe.dataset.role === 'gadget-edit') {
      window.location.assign(done);
    }
  };

  const broadcast = (sender, event, payload, isPublic) => {
    if (event === 'EXTENSION_READY') sender.dataset.ready = 'true';
    for (const iframe of moduleFrames()) {
      if (iframe !== sender) reply(iframe, { type: 'event', event, payload, isPublic });
    }
  };

  const handleCall = async (iframe, name, payload) => {
    const frameId = iframe.dataset.frameId;
    switch (name) {
      case 'showFlag':
        return showFlag(iframe, payload);
      case 'closeFlag':
        return closeFlag(payload.id);
      case 'changeWindowTitle':
        document.title = String(payload);
        return undefined;
      case 'emitReadyEvent':
        iframe.dataset.ready = 'true';
        return undefined;
      case 'emit':
      case 'emitPublic':
        broadcast(iframe, payload.event, payload.payload, name === 'emitPublic');
        return undefined;
      case 'close':
        if (iframe.dataset.role === 'view') return false;
        setTimeout(() => finish(iframe, false), 0);
        return true;
      case 'submit': {
        const ok = await callServer('submit', frameId, payload);
        // Answer first, then tear the config view down.
        if (ok === true) setTimeout(() => finish(iframe, true), 0);
        return ok;
      }
      case 'getContext':
        return contextOf(iframe);
      case 'navigate': {
        const { url, type } = await callServer('navigate', frameId, payload);
        if (type === 'new-tab') window.open(url, '_blank', 'noopener');
        else window.location.assign(url);
        return undefined;
      }
      default:
        return callServer(name, frameId, payload);
    }
  };

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message === null || typeof message !== 'object' || message.channel !== CHANNEL) return;
    const iframe = moduleFrames().find((f) => f.contentWindow === event.source);
    if (!iframe || event.origin !== frameOrigin(iframe) || iframe.dataset.frameId !== message.frameId) return;
    if (message.type === 'resize') {
      const min = Number(iframe.dataset.minHeight ?? '0');
      const height = Math.min(MAX_FRAME_HEIGHT, Math.max(min, Number(message.height) || 0));
      iframe.style.height = `${height}px`;
      return;
    }
    if (message.type === 'route') {
      const base = iframe.dataset.routeBase;
      if (base === undefined || typeof message.route !== 'string' || !message.route.startsWith('/')) return;
      // The page URL carries the route, path and query; the viewer's own ?as=, ?theme= and ?locale= stay.
      const route = new URL(message.route, 'http://route.invalid');
      const page = new URL(window.location.href);
      page.pathname = route.pathname === '/' ? base : base + route.pathname;
      for (const key of [...page.searchParams.keys()]) if (!VIEWER_PARAMS.includes(key)) page.searchParams.delete(key);
      for (const [key, value] of route.searchParams)
        if (!VIEWER_PARAMS.includes(key)) page.searchParams.append(key, value);
      window.history.replaceState(window.history.state, '', page.pathname + page.search);
      return;
    }
    if (message.type !== 'call') return;
    handleCall(iframe, message.name, message.payload).then(
      (value) => reply(iframe, { type: 'result', callId: message.callId, ok: true, value }),
      (error) =>
        reply(iframe, {
          type: 'result',
          callId: message.callId,
          ok: false,
          error: { message: error instanceof Error ? error.message : String(error), code: error && error.code },
        }),
    );
  });

  // A frame's context is asked for as the parser (or the page) inserts the frame, before the frame loads.
  const askContexts = (node) => {
    if (node.nodeType !== 1) return;
    const frames = node.matches('iframe[data-frame-id]') ? [node] : node.querySelectorAll('iframe[data-frame-id]');
    for (const iframe of frames) void contextOf(iframe).catch(() => undefined);
  };
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) askContexts(node);
  }).observe(document.documentElement, { childList: true, subtree: true });

  window.addEventListener('DOMContentLoaded', () => {
    // The user switcher reloads the page as the chosen user.
    for (const select of document.querySelectorAll('select[data-autosubmit]')) {
      select.addEventListener('change', () => select.form && select.form.submit());
    }
  });
})();
