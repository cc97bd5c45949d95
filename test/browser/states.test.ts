import type { FaultDecision, FaultInjector } from '../../local/platform/faults';
import { createFaultInjector } from '../../local/platform/faults';
import type { OpenedPage, ViewsHost } from './views-host';
import { openPage, PEOPLE, screenshot, seriousViolations, startViewsHost, withUser } from './views-host';

/**
 * Loading and error states, driven through the runtime's fault injection rather than timing: storage
 * is made slow (the view shows its loading state) or failing (the view says so in words and offers a
 * Retry that recovers once storage answers again).
 */
jest.setTimeout(180_000);

type Mode = 'ok' | 'slow' | 'failing';
let mode: Mode = 'ok';

/** A switchable injector on storage calls; the runtime's own injector supplies the config shape. */
const base = createFaultInjector();
const injector: FaultInjector = {
  config: base.config,
  decide(target): FaultDecision {
    if (target !== 'kvs' || mode === 'ok') return { delayMs: 0 };
    if (mode === 'slow') return { delayMs: 1500 };
    return {
      delayMs: 0,
      response: {
        status: 503,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'SERVICE_UNAVAILABLE', message: 'Service unavailable (injected by the test)' }),
      },
    };
  },
};

let host: ViewsHost;
const opened: OpenedPage[] = [];

beforeAll(async () => {
  host = await startViewsHost({ faultInjector: injector });
}, 90_000);

afterAll(async () => {
  await host.close();
});

afterEach(async () => {
  mode = 'ok';
  for (const o of opened.splice(0)) await o.close();
});

describe('loading and error states', () => {
  it('shows a loading state while the backend is slow to answer', async () => {
    mode = 'slow';
    const o = await openPage(host, withUser('/jira/projects/PAY/apps/cadence-team', PEOPLE.priya));
    opened.push(o);
    await o.frame().getByRole('status').getByText('Loading the team’s OKRs…').waitFor();
    mode = 'ok';
    await o.frame().getByRole('heading', { name: 'Make paying us effortless for enterprise finance teams' }).waitFor();
    expect(o.problems.errors).toEqual([]);
  });

  it('says in words what failed and recovers with Retry', async () => {
    mode = 'failing';
    const o = await openPage(host, withUser('/jira/browse/ONB-1', PEOPLE.hannah));
    opened.push(o);
    const panel = o.frame();
    const alert = panel.getByRole('alert');
    await alert.getByText('The OKR panel could not load').waitFor();
    expect(await alert.textContent()).not.toMatch(/undefined|\[object/);
    expect(await seriousViolations(o.page)).toEqual([]);
    await screenshot(o.page, 'panel-error');

    mode = 'ok';
    await alert.getByRole('button', { name: 'Retry' }).click();
    await panel.getByRole('region', { name: 'Increase onboarding completion rate from 62% to 90%' }).waitFor();
    expect(await panel.getByRole('alert').count()).toBe(0);
  });

  it('prompts to configure a macro that was never configured', async () => {
    const o = await openPage(host, withUser('/wiki/spaces/OKR/pages/1002', PEOPLE.marcus));
    opened.push(o);
    await o.frame('view').getByRole('heading', { name: 'Choose what this OKR macro shows' }).waitFor();
    expect(await seriousViolations(o.page, 'view')).toEqual([]);
    await screenshot(o.page, 'macro-unconfigured');
    expect(o.problems.errors).toEqual([]);
  });

  it('loads, fails and retries in Dutch', async () => {
    mode = 'slow';
    const o = await openPage(host, `${withUser('/jira/browse/ONB-1', PEOPLE.hannah, 'dark')}&locale=nl-NL`);
    opened.push(o);
    const panel = o.frame();
    await panel.getByRole('status').getByText('Key results laden…').waitFor();
    mode = 'failing';
    await o.page.reload();
    const alert = o.frame().getByRole('alert');
    await alert.getByText('Het OKR-paneel kon niet worden geladen').waitFor();
    expect(await seriousViolations(o.page)).toEqual([]);
    await screenshot(o.page, 'panel-error-nl-dark');
    mode = 'ok';
    await alert.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await o.frame().getByRole('heading', { name: 'Voortgang van de epic' }).waitFor();
    expect(o.problems.errors).toEqual([]);
  });
});
