/* global window, document */
/**
 * The bridge probe: a tiny Custom UI resource, used only by the host's browser tests, that drives the
 * real @forge/bridge against the local host. On load it runs the non-destructive calls and writes
 * their outcomes as JSON into #probe-results; buttons trigger the calls that change the page.
 */
import { invoke, requestJira, router, showFlag, view } from '@forge/bridge';

const settle = (promise) =>
  Promise.resolve(promise).then(
    (value) => ({ ok: true, value }),
    (error) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );

const byId = (id) => document.getElementById(id);

const run = async () => {
  const results = {};
  results.context = await settle(view.getContext());
  results.invoke = await settle(invoke('app.info'));
  results.invokeUnknown = await settle(invoke('no.such.resolver'));
  results.myself = await settle(
    requestJira('/rest/api/3/myself').then(async (r) => ({ status: r.status, body: await r.json() })),
  );
  results.theme = await settle(
    view.theme.enable().then(() => ({
      colorMode: document.documentElement.getAttribute('data-color-mode'),
      theme: document.documentElement.getAttribute('data-theme'),
    })),
  );
  results.history = await settle(
    view.createHistory().then((history) => {
      const seen = [];
      history.listen((location) => seen.push(location.pathname + location.search));
      history.push('/objectives/42?tab=krs');
      return { location: history.location, seen, search: window.location.search };
    }),
  );
  results.unknownCall = await settle(window.__bridge.callBridge('definitelyNotABridgeCall', {}));
  results.frameId = await settle(window.__bridge.callBridge('getFrameId'));
  results.title = await settle(view.changeWindowTitle('Probe title'));
  results.ready = await settle(view.emitReadyEvent());
  results.refusedFetch = await settle(window.fetch('/__local/calls').then((r) => r.status));
  byId('probe-results').textContent = JSON.stringify(results);
  document.body.dataset.done = 'true';
  return results;
};

const show = (outcome) => {
  byId('action-result').textContent = JSON.stringify(outcome);
};

let flag;
let flagActions = 0;

run().then((results) => {
  const type = results.context.ok ? results.context.value.extension.type : undefined;
  byId('submit').addEventListener('click', () => {
    const payload =
      type === 'macro'
        ? { config: { probe: 'macro-config', team: 'payments' } }
        : { probe: 'gadget-config', refresh: 15 };
    void settle(view.submit(payload)).then(show);
  });
  byId('close').addEventListener('click', () => void settle(view.close()).then(show));
  byId('flag').addEventListener('click', () => {
    flag = showFlag({
      id: 'probe-flag',
      title: 'Probe flag',
      description: 'Shown by the bridge probe',
      type: 'success',
      actions: [{ text: 'Count', onClick: () => show({ flagActions: ++flagActions }) }],
    });
  });
  byId('flag-close').addEventListener('click', () => void settle(flag ? flag.close() : undefined).then(show));
  byId('navigate-issue').addEventListener('click', () => {
    void settle(router.navigate({ target: 'issue', issueKey: byId('nav-key').value })).then(show);
  });
  byId('navigate-dashboard').addEventListener('click', () => {
    void settle(router.open({ target: 'dashboard', dashboardId: '10000' })).then(show);
  });
});
