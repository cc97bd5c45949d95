/**
 * A large organisation for benchmarks, seeded through the app's own import path (OkrStore.replaceAll:
 * catalog, aggregates, link rows and board projection in batch writes, not thousands of resolver calls)
 * and into the emulated Jira site: one active cycle, company -> team -> individual objectives, KRs with a
 * check-in, epics linked under them.
 *
 * Seeding stands for data written long before the measurement: it runs with the storage quota raised
 * (restored, and the spend forgotten, afterwards) and ends by settling the store, so index queries see
 * it as they would see old data. Callers say so in their output.
 */
import { performance } from 'node:perf_hooks';
import { DEMO_USER_LIST, seedDemoSite } from '../local/demo';
import type { LocalRuntime } from '../local/platform/local-runtime';
import type { Cycle, KeyResult, Objective, Team } from '../src/contract';
import { createKvsOkrStore } from '../src/adapters/kvs/kvs-okr-store';
import { cryptoIds } from '../src/app/compose';
import type { ObjectiveAggregate, StoredInitiative } from '../src/usecases/model';
import { withForecastScore } from '../src/usecases/shared/forecasts';

export interface ScaleShape {
  objectives: number;
  /** Of which company-level (roots); a fifth of the rest are team objectives, the others individual. */
  companyObjectives: number;
  keyResultsPerObjective: number;
  epicsPerKeyResult: number;
  projects: number;
  teams: number;
}

export const BOARD_SCALE: ScaleShape = {
  objectives: 1000,
  companyObjectives: 10,
  keyResultsPerObjective: 4,
  epicsPerKeyResult: 1,
  projects: 20,
  teams: 25,
};

type SeededKeyResult = KeyResult & {
  lastCheckIn: NonNullable<ObjectiveAggregate['keyResults'][number]['lastCheckIn']>;
};

/** What was seeded, for benchmarks that act on it; times in ms. */
export interface SeededScale {
  cycle: Cycle;
  teams: Team[];
  aggregates: ObjectiveAggregate[];
  epics: number;
  jiraMs: number;
  storageMs: number;
}

/** Quota while seeding: far above anything a seed spends (the seed is not what is measured). */
const SEEDING_QUOTA = { readUnitsPerMinute: 1e9, writeUnitsPerMinute: 1e9, requestsPerSecond: 1e9 };

