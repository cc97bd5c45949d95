import type { ApiInput, ApiKey, ApiOutput, ExportDocument, ExportPage, Result } from '../../src/contract';
import { mergeExportPages } from '../../src/contract';
import { cycleWindow } from '../../src/domain/cycle-window';
import type { LocalRuntime } from '../platform/local-runtime';
import { DEMO_USERS } from './demo-users';
import { withDemoHistory } from './seed-history';
import type { DemoUserHandle } from './demo-users';

/**
 * The demo company's OKRs for the current quarter, created through the app's own resolvers as the
 * people who would write them, so the demo exercises the same rules as real use. Built on the method's
 * worked examples, with a few deliberate flaws (an activity KR, a KR measured by epics) for the quality
 * checks to coach on, and KRs nobody has checked in on yet.
 */

type Call = <K extends ApiKey>(key: K, payload: ApiInput<K>, as: DemoUserHandle) => Promise<ApiOutput<K>>;

/** Keys that create a record and take a client request id, so a retried call never creates it twice. */
const CREATES: ReadonlySet<ApiKey> = new Set(['cycles.create', 'teams.create', 'kpis.save', 'objectives.create', 'keyResults.create', 'initiatives.link', 'checkIns.create', 'leftOut.add']);
/** Transient failures (storage or Jira out, e.g. with --fault-rate) are retried: the seed must not stop start-up. */
const ATTEMPTS = 8;

const caller = (runtime: LocalRuntime): Call => {
  let calls = 0;
  return async (key, payload, as) => {
    calls += 1;
    const request = CREATES.has(key) ? { ...payload, requestId: `demo-seed-${String(calls).padStart(6, '0')}` } : payload;
    let failure = '';
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      const outcome = await runtime.app.invokeResolver({ moduleKey: 'cadence-board', functionKey: key, payload: request, accountId: DEMO_USERS[as].accountId });
      if (!outcome.ok) {
        failure = outcome.error.message;
        continue;
      }
      const result = outcome.result as Result<ApiOutput<typeof key>>;
      if (result.ok) return result.data;
      failure = `${result.error.code} ${result.error.message}`;
      if (result.error.code !== 'UNAVAILABLE' && result.error.code !== 'CONFLICT') break;
    }
    throw new Error(`demo seed: ${key} failed: ${failure}`);
  };
};

const id = (handle: DemoUserHandle): string => DEMO_USERS[handle].accountId;

interface KrSeed {
  title: string;
  owner: DemoUserHandle;
  metric: ApiInput<'keyResults.create'>['metric'];
  progressSource?: 'manual' | 'initiatives';
  epics?: string[];
  checkIn?: { value: number; confidence: 'on_track' | 'at_risk' | 'off_track'; note?: string; blockers?: string };
}

interface ObjectiveSeed {
  title: string;
  level: 'company' | 'team' | 'individual';
  team?: string;
  owner: DemoUserHandle;
  reviewer?: DemoUserHandle;
  parent?: string;
  status?: 'draft' | 'published';
  /** The name of the KPI it responds to (of its team or the company). */
  kpi?: string;
  krs: KrSeed[];
}

interface KpiSeed {
  /** Absent: a company KPI (an OKR admin keeps it). */
  team?: string;
  name: string;
  unit?: string;
  direction: 'up' | 'down' | 'within';
  healthy: { min?: number; max?: number };
  /** Weekly readings, oldest first; the last is this week's. */
  readings: number[];
  by: DemoUserHandle;
}

/**
 * A few KPIs a team beside its OKRs, with a few weeks of readings. One is out of its healthy range
 * (Onboarding's time to first value), and an Onboarding objective responds to it. Payments' own KPIs stay
 * healthy: the browser suite records one of its KPIs out of range and counts it alone.
 */
const KPIS: KpiSeed[] = [
  { name: 'Enterprise logo churn (trailing 12 months)', unit: '%', direction: 'down', healthy: { max: 10 }, readings: [9.4, 8.9, 8.6], by: 'elena' },
  { team: 'Payments', name: 'Checkout latency p95', unit: 'ms', direction: 'down', healthy: { max: 400 }, readings: [460, 410, 380], by: 'priya' },
  { team: 'Onboarding', name: 'Time to first value', unit: 'days', direction: 'down', healthy: { max: 14 }, readings: [19, 17, 16], by: 'marcus' },
  { team: 'Onboarding', name: 'Onboarding NPS', direction: 'up', healthy: { min: 30 }, readings: [31, 34, 36], by: 'hannah' },
  { team: 'Platform', name: 'Monthly uptime', unit: '%', direction: 'up', healthy: { min: 99.9 }, readings: [99.95, 99.93, 99.97], by: 'sofia' },
  { team: 'Platform', name: 'Deploys per week', direction: 'within', healthy: { min: 10, max: 40 }, readings: [18, 24, 27], by: 'kenji' },
  { team: 'Security', name: 'Open critical vulnerabilities', direction: 'down', healthy: { max: 0 }, readings: [2, 1, 0], by: 'grace' },
];

