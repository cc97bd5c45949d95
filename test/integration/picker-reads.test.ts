import { seedScale } from '../../bench/scale-seed';
import { DEMO_USERS } from '../../local/demo';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import { createLocalRuntime } from '../../local/platform/local-runtime';
import type { BoardNode } from '../../src/contract';
import type { SeededScale } from '../../bench/scale-seed';
import { fails, ok } from '../support/cadence-client';

/**
 * Views that used to read board.get as the whole tree (issue #9): the gadget's "my key results"
 * (keyResults.mine) and the pickers' search (objectives.search) answer from the whole cycle, so a
 * cycle of more than the first screen's 100 objectives loses nothing.
 */

const idsOf = (nodes: readonly BoardNode[]): string[] => nodes.flatMap((n) => [n.objective.id, ...idsOf(n.children)]);

describe('whole-cycle reads for the gadget and the pickers', () => {
  let runtime: LocalRuntime;
  let seeded: SeededScale;
  let firstScreen: Set<string>;

  beforeAll(async () => {
    runtime = createLocalRuntime();
    seeded = await seedScale(runtime, {
      objectives: 260,
      companyObjectives: 4,
      keyResultsPerObjective: 2,
      epicsPerKeyResult: 0,
      projects: 2,
      teams: 6,
    });
    runtime.kvs.setQuota({ readUnitsPerMinute: 1e9 });
    const board = await ok(runtime, 'board.get', { cycleId: seeded.cycle.id }, 'priya');
    firstScreen = new Set(idsOf(board.roots));
  }, 120_000);

  afterAll(() => {
    runtime.close();
  });

  it('keyResults.mine lists every active KR I own, also of objectives beyond the first screen', async () => {
    const me = DEMO_USERS.priya.accountId;
    const expected = seeded.aggregates.flatMap((a) =>
      a.keyResults.filter((kr) => kr.ownerAccountId === me).map((kr) => ({ objectiveId: a.objective.id, id: kr.id })),
    );
    expect(expected.length).toBeGreaterThan(20);
    expect(expected.some((e) => !firstScreen.has(e.objectiveId))).toBe(true);

    const mine = await ok(runtime, 'keyResults.mine', { cycleId: seeded.cycle.id }, 'priya');
    expect(mine.cycle?.id).toBe(seeded.cycle.id);
    const got = mine.objectives.flatMap((o) => o.keyResults.map((kr) => ({ objectiveId: o.objectiveId, id: kr.id })));
    const sort = (l: { id: string }[]) => [...l].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(sort(got)).toEqual(sort(expected));
    expect(mine.objectives.every((o) => o.keyResults.every((kr) => kr.ownerAccountId === me))).toBe(true);
    const titles = new Map(seeded.aggregates.map((a) => [a.objective.id, a.objective.title]));
    for (const o of mine.objectives) expect(o.title).toBe(titles.get(o.objectiveId));
  });

  it('keyResults.mine without a cycle answers the current one; an unknown cycle is NOT_FOUND naming it', async () => {
    const mine = await ok(runtime, 'keyResults.mine', {}, 'daniel');
    expect(mine.cycle?.id).toBe(seeded.cycle.id);
    expect(await fails(runtime, 'keyResults.mine', { cycleId: 'nosuchcycle1' }, 'daniel')).toMatchObject({
      code: 'NOT_FOUND',
      field: 'cycleId',
    });
  });

  it('objectives.search finds an objective deep in the tree that board.get leaves for later', async () => {
    const deep = seeded.aggregates.findLast(
      (a) => a.objective.level === 'individual' && !firstScreen.has(a.objective.id),
    );
    if (deep === undefined) throw new Error('every objective is on the first screen');
    const n = deep.objective.title.split(' ').at(-1) ?? '';
    const found = await ok(runtime, 'objectives.search', { cycleId: seeded.cycle.id, query: `REGION ${n}` }, 'priya');
    expect(found.objectives.map((o) => o.id)).toEqual([deep.objective.id]);
    expect(found.matchCount).toBe(1);
    expect(found.objectives[0]).toMatchObject({
      title: deep.objective.title,
      level: 'individual',
      status: 'published',
    });
  });

  it('objectives.search pages nothing silently: the limit cuts the list and matchCount says how many matched', async () => {
    const all = await ok(
      runtime,
      'objectives.search',
      { cycleId: seeded.cycle.id, query: 'enterprise', limit: 50 },
      'priya',
    );
    expect(all.objectives).toHaveLength(50);
    expect(all.matchCount).toBe(260);
    // Company first, then team, then individual.
    expect(all.objectives[0]?.level).toBe('company');
    const byDefault = await ok(runtime, 'objectives.search', { cycleId: seeded.cycle.id }, 'priya');
    expect(byDefault.objectives).toHaveLength(20);
    const none = await ok(runtime, 'objectives.search', { cycleId: seeded.cycle.id, query: 'zebra' }, 'priya');
    expect(none).toEqual({ objectives: [], matchCount: 0 });
  });

  it('objectives.search keeps to a team, and says who may edit each hit', async () => {
    const team = seeded.teams[2];
    if (team === undefined) throw new Error('no team');
    const found = await ok(
      runtime,
      'objectives.search',
      { cycleId: seeded.cycle.id, teamId: team.id, limit: 50 },
      'priya',
    );
    const expected = seeded.aggregates.filter((a) => a.objective.teamId === team.id).length;
    expect(found.matchCount).toBe(expected);
    expect(found.objectives.every((o) => o.teamId === team.id)).toBe(true);
    const me = DEMO_USERS.priya.accountId;
    const member = team.memberAccountIds.includes(me);
    const owners = new Map(seeded.aggregates.map((a) => [a.objective.id, a.objective.ownerAccountId]));
    for (const o of found.objectives) if (member || owners.get(o.id) === me) expect(o.canEdit).toBe(true);
  });

  it('objectives.search refuses bad input and unknown names, naming the field', async () => {
    const cycleId = seeded.cycle.id;
    expect(await fails(runtime, 'objectives.search', { cycleId, limit: 51 }, 'priya')).toMatchObject({
      code: 'VALIDATION',
      field: 'limit',
    });
    expect(await fails(runtime, 'objectives.search', { cycleId, teamId: 'nosuchteam01' }, 'priya')).toMatchObject({
      code: 'NOT_FOUND',
      field: 'teamId',
    });
    expect(await fails(runtime, 'objectives.search', { cycleId: 'nosuchcycle1' }, 'priya')).toMatchObject({
      code: 'NOT_FOUND',
      field: 'cycleId',
    });
  });
});
