/**
 * Board at scale: N objectives (default 1,000; `npm run bench -- --objectives 5000`), 4 KRs and 8 linked
 * epics each, in one cycle, seeded through the app's import path (bench/scale-seed.ts) and into the
 * emulated Jira site; then board.get, the KR rows of a screenful of objectives (board.keyResults),
 * checIns.create and one team's teams.history (without and with weekly snapshots) run through the local
 * runtime with Forge's storage quota on, and the call log's figures are printed: calls, round trips,
 * bytes, and the platform's own units (storage read and write units, Jira points). No assertions.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { DEMO_USER_LIST } from '../local/demo';
import { FORGE_KVS_QUOTA } from '../local/platform/kvs';
import { createLocalRuntime } from '../local/platform/local-runtime';
import type { Board, BoardKeyResults, BoardNode } from '../src/contract';
import { createKvsOkrStore } from '../src/adapters/kvs/kvs-okr-store';
import { historyWeeks } from '../src/domain/score-history';
import { BOARD_SCALE, seedScale } from './scale-seed';
import { viewLoads } from './view-figures';
import { importFigures } from './import-figures';

const { values: args } = parseArgs({ options: { objectives: { type: 'string', default: '1000' } } });
const OBJECTIVES = z.coerce.number().int().min(10).max(50_000).parse(args.objectives);
/** Objectives a virtualised board shows at once, and asks board.keyResults for. */
const SCREENFUL = 50;

interface Measured {
  storageCalls?: number;
  sequentialStorageRoundTrips?: number;
  jiraCalls?: number;
  responseBytes?: number;
  readUnits?: number;
  writeUnits?: number;
  jiraPoints?: number;
  durationMs: number;
  data: unknown;
  error?: string;
}