/** Seeds the demo site's people, then the organisation. */
export const seedScale = async (runtime: LocalRuntime, shape: ScaleShape = BOARD_SCALE): Promise<SeededScale> => {
  const jiraStarted = performance.now();
  seedDemoSite(runtime.site);
  const people = DEMO_USER_LIST.map((u) => u.accountId);
  const pick = <T>(list: readonly T[], i: number): T => {
    const item = list[i % list.length];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };

  const projects = Array.from({ length: shape.projects }, (_, i) =>
    runtime.site.createProject({ key: `BN${String(i)}`, name: `Bench ${String(i)}`, browse: 'everyone' }),
  );
  const epicCount = shape.objectives * shape.keyResultsPerObjective * shape.epicsPerKeyResult;
  const epics = runtime.site.transaction(
    () =>
      Array.from({ length: epicCount }, (_, i) =>
        runtime.site.createIssue({
          project: pick(projects, i).key,
          issueType: 'Epic',
          summary: `Deliver capability ${String(i)} for enterprise customers`,
        }),
      ),
    { silent: true },
  );

  const jiraMs = performance.now() - jiraStarted;

  const now = new Date();
  const day = (offset: number): string => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const cycle: Cycle = {
    id: cryptoIds.random(12),
    name: 'Bench quarter',
    kind: 'quarterly',
    startDate: day(-30),
    endDate: day(60),
    status: 'active',
  };
  const teams: Team[] = Array.from({ length: shape.teams }, (_, i) => ({
    id: cryptoIds.random(12),
    name: `Team ${String(i)}`,
    memberAccountIds: [pick(people, i), pick(people, i + 1)],
    jiraProjectKeys: [pick(projects, i).key],
  }));
  const at = now.toISOString();
  const companyIds: string[] = [];
  const teamObjectiveIds: string[] = [];
  const teamLevelCount = Math.floor((shape.objectives - shape.companyObjectives) / 5);
  const aggregates: ObjectiveAggregate[] = [];
  let epicIndex = 0;
  for (let o = 0; o < shape.objectives; o++) {
    const id = cryptoIds.random(12);
    const level =
      o < shape.companyObjectives ? 'company' : o < shape.companyObjectives + teamLevelCount ? 'team' : 'individual';
    const parent =
      level === 'team' ? pick(companyIds, o) : level === 'individual' ? pick(teamObjectiveIds, o) : undefined;
    const objective: Objective = {
      id,
      cycleId: cycle.id,
      title: `Make enterprise customers successful in region ${String(o)}`,
      level,
      ...(level === 'company' ? {} : { teamId: pick(teams, o).id }),
      ...(parent === undefined ? {} : { parentObjectiveId: parent }),
      ownerAccountId: pick(people, o),
      reviewerAccountId: pick(people, o + 1),
      status: 'published',
    };
    if (level === 'company') companyIds.push(id);
    if (level === 'team') teamObjectiveIds.push(id);
    const keyResults = Array.from({ length: shape.keyResultsPerObjective }, (_, k): SeededKeyResult => {
      const krId = `${id}-k${cryptoIds.random(6)}`;
      const current = 40 + ((o * 7 + k * 13) % 25);
      return withForecastScore({
        id: krId,
        objectiveId: id,
        title: `Increase weekly active workspaces from 40% to ${String(60 + k)}%`,
        ownerAccountId: pick(people, o + k),
        weight: 1,
        metric: { kind: 'percent', start: 40, target: 60 + k, current, unit: '%' },
        progressSource: 'manual',
        status: 'active',
        lastCheckIn: {
          id: `${krId}-c${Date.now().toString(36)}aaaa`,
          at,
          value: current,
          confidence: 'on_track',
          authorAccountId: pick(people, o + k),
        },
        // Four weekly values up to the check-in, as a KR a month into its cycle has (the forecast's input).
        trail: [21, 14, 7, 0].map((daysAgo, w) => ({
          at: new Date(now.getTime() - daysAgo * 86_400_000).toISOString(),
          value: Math.max(40, current - (3 - w) * ((o + k) % 4)),
        })),
      }, cycle) as SeededKeyResult;
    });
    const initiatives: StoredInitiative[] = keyResults.flatMap((kr) =>
      Array.from({ length: shape.epicsPerKeyResult }, () => {
        const epic = pick(epics, epicIndex++);
        const project = projects.find((p) => p.key === epic.projectKey);
        return {
          id: `${id}-i${cryptoIds.random(6)}`,
          keyResultId: kr.id,
          issueKey: epic.key,
          issueId: epic.id,
          linkedAt: at,
          linkedByAccountId: kr.ownerAccountId,
          epic: {
            summary: epic.summary,
            statusName: 'In Progress',
            statusCategory: 'indeterminate',
            projectId: project?.id ?? '',
            projectKey: epic.projectKey,
            progress: { done: 3, total: 8, excluded: 1, ratio: 3 / 7, addedAfterStart: 1 },
            missing: false,
            refreshedAt: at,
          },
        };
      }),
    );
    aggregates.push({ objective, keyResults, initiatives, createdAt: at, updatedAt: at, version: 1 });
  }
  const storageStarted = performance.now();
  const store = createKvsOkrStore();
  const limits = runtime.kvs.usage().limits;
  runtime.kvs.setQuota(SEEDING_QUOTA);
  try {
    await store.replaceAll({
      bands: await store.getBands(),
      cycles: [cycle],
      teams,
      objectives: aggregates,
      checkIns: [],
      snapshots: [],
    });
  } finally {
    runtime.kvs.setQuota(limits);
    runtime.kvs.resetUsage();
  }
  runtime.kvs.settle();
  return { cycle, teams, aggregates, epics: epics.length, jiraMs, storageMs: performance.now() - storageStarted };
};