const WEEK_MS = 7 * 86_400_000;

/**
 * The KPIs' readings, one a week up to an hour ago, put into the document before it is imported (the API
 * records a reading now; the demo looks back a few weeks), with each KPI's current and previous value.
 */
const withKpiReadings = (doc: ExportDocument, ids: ReadonlyMap<string, string>, now: Date): ExportDocument => {
  const readings = KPIS.flatMap((seed) => {
    const kpiId = ids.get(seed.name) ?? '';
    return seed.readings.map((value, i) => {
      const at = now.getTime() - 3_600_000 - (seed.readings.length - 1 - i) * WEEK_MS;
      return { id: `${kpiId}-r${at.toString(36)}demo`, kpiId, authorAccountId: id(seed.by), at: new Date(at).toISOString(), value };
    });
  });
  const kpis = (doc.kpis ?? []).map((kpi) => {
    const own = readings.filter((r) => r.kpiId === kpi.id);
    const last = own.at(-1);
    const before = own.at(-2);
    return {
      ...kpi,
      ...(last === undefined ? {} : { current: last.value, updatedAt: last.at }),
      ...(before === undefined ? {} : { previous: before.value, previousAt: before.at }),
    };
  });
  return { ...doc, kpis, kpiReadings: readings.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
};

/**
 * "Not this cycle": competing priorities the company and Platform argued about and left out, with why.
 * Payments' list stays empty: the browser suite adds to it and counts what it added.
 */
const LEFT_OUT: { team?: string; title: string; why: string; by: DemoUserHandle }[] = [
  { title: 'Open a sales office in Singapore', why: 'Our first enterprise customers need us at home first; we revisit it once three are referenceable.', by: 'elena' },
  { title: 'A partner marketplace', why: 'Too early: no partner has asked for one yet.', by: 'elena' },
  { team: 'Platform', title: 'Move every service onto a service mesh', why: 'Uptime work comes first; the mesh would take the whole team for the quarter.', by: 'sofia' },
  { team: 'Platform', title: 'Self-service sandbox environments', why: 'Useful, but Onboarding can live with shared sandboxes for one more cycle.', by: 'kenji' },
];

const TEAMS = [
  { name: 'Payments', members: ['priya', 'daniel'], projects: ['PAY'] },
  { name: 'Onboarding', members: ['marcus', 'hannah'], projects: ['ONB'] },
  { name: 'Platform', members: ['sofia', 'kenji'], projects: ['PLAT'] },
  { name: 'Security', members: ['grace', 'kenji', 'elena'], projects: ['SEC'] },
] as const satisfies readonly { name: string; members: readonly DemoUserHandle[]; projects: readonly string[] }[];

const OBJECTIVES: ObjectiveSeed[] = [
  {
    title: 'Make our first enterprise customers successful and referenceable',
    level: 'company',
    owner: 'elena',
    reviewer: 'priya',
    krs: [
      {
        title: 'Increase enterprise logo retention from 82% to 92%',
        owner: 'priya',
        metric: { kind: 'percent', start: 82, target: 92, unit: '%' },
        checkIn: { value: 86, confidence: 'on_track', note: 'Two renewals signed early.' },
      },
      {
        title: 'Reduce onboarding time for enterprise accounts from 28 days to 10 days',
        owner: 'marcus',
        metric: { kind: 'number', start: 28, target: 10, unit: 'days' },
        checkIn: { value: 21, confidence: 'at_risk', blockers: 'SSO setup still needs our engineers.' },
      },
      {
        title: 'Secure 6 enterprise reference customers willing to join sales calls or case studies',
        owner: 'elena',
        metric: { kind: 'number', start: 0, target: 6 },
        checkIn: { value: 2, confidence: 'on_track' },
      },
    ],
  },
  {
    title: 'Establish our brand as the category leader in enterprise HR technology',
    level: 'company',
    owner: 'elena',
    reviewer: 'marcus',
    krs: [
      {
        title: 'Grow organic website traffic from 40,000 to 75,000 monthly visitors',
        owner: 'marcus',
        metric: { kind: 'number', start: 40_000, target: 75_000, unit: 'visitors' },
        checkIn: { value: 52_000, confidence: 'at_risk' },
      },
      {
        title: 'Secure 5 earned media placements in Tier 1 HR publications',
        owner: 'elena',
        metric: { kind: 'number', start: 0, target: 5 },
      },
    ],
  },
  {
    title: 'Deliver an exceptional onboarding experience for new enterprise clients',
    level: 'team',
    team: 'Onboarding',
    kpi: 'Time to first value',
    owner: 'marcus',
    reviewer: 'elena',
    parent: 'Make our first enterprise customers successful and referenceable',
    krs: [
      {
        title: 'Increase onboarding completion rate from 62% to 90%',
        owner: 'hannah',
        metric: { kind: 'percent', start: 62, target: 90, unit: '%' },
        epics: ['ONB-1', 'ONB-14'],
        checkIn: { value: 71, confidence: 'on_track', note: 'Playbook pilots with three accounts.' },
      },
      {
        title: 'Launch the guided data import for HR records',
        owner: 'hannah',
        metric: { kind: 'binary', start: 0, target: 1 },
        epics: ['ONB-21'],
      },
      {
        title: 'Complete the at-risk workspace review epics',
        owner: 'marcus',
        metric: { kind: 'percent', start: 0, target: 100, unit: '%' },
        progressSource: 'initiatives',
        epics: ['ONB-8'],
      },
    ],
  },
  {
    title: 'Make paying us effortless for enterprise finance teams',
    level: 'team',
    team: 'Payments',
    owner: 'priya',
    reviewer: 'elena',
    parent: 'Make our first enterprise customers successful and referenceable',
    krs: [
      {
        title: 'Reduce failed invoice payments from 4.2% to 1.5%',
        owner: 'daniel',
        metric: { kind: 'percent', start: 4.2, target: 1.5, unit: '%' },
        epics: ['PAY-12', 'PAY-7'],
        checkIn: { value: 3.1, confidence: 'on_track' },
      },
      {
        title: 'Grow multi-currency payroll customers from 0 to 40',
        owner: 'priya',
        metric: { kind: 'number', start: 0, target: 40, unit: 'customers' },
        epics: ['PAY-1'],
        checkIn: { value: 9, confidence: 'off_track', blockers: 'FX provider contract not signed.' },
      },
    ],
  },
  {
    title: 'Keep the platform fast and dependable as enterprise usage grows',
    level: 'team',
    team: 'Platform',
    owner: 'sofia',
    reviewer: 'elena',
    parent: 'Make our first enterprise customers successful and referenceable',
    krs: [
      {
        title: 'Reduce p95 API latency from 850 ms to 300 ms',
        owner: 'kenji',
        metric: { kind: 'number', start: 850, target: 300, unit: 'ms' },
        epics: ['PLAT-1'],
        checkIn: { value: 520, confidence: 'on_track' },
      },
      {
        title: 'Raise monthly uptime from 99.5% to 99.95%',
        owner: 'sofia',
        metric: { kind: 'percent', start: 99.5, target: 99.95, unit: '%' },
        epics: ['PLAT-13', 'PLAT-8'],
      },
    ],
  },
  {
    title: "Earn enterprise security teams' trust",
    level: 'team',
    team: 'Security',
    owner: 'grace',
    reviewer: 'elena',
    parent: 'Make our first enterprise customers successful and referenceable',
    krs: [
      {
        title: 'Secure SOC 2 Type II certification',
        owner: 'grace',
        metric: { kind: 'binary', start: 0, target: 1 },
        epics: ['SEC-1'],
        checkIn: { value: 0, confidence: 'on_track', note: 'Auditor fieldwork booked.' },
      },
      {
        title: 'Cut security questionnaire turnaround from 10 days to 2 days',
        owner: 'kenji',
        metric: { kind: 'number', start: 10, target: 2, unit: 'days' },
        epics: ['SEC-6'],
      },
    ],
  },
  {
    title: 'Become the go-to expert on enterprise payment flows',
    level: 'individual',
    owner: 'daniel',
    parent: 'Make paying us effortless for enterprise finance teams',
    status: 'draft',
    krs: [
      {
        title: 'Answer 20 enterprise payment escalations without handing them on',
        owner: 'daniel',
        metric: { kind: 'number', start: 0, target: 20, unit: 'escalations' },
      },
    ],
  },
];

/** Seeds the demo OKRs unless the app already has a cycle. Returns true when it wrote anything. */
export const seedDemoOkrs = async (runtime: LocalRuntime, now: Date = new Date()): Promise<boolean> => {
  const call = caller(runtime);
  const { cycles } = await call('cycles.list', {}, 'elena');
  if (cycles.length > 0) return false;

  const window = cycleWindow('quarterly', now);
  const cycle = await call('cycles.create', { kind: 'quarterly', ...window }, 'elena');
  await call('cycles.update', { id: cycle.id, status: 'active' }, 'elena');

  const teamIds = new Map<string, string>();
  for (const team of TEAMS) {
    const created = await call(
      'teams.create',
      { name: team.name, memberAccountIds: team.members.map(id), jiraProjectKeys: [...team.projects] },
      'elena',
    );
    teamIds.set(team.name, created.id);
  }

  // What the company and one team chose to leave out of the cycle (issue #14): a couple of items each.
  for (const item of LEFT_OUT) {
    const teamId = item.team === undefined ? undefined : teamIds.get(item.team);
    await call('leftOut.add', { cycleId: cycle.id, ...(teamId === undefined ? {} : { teamId }), title: item.title, why: item.why }, item.by);
  }

  const kpiIds = new Map<string, string>();
  for (const kpi of KPIS) {
    const teamId = kpi.team === undefined ? undefined : teamIds.get(kpi.team);
    const created = await call(
      'kpis.save',
      { ...(teamId === undefined ? {} : { teamId }), name: kpi.name, ...(kpi.unit === undefined ? {} : { unit: kpi.unit }), direction: kpi.direction, healthy: kpi.healthy },
      kpi.by,
    );
    kpiIds.set(kpi.name, created.id);
  }

  const objectiveIds = new Map<string, string>();
  for (const seed of OBJECTIVES) {
    const created = await call(
      'objectives.create',
      {
        cycleId: cycle.id,
        title: seed.title,
        level: seed.level,
        ...(seed.team === undefined ? {} : { teamId: teamIds.get(seed.team) }),
        ownerAccountId: id(seed.owner),
        ...(seed.reviewer === undefined ? {} : { reviewerAccountId: id(seed.reviewer) }),
        ...(seed.parent === undefined ? {} : { parentObjectiveId: objectiveIds.get(seed.parent) }),
        ...(seed.kpi === undefined ? {} : { kpiId: kpiIds.get(seed.kpi) }),
        status: seed.status ?? 'published',
      },
      seed.level === 'company' ? 'elena' : seed.owner,
    );
    objectiveIds.set(seed.title, created.id);
    for (const kr of seed.krs) {
      const keyResult = await call(
        'keyResults.create',
        {
          objectiveId: created.id,
          title: kr.title,
          ownerAccountId: id(kr.owner),
          metric: kr.metric,
          progressSource: kr.progressSource ?? 'manual',
        },
        seed.owner,
      );
      for (const issueKey of kr.epics ?? []) {
        await call('initiatives.link', { keyResultId: keyResult.id, issueKey }, seed.owner);
      }
      if (kr.checkIn) await call('checkIns.create', { keyResultId: keyResult.id, ...kr.checkIn }, kr.owner);
    }
  }

  // data.export answers a page at a time: the document is its pages put together.
  const pages: ExportPage[] = [];
  for (let cursor: string | undefined, first = true; first || cursor !== undefined; first = false) {
    const answer = await call('data.export', cursor === undefined ? {} : { cursor }, 'elena');
    pages.push(answer.page);
    cursor = answer.nextCursor;
  }
  await call('data.import', { data: withKpiReadings(withDemoHistory(mergeExportPages(pages), now), kpiIds, now) }, 'elena');
  // An import leaves the epics' cached progress blank until the daily reconcile reads Jira again.
  // The job is safe to run again, so a transient fault is retried like the resolver calls above.
  let reconciled = await runtime.app.runScheduledTrigger('reconcile-initiatives');
  for (let attempt = 1; !reconciled.ok && attempt < ATTEMPTS; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    reconciled = await runtime.app.runScheduledTrigger('reconcile-initiatives');
  }
  if (!reconciled.ok) throw new Error(`demo seed: reconcile-initiatives failed: ${reconciled.error ?? 'no detail'}`);
  return true;
};