const main = async (): Promise<void> => {
  const runtime = createLocalRuntime();
  const people = DEMO_USER_LIST.map((u) => u.accountId);
  const viewer = DEMO_USER_LIST.find((u) => u.displayName.startsWith('Priya'))?.accountId ?? people[1] ?? '';
  const seeded = await seedScale(runtime, {
    ...BOARD_SCALE,
    objectives: OBJECTIVES,
    epicsPerKeyResult: 2,
    teams: Math.max(BOARD_SCALE.teams, Math.round(OBJECTIVES / 40)),
  });
  const { cycle, aggregates } = seeded;

  /**
   * One invocation, measured from the call log. Each starts a fresh quota minute (resetUsage), so one
   * operation's spend does not fail the next; an operation over a whole minute's quota fails, and is
   * reported as failed rather than stopping the bench.
   */
  const invoke = async (
    functionKey: string,
    payload: unknown,
    accountId: string,
    extension?: Record<string, unknown>,
  ): Promise<Measured> => {
    runtime.kvs.resetUsage();
    const started = performance.now();
    const outcome = await runtime.app.invokeResolver({
      moduleKey: 'cadence-board',
      functionKey,
      payload,
      accountId,
      ...(extension === undefined ? {} : { extension }),
    });
    const durationMs = Math.round(performance.now() - started);
    const entry = runtime.log.last();
    const result = outcome.ok ? (outcome.result as { ok: boolean; error?: unknown }) : undefined;
    const error =
      !outcome.ok || result?.ok !== true
        ? JSON.stringify(outcome.ok ? result?.error : outcome.error).slice(0, 200)
        : undefined;
    return {
      ...entry?.summary,
      responseBytes: entry?.responseBytes,
      durationMs,
      data: result,
      ...(error === undefined ? {} : { error }),
    };
  };

  // The first load reads the tree index and keeps the first screen (its head); the next loads read the head.
  await invoke('board.get', { cycleId: cycle.id }, viewer); // warm-up: module loading, statement caches
  const board = await invoke('board.get', { cycleId: cycle.id }, viewer);
  // A virtualised board asks for the KR rows of the objectives in view: a screenful, in tree order.
  const data = (board.data as { data?: Partial<Board> } | undefined)?.data ?? {};
  const inTreeOrder = (nodes: readonly BoardNode[]): string[] =>
    nodes.flatMap((n) => [n.objective.id, ...inTreeOrder(n.children)]);
  const screenful = inTreeOrder(data.roots ?? []).slice(0, SCREENFUL);
  await invoke('board.keyResults', { cycleId: cycle.id, objectiveIds: screenful }, viewer); // warm-up
  const rowsOfScreen = await invoke('board.keyResults', { cycleId: cycle.id, objectiveIds: screenful }, viewer);
  const kr = aggregates[0]?.keyResults[0];
  const checkIn = await invoke(
    'checkIns.create',
    { keyResultId: kr?.id, value: 50, confidence: 'on_track', requestId: `bench-${String(Date.now())}` },
    kr?.ownerAccountId ?? '',
  );
  // After a change the head no longer answers: this load reads the tree index again and keeps a new head.
  const boardAfterChange = await invoke('board.get', { cycleId: cycle.id }, viewer);
  // How long that head answers while nothing is written: until the first status the clock can move.
  const keptHead = (await createKvsOkrStore().readBoardHead(cycle.id, 'all')).head;
  const headMinutes =
    keptHead === undefined ? 'no head kept' : keptHead.validUntil === null ? 'until the next change' : `${String(Math.round((keptHead.validUntil - Date.now()) / 60_000))} minutes without a change`;

  // teams.history of one team: first with no snapshot (every past week worked out from check-ins), then
  // with the weekly job's snapshot of every past week.
  const team = { cycleId: cycle.id, teamId: seeded.teams[10 % seeded.teams.length]?.id ?? '' };
  // One expand: the first node (breadth-first) whose children the first screen did not load.
  const firstClosed = (nodes: readonly BoardNode[]): BoardNode | undefined => {
    for (let level = nodes; level.length > 0; level = level.flatMap((n) => n.children)) {
      const closed = level.find((n) => n.children.length < n.childCount);
      if (closed !== undefined) return closed;
    }
    return undefined;
  };
  const closed = firstClosed(data.roots ?? []);
  const expandInput = {
    cycleId: cycle.id,
    objectiveId: closed?.objective.id,
    ...(closed?.childrenCursor === undefined ? {} : { cursor: closed.childrenCursor }),
  };
  await invoke('board.children', expandInput, viewer); // warm-up
  const expand = await invoke('board.children', expandInput, viewer);
  await invoke('teams.history', team, viewer); // warm-up
  const historyFromCheckIns = await invoke('teams.history', team, viewer);
  const now = new Date();
  const pastWeeks = historyWeeks(cycle, now).filter((w) => !w.current);
  runtime.kvs.setQuota({ writeUnitsPerMinute: 1e9 });
  await createKvsOkrStore().putSnapshots(
    pastWeeks.map((w) => ({
      cycleId: cycle.id,
      week: w.week,
      values: Object.fromEntries(aggregates.flatMap((a) => a.keyResults.map((k) => [k.id, k.metric.current]))),
      scores: Object.fromEntries(aggregates.flatMap((a) => a.keyResults.map((k) => [k.id, 0.5]))),
      stale: [],
    })),
  );
  runtime.kvs.setQuota(FORGE_KVS_QUOTA);
  runtime.kvs.settle();
  const historyFromSnapshots = await invoke('teams.history', team, viewer);

  // The other views, one load each (bench/view-figures.ts): each call measured on its own, summed per view.
  const views: Record<string, Measured & { uiRoundTrips: number }> = {};
  for (const view of viewLoads({ cycleId: cycle.id, teamId: team.teamId, viewer, aggregates })) {
    const sum: Measured & { uiRoundTrips: number } = {
      durationMs: 0,
      data: undefined,
      uiRoundTrips: view.groups.length,
    };
    for (const group of view.groups) {
      let slowest = 0;
      for (const c of group) {
        await invoke(c.key, c.payload, c.accountId, c.extension); // warm-up
        const m = await invoke(c.key, c.payload, c.accountId, c.extension);
        for (const k of [
          'storageCalls',
          'jiraCalls',
          'responseBytes',
          'readUnits',
          'writeUnits',
          'jiraPoints',
        ] as const)
          sum[k] = (sum[k] ?? 0) + (m[k] ?? 0);
        slowest = Math.max(slowest, m.sequentialStorageRoundTrips ?? 0);
        sum.durationMs += m.durationMs;
        if (m.error !== undefined) sum.error = `${c.key}: ${m.error}`;
      }
      sum.sequentialStorageRoundTrips = (sum.sequentialStorageRoundTrips ?? 0) + slowest;
    }
    views[view.name] = sum;
  }

  // Where the board's bytes go, so size work targets the right part.
  const bytes = (v: unknown): number => Buffer.byteLength(JSON.stringify(v ?? null));
  console.log(
    `board.get bytes by part (${String(data.findings?.length ?? 0)} findings):`,
    Object.fromEntries(Object.entries(data).map(([k, v]) => [k, bytes(v)])),
  );
  const sampleKr = (rowsOfScreen.data as { data?: BoardKeyResults } | undefined)?.data?.objectives[0]?.keyResults[0];
  if (sampleKr !== undefined)
    console.log(`one board.keyResults row (${String(bytes(sampleKr))} bytes): ${JSON.stringify(sampleKr)}`);
  console.log();

  const rows: Record<string, Measured> = {
    [`board.get (first screen: ${String(inTreeOrder(data.roots ?? []).length)} of ${String(data.objectiveCount ?? 0)} obj., kept head)`]:
      board,
    'board.get (after a change: tree index, keeps a head)': boardAfterChange,
    [`board.children (one expand: ${String(closed?.childCount ?? 0)} children)`]: expand,
    [`board.keyResults (${String(screenful.length)} obj.)`]: rowsOfScreen,
    'checkIns.create': checkIn,
    [`teams.history (${String(pastWeeks.length)} past weeks, no snapshot)`]: historyFromCheckIns,
    [`teams.history (${String(pastWeeks.length)} weekly snapshots)`]: historyFromSnapshots,
    ...views,
  };
  const keyResults = aggregates.reduce((n, a) => n + a.keyResults.length, 0);
  console.log(
    `Seeded ${String(aggregates.length)} objectives, ${String(keyResults)} KRs, ${String(seeded.epics)} epics ` +
      `(Jira site ${String(Math.round(seeded.jiraMs))} ms, storage ${String(Math.round(seeded.storageMs))} ms; ` +
      'storage seeded with the quota raised, then settled: the figures below run on Forge quotas)\n',
  );
  console.table(
    Object.fromEntries(
      Object.entries(rows).map(([key, r]) => [
        key,
        {
          storageCalls: r.storageCalls,
          sequentialStorageRoundTrips: r.sequentialStorageRoundTrips,
          jiraCalls: r.jiraCalls,
          responseBytes: r.responseBytes,
          readUnits: r.readUnits,
          writeUnits: r.writeUnits,
          jiraPoints: r.jiraPoints,
          durationMs: r.durationMs,
          loadsPerMin:
            (r.readUnits ?? 0) > 0 ? Math.floor(FORGE_KVS_QUOTA.readUnitsPerMinute / (r.readUnits ?? 1)) : 'unlimited',
          ...('uiRoundTrips' in r ? { uiRoundTrips: r.uiRoundTrips } : {}),
          ...(r.error === undefined ? {} : { failed: r.error }),
        },
      ]),
    ),
  );
  const boardUnits = board.readUnits ?? 0;
  const rebuildUnits = boardAfterChange.readUnits ?? 0;
  console.log(
    `board.get reads ${String(boardUnits)} read units from its kept head, ${String(rebuildUnits)} after a change ` +
      `(the tree index, once per change): the per-installation read quota ` +
      `(${String(FORGE_KVS_QUOTA.readUnitsPerMinute)} units/min) allows ` +
      `${boardUnits > 0 ? String(Math.floor(FORGE_KVS_QUOTA.readUnitsPerMinute / boardUnits)) : 'unlimited'} board loads/min, ` +
      `${rebuildUnits > 0 ? String(Math.floor(FORGE_KVS_QUOTA.readUnitsPerMinute / rebuildUnits)) : 'unlimited'} if every load followed a change; ` +
      `the head answers ${headMinutes}` +
      `${board.error === undefined && boardAfterChange.error === undefined ? '' : ' (board.get FAILED, see the table)'}.`,
  );
  console.log(
    'Budget: board.get and board.children <= 60 read units, <= 30 storage calls, <= 3 sequential round trips (board.get after a change: 4), <= 2 Jira calls, <= 500 KB at any cycle size; ' +
      'board.keyResults <= 2 round trips, <= 1 Jira call; checkIns.create <= 4 round trips (the generation, the objective, its board shard, the transaction).',
  );
  // Last: the paged import replaces the seeded data with its own export (bench/import-figures.ts).
  await importFigures(runtime, DEMO_USER_LIST.find((u) => u.displayName.startsWith('Elena'))?.accountId ?? people[0] ?? '');
  runtime.close();
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
