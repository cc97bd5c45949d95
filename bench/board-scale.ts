/**
 * Board at scale: 1,000 objectives, 4,000 KRs and 8,000 linked epics in one cycle, seeded straight into
 * storage (batch writes, not 13,000 resolver calls) and into the emulated Jira site; then board.get, the
 * KR rows of a screenful of objectives (board.keyResults), checkIns.create and one team's teams.history
 * (without and with weekly snapshots) run through the local
 * runtime, and the call log's figures and board.get's bytes by part are printed. No assertions:
 * `npx tsx bench/board-scale.ts` (or `npm run bench`).
 */
import { performance } from 'node:perf_hooks';
import { DEMO_USER_LIST, seedDemoSite } from '../local/demo';
import { createLocalRuntime } from '../local/platform/local-runtime';
import type { Board, BoardKeyResults, BoardNode, Cycle, KeyResult, Objective, Team } from '../src/contract';
import type { ObjectiveAggregate, StoredInitiative } from '../src/usecases/model';
import { batchSetAll } from '../src/adapters/kvs/kvs-io';
import { encodeLink, encodeObjective } from '../src/adapters/kvs/codecs';
import { ENTITY } from '../src/adapters/kvs/registry';
import { kvsOkrStore } from '../src/adapters/kvs/kvs-okr-store';
import { cryptoIds } from '../src/app/compose';
import { historyWeeks } from '../src/domain/score-history';

const OBJECTIVES = 1000;
const KRS_PER_OBJECTIVE = 4;
const EPICS_PER_KR = 2;
const PROJECTS = 20;
/** Objectives a virtualised board shows at once, and asks board.keyResults for. */
const SCREENFUL = 50;

const main = async (): Promise<void> => {
  const runtime = createLocalRuntime();
  seedDemoSite(runtime.site);
  const people = DEMO_USER_LIST.map((u) => u.accountId);
  const viewer = DEMO_USER_LIST.find((u) => u.displayName.startsWith('Priya'))?.accountId ?? people[1] ?? '';
  const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

  const t0 = performance.now();
  const projects = Array.from({ length: PROJECTS }, (_, i) =>
    runtime.site.createProject({ key: `BN${String(i)}`, name: `Bench ${String(i)}`, browse: i === 0 ? { accountIds: [people[0] ?? ''] } : 'everyone' }),
  );
  const epics = runtime.site.transaction(
    () =>
      Array.from({ length: OBJECTIVES * KRS_PER_OBJECTIVE * EPICS_PER_KR }, (_, i) =>
        runtime.site.createIssue({ project: pick(projects, i).key, issueType: 'Epic', summary: `Deliver capability ${String(i)} for enterprise customers` }),
      ),
    { silent: true },
  );
  const jiraSeededMs = performance.now() - t0;

  const now = new Date();
  const day = (offset: number): string => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const cycle: Cycle = { id: cryptoIds.random(12), name: 'Bench quarter', kind: 'quarterly', startDate: day(-30), endDate: day(60), status: 'active' };
  const teams: Team[] = Array.from({ length: 25 }, (_, i) => ({ id: cryptoIds.random(12), name: `Team ${String(i)}`, memberAccountIds: [pick(people, i), pick(people, i + 1)], jiraProjectKeys: [pick(projects, i).key] }));
  await kvsOkrStore.putCycle(cycle);
  await Promise.all(teams.map((t) => kvsOkrStore.putTeam(t)));

  const at = now.toISOString();
  const aggregates: ObjectiveAggregate[] = [];
  const companyIds: string[] = [];
  let epicIndex = 0;
  for (let o = 0; o < OBJECTIVES; o++) {
    const id = cryptoIds.random(12);
    const level = o < 10 ? 'company' : 'team';
    const objective: Objective = {
      id,
      cycleId: cycle.id,
      title: `Make enterprise customers successful in region ${String(o)}`,
      level,
      ...(level === 'team' ? { teamId: pick(teams, o).id, parentObjectiveId: pick(companyIds, o) } : {}),
      ownerAccountId: pick(people, o),
      reviewerAccountId: pick(people, o + 1),
      status: 'published',
    };
    if (level === 'company') companyIds.push(id);
    const keyResults = Array.from({ length: KRS_PER_OBJECTIVE }, (_, k): KeyResult & { lastCheckIn: NonNullable<ObjectiveAggregate['keyResults'][number]['lastCheckIn']> } => {
      const krId = `${id}-k${cryptoIds.random(6)}`;
      return {
        id: krId,
        objectiveId: id,
        title: `Increase weekly active workspaces from 40% to ${String(60 + k)}%`,
        ownerAccountId: pick(people, o + k),
        weight: 1,
        metric: { kind: 'percent', start: 40, target: 60 + k, current: 45 + k, unit: '%' },
        progressSource: 'manual',
        status: 'active',
        lastCheckIn: { id: `${krId}-c${Date.now().toString(36)}aaaa`, at, value: 45 + k, confidence: 'on_track', authorAccountId: pick(people, o + k) },
      };
    });
    const initiatives: StoredInitiative[] = keyResults.flatMap((kr) =>
      Array.from({ length: EPICS_PER_KR }, () => {
        const epic = epics[epicIndex++ % epics.length];
        const project = projects.find((p) => p.key === epic?.projectKey);
        return {
          id: `${id}-i${cryptoIds.random(6)}`,
          keyResultId: kr.id,
          issueKey: epic?.key ?? 'X-1',
          issueId: epic?.id ?? '1',
          linkedAt: at,
          linkedByAccountId: kr.ownerAccountId,
          epic: { summary: epic?.summary ?? '', statusName: 'In Progress', statusCategory: 'indeterminate', projectId: project?.id ?? '', projectKey: project?.key ?? '', progress: { done: 3, total: 8, excluded: 1, ratio: 3 / 7, addedAfterStart: 1 }, missing: false, refreshedAt: at },
        };
      }),
    );
    aggregates.push({ objective, keyResults, initiatives, createdAt: at, updatedAt: at, version: 1 });
  }
  const t1 = performance.now();
  await batchSetAll([
    ...aggregates.map((a) => ({ entity: ENTITY.objective, key: a.objective.id, value: encodeObjective(a, 1) })),
    ...aggregates.flatMap((a) =>
      a.initiatives.map((i) => ({
        entity: ENTITY.initiative,
        key: i.id,
        value: encodeLink({ initiativeId: i.id, issueId: i.issueId, keyResultId: i.keyResultId, objectiveId: a.objective.id, cycleId: cycle.id, linkedAt: i.linkedAt }),
      })),
    ),
  ]);
  const storageSeededMs = performance.now() - t1;

  const invoke = async (functionKey: string, payload: unknown, accountId: string) => {
    const started = performance.now();
    const outcome = await runtime.app.invokeResolver({ moduleKey: 'cadence-board', functionKey, payload, accountId });
    const duration = performance.now() - started;
    const entry = runtime.log.last();
    const result = outcome.ok ? (outcome.result as { ok: boolean; error?: unknown }) : undefined;
    if (!outcome.ok || result?.ok !== true) throw new Error(`${functionKey} failed: ${JSON.stringify(outcome.ok ? result?.error : outcome.error)}`);
    return { ...entry?.summary, responseBytes: entry?.responseBytes, durationMs: Math.round(duration), data: result };
  };

  await invoke('board.get', { cycleId: cycle.id }, viewer); // warm-up: module loading, statement caches
  const board = await invoke('board.get', { cycleId: cycle.id }, viewer);
  // A virtualised board asks for the KR rows of the objectives in view: a screenful, in tree order.
  const data = (board.data as { data?: Partial<Board> }).data ?? {};
  const inTreeOrder = (nodes: readonly BoardNode[]): string[] => nodes.flatMap((n) => [n.objective.id, ...inTreeOrder(n.children)]);
  const screenful = inTreeOrder(data.roots ?? []).slice(0, SCREENFUL);
  await invoke('board.keyResults', { cycleId: cycle.id, objectiveIds: screenful }, viewer); // warm-up
  const rowsOfScreen = await invoke('board.keyResults', { cycleId: cycle.id, objectiveIds: screenful }, viewer);
  const first = aggregates[0];
  const kr = first?.keyResults[0];
  const checkIn = await invoke('checkIns.create', { keyResultId: kr?.id, value: 50, confidence: 'on_track' }, kr?.ownerAccountId ?? '');

  // teams.history of one team (40 objectives, 160 KRs): first with no snapshot (every past week worked
  // out from check-ins: one paged read per KR), then with the weekly job's snapshot of every past week.
  const team = { cycleId: cycle.id, teamId: pick(teams, 10).id };
  await invoke('teams.history', team, viewer); // warm-up
  const historyFromCheckIns = await invoke('teams.history', team, viewer);
  const pastWeeks = historyWeeks(cycle, now).filter((w) => !w.current);
  await kvsOkrStore.putSnapshots(
    pastWeeks.map((w) => ({
      cycleId: cycle.id,
      week: w.week,
      values: Object.fromEntries(aggregates.flatMap((a) => a.keyResults.map((k) => [k.id, k.metric.current]))),
      scores: Object.fromEntries(aggregates.flatMap((a) => a.keyResults.map((k) => [k.id, 0.5]))),
      stale: [],
    })),
  );
  const historyFromSnapshots = await invoke('teams.history', team, viewer);

  // Where the board's bytes go, so size work targets the right part.
  const bytes = (v: unknown): number => Buffer.byteLength(JSON.stringify(v ?? null));
  console.log(`board.get bytes by part (${String(data.findings?.length ?? 0)} findings):`, Object.fromEntries(Object.entries(data).map(([k, v]) => [k, bytes(v)])));
  const sampleNode = data.roots?.[0]?.children[0];
  if (sampleNode !== undefined) console.log(`one board objective (${String(bytes(sampleNode))} bytes): ${JSON.stringify(sampleNode)}`);
  const sampleKr = (rowsOfScreen.data as { data?: BoardKeyResults }).data?.objectives[0]?.keyResults[0];
  if (sampleKr !== undefined) console.log(`one board.keyResults row (${String(bytes(sampleKr))} bytes): ${JSON.stringify(sampleKr)}`);
  console.log();

  const rows = {
    'board.get': board,
    [`board.keyResults (${String(screenful.length)} obj.)`]: rowsOfScreen,
    'checkIns.create': checkIn,
    [`teams.history (${String(pastWeeks.length)} past weeks, no snapshot)`]: historyFromCheckIns,
    [`teams.history (${String(pastWeeks.length)} weekly snapshots)`]: historyFromSnapshots,
  };
  console.log(`Seeded ${String(OBJECTIVES)} objectives, ${String(OBJECTIVES * KRS_PER_OBJECTIVE)} KRs, ${String(epics.length)} epics in ${String(PROJECTS)} projects`);
  console.log(`(Jira site ${String(Math.round(jiraSeededMs))} ms, storage ${String(Math.round(storageSeededMs))} ms)\n`);
  console.table(
    Object.fromEntries(
      Object.entries(rows).map(([key, r]) => [
        key,
        {
          storageCalls: r.storageCalls,
          sequentialStorageRoundTrips: r.sequentialStorageRoundTrips,
          jiraCalls: r.jiraCalls,
          responseBytes: r.responseBytes,
          durationMs: r.durationMs,
        },
      ]),
    ),
  );
  console.log(
    'Budget: board.get <= 30 storage calls, <= 3 sequential round trips, <= 2 Jira calls, < 1 MB; ' +
      'board.keyResults <= 2 round trips, <= 1 Jira call; checkIns.create <= 2 round trips.',
  );
  runtime.close();
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
