import type { LocalRuntime } from '../../local/platform/local-runtime';
import { accountOf, fails, newRuntime, ok } from '../support/cadence-client';
import type { ExportDocument } from '../../src/contract';
import { countsOf } from '../../src/contract';
import { exportDocument, exportPages } from '../support/export-document';
import { aTeam } from '../support/scenario';

const DAY = 86_400_000;
const isoDay = (offsetDays: number): string => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

/** Last quarter (closed) and this one (active), and a Payments team of Priya and Daniel. */
const setup = async () => {
  const runtime = newRuntime();
  const last = await ok(runtime, 'cycles.create', { name: 'Last', startDate: isoDay(-120), endDate: isoDay(-30) }, 'elena');
  const now = await ok(runtime, 'cycles.create', { name: 'Now', startDate: isoDay(-29), endDate: isoDay(60) }, 'elena');
  await ok(runtime, 'cycles.update', { id: now.id, status: 'active' }, 'elena');
  const team = await aTeam(runtime, 'Payments', ['priya', 'daniel']);
  return { runtime, last, now, team };
};

const closeCycle = async (runtime: LocalRuntime, id: string): Promise<void> => {
  for (const status of ['active', 'review', 'closed'] as const) await ok(runtime, 'cycles.update', { id, status }, 'elena');
};

describe('leftOut: "not this cycle" lists', () => {
  it('keeps a team’s items with who added them; everyone reads, members and OKR admins edit', async () => {
    const { runtime, now, team } = await setup();
    const empty = await ok(runtime, 'leftOut.list', { cycleId: now.id, teamId: team.id }, 'marcus');
    expect(empty).toEqual({ items: [], candidates: [], canEdit: false });

    const added = await ok(runtime, 'leftOut.add', { cycleId: now.id, teamId: team.id, title: 'Instant payouts', why: 'Reliability first' }, 'priya');
    expect(added.canEdit).toBe(true);
    expect(added.items).toEqual([
      expect.objectContaining({ cycleId: now.id, teamId: team.id, title: 'Instant payouts', why: 'Reliability first', createdByAccountId: accountOf('priya') }),
    ]);
    // Read by key: the next reader sees it at once, without waiting for an index.
    const read = await ok(runtime, 'leftOut.list', { cycleId: now.id, teamId: team.id }, 'marcus');
    expect(read.items.map((i) => i.title)).toEqual(['Instant payouts']);
    // The company's list is another list.
    expect((await ok(runtime, 'leftOut.list', { cycleId: now.id }, 'priya')).items).toEqual([]);

    // Not a member: refused with its words. The company's list: OKR admins only.
    expect(await fails(runtime, 'leftOut.add', { cycleId: now.id, teamId: team.id, title: 'Crypto payouts' }, 'marcus')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fails(runtime, 'leftOut.add', { cycleId: now.id, title: 'A second office' }, 'priya')).toMatchObject({ code: 'FORBIDDEN' });
    const company = await ok(runtime, 'leftOut.add', { cycleId: now.id, title: 'A second office', why: 'Hiring first' }, 'elena');
    expect(company.items).toEqual([expect.objectContaining({ title: 'A second office', createdByAccountId: accountOf('elena') })]);
    expect(company.items[0]?.teamId).toBeUndefined();
    // An admin edits any team's list.
    await ok(runtime, 'leftOut.add', { cycleId: now.id, teamId: team.id, title: 'Crypto payouts' }, 'elena');

    const id = added.items[0]?.id ?? '';
    expect(await fails(runtime, 'leftOut.remove', { cycleId: now.id, teamId: team.id, id }, 'marcus')).toMatchObject({ code: 'FORBIDDEN' });
    const removed = await ok(runtime, 'leftOut.remove', { cycleId: now.id, teamId: team.id, id }, 'daniel');
    expect(removed.items.map((i) => i.title)).toEqual(['Crypto payouts']);
    // Removing it again answers the list as it is.
    expect((await ok(runtime, 'leftOut.remove', { cycleId: now.id, teamId: team.id, id }, 'daniel')).items).toHaveLength(1);
  });

  it('takes the author from the invocation, never the payload, and a repeated request adds once', async () => {
    const { runtime, now, team } = await setup();
    expect(
      await fails(runtime, 'leftOut.add', { cycleId: now.id, teamId: team.id, title: 'Instant payouts', createdByAccountId: accountOf('elena') }, 'priya'),
    ).toMatchObject({ code: 'VALIDATION' });
    const payload = { cycleId: now.id, teamId: team.id, title: 'Instant payouts', requestId: 'req-left-out-1' };
    await ok(runtime, 'leftOut.add', payload, 'priya');
    const again = await ok(runtime, 'leftOut.add', payload, 'priya');
    expect(again.items).toHaveLength(1);
  });

  it('keeps at most 20 items a list', async () => {
    const { runtime, now, team } = await setup();
    for (let i = 0; i < 20; i++) await ok(runtime, 'leftOut.add', { cycleId: now.id, teamId: team.id, title: `Priority ${String(i)}` }, 'priya');
    const refused = await fails(runtime, 'leftOut.add', { cycleId: now.id, teamId: team.id, title: 'One more' }, 'priya');
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'title' });
    expect(refused.message).toContain('a list keeps at most 20 items');
    expect((await ok(runtime, 'leftOut.list', { cycleId: now.id, teamId: team.id }, 'priya')).items).toHaveLength(20);
  });

  it('offers last cycle’s items as candidates and carries each forward once', async () => {
    const { runtime, last, now, team } = await setup();
    await ok(runtime, 'cycles.update', { id: last.id, status: 'active' }, 'elena');
    const before = await ok(runtime, 'leftOut.add', { cycleId: last.id, teamId: team.id, title: 'Instant payouts', why: 'Reliability first' }, 'priya');
    await ok(runtime, 'leftOut.add', { cycleId: last.id, teamId: team.id, title: 'Crypto payouts' }, 'priya');
    await closeCycle(runtime, last.id);
    const carriedFrom = before.items[0];
    if (carriedFrom === undefined) throw new Error('the item should have been added');

    const list = await ok(runtime, 'leftOut.list', { cycleId: now.id, teamId: team.id }, 'daniel');
    expect(list.candidates.map((c) => c.title)).toEqual(['Instant payouts', 'Crypto payouts']);
    // Another team's (or the company's) list has no candidates from this one.
    expect((await ok(runtime, 'leftOut.list', { cycleId: now.id }, 'daniel')).candidates).toEqual([]);

    const carry = { cycleId: now.id, teamId: team.id, title: carriedFrom.title, why: 'Still reliability first', carriedFromId: carriedFrom.id };
    const carried = await ok(runtime, 'leftOut.add', carry, 'daniel');
    expect(carried.items).toEqual([expect.objectContaining({ title: 'Instant payouts', why: 'Still reliability first', carriedFromId: carriedFrom.id, createdByAccountId: accountOf('daniel') })]);
    expect(carried.candidates.map((c) => c.title)).toEqual(['Crypto payouts']);
    // Carrying it again (Priya at the same time, say) adds nothing.
    expect((await ok(runtime, 'leftOut.add', carry, 'priya')).items).toHaveLength(1);
    // Only an item of the last cycle's same list can be carried.
    expect(await fails(runtime, 'leftOut.add', { ...carry, carriedFromId: 'nosuchitem01' }, 'priya')).toMatchObject({ code: 'NOT_FOUND', field: 'carriedFromId' });
    expect(await fails(runtime, 'leftOut.add', { ...carry, teamId: undefined }, 'elena')).toMatchObject({ code: 'NOT_FOUND', field: 'carriedFromId' });
  });

  it('refuses changes once the cycle is closed, and says it cannot be edited', async () => {
    const { runtime, now, team } = await setup();
    const added = await ok(runtime, 'leftOut.add', { cycleId: now.id, teamId: team.id, title: 'Instant payouts' }, 'priya');
    for (const status of ['review', 'closed'] as const) await ok(runtime, 'cycles.update', { id: now.id, status }, 'elena');
    expect(await fails(runtime, 'leftOut.add', { cycleId: now.id, teamId: team.id, title: 'Late idea' }, 'priya')).toMatchObject({ code: 'INVALID_STATE', field: 'cycleId' });
    expect(await fails(runtime, 'leftOut.remove', { cycleId: now.id, teamId: team.id, id: added.items[0]?.id }, 'elena')).toMatchObject({ code: 'INVALID_STATE' });
    const list = await ok(runtime, 'leftOut.list', { cycleId: now.id, teamId: team.id }, 'priya');
    expect(list).toMatchObject({ canEdit: false, items: [expect.objectContaining({ title: 'Instant payouts' })] });
  });

  it('reads lists by key within a small budget', async () => {
    const { runtime, last, now, team } = await setup();
    await ok(runtime, 'leftOut.add', { cycleId: last.id, teamId: team.id, title: 'Crypto payouts' }, 'priya');
    const cost = () => {
      const summary = runtime.log.last()?.summary;
      return { storageCalls: summary?.storageCalls, round: summary?.sequentialStorageRoundTrips, read: summary?.readUnits, write: summary?.writeUnits, jira: summary?.jiraCalls };
    };
    await ok(runtime, 'leftOut.add', { cycleId: now.id, teamId: team.id, title: 'Instant payouts', why: 'Reliability first' }, 'priya');
    const add = cost();
    await ok(runtime, 'leftOut.list', { cycleId: now.id, teamId: team.id }, 'priya');
    const list = cost();
    // A member: no Jira call. The generation, then the cycle and team catalogs, then both lists in one batchGet.
    expect(list).toEqual({ storageCalls: 4, round: 3, read: 4, write: 0, jira: 0 });
    // The same, then the list's get and its conditional write, with last cycle's list read beside them.
    expect(add).toEqual({ storageCalls: 6, round: 4, read: 5, write: 1, jira: 0 });
  });

  it('names an unknown cycle or team', async () => {
    const { runtime, now } = await setup();
    expect(await fails(runtime, 'leftOut.list', { cycleId: 'nosuchcycle1' }, 'priya')).toMatchObject({ code: 'NOT_FOUND', field: 'cycleId' });
    expect(await fails(runtime, 'leftOut.add', { cycleId: now.id, teamId: 'nosuchteam01', title: 'x' }, 'elena')).toMatchObject({ code: 'NOT_FOUND', field: 'teamId' });
  });

  it('goes through export and import whole, and an export from before the lists still imports', async () => {
    const { runtime, now, team } = await setup();
    await ok(runtime, 'leftOut.add', { cycleId: now.id, teamId: team.id, title: 'Instant payouts', why: 'Reliability first' }, 'priya');
    await ok(runtime, 'leftOut.add', { cycleId: now.id, title: 'A second office' }, 'elena');
    const doc = await exportDocument(runtime, 'elena');
    expect(doc.leftOut?.map((i) => i.title).sort()).toEqual(['A second office', 'Instant payouts']);

    const target = newRuntime();
    await ok(target, 'data.import', { data: doc }, 'elena');
    expect((await ok(target, 'leftOut.list', { cycleId: now.id, teamId: team.id }, 'priya')).items).toEqual(
      (await ok(runtime, 'leftOut.list', { cycleId: now.id, teamId: team.id }, 'priya')).items,
    );
    expect((await ok(target, 'leftOut.list', { cycleId: now.id }, 'priya')).items.map((i) => i.title)).toEqual(['A second office']);
    expect((await exportDocument(target, 'elena')).leftOut).toEqual(doc.leftOut);
    // data.health reads the lists as whole.
    expect((await ok(target, 'data.health', {}, 'elena')).corrupt).toEqual([]);

    const { leftOut: _lists, ...older } = doc;
    const plain = newRuntime();
    await ok(plain, 'data.import', { data: older }, 'elena');
    expect((await ok(plain, 'leftOut.list', { cycleId: now.id, teamId: team.id }, 'priya')).items).toEqual([]);
  });

  it('refuses an import whose item names no cycle or team of the document', async () => {
    const { runtime, now } = await setup();
    await ok(runtime, 'leftOut.add', { cycleId: now.id, title: 'A second office' }, 'elena');
    const doc = await exportDocument(runtime, 'elena');
    const broken = { ...doc, leftOut: (doc.leftOut ?? []).map((i) => ({ ...i, teamId: 'nosuchteam01' })) };
    expect(await fails(newRuntime(), 'data.import', { data: broken }, 'elena')).toMatchObject({ code: 'VALIDATION', field: 'data.leftOut.0.teamId' });
  });

  it('pages long lists list by list and stages them through a paged import', async () => {
    const { runtime, now } = await setup();
    const base = await exportDocument(runtime, 'elena');
    // 15 teams with full lists of long items: about 400 KB, more than one export page holds.
    const teams = Array.from({ length: 15 }, (_, t) => ({ id: `team${String(t).padStart(8, '0')}`, name: `Team ${String(t)}`, memberAccountIds: [accountOf('priya')], jiraProjectKeys: [] }));
    const leftOut = teams.flatMap((team) =>
      Array.from({ length: 20 }, (_, i) => ({
        id: `${team.id.slice(4)}item${String(i).padStart(4, '0')}`,
        cycleId: now.id,
        teamId: team.id,
        title: `Priority ${String(i)} `.padEnd(200, 'x'),
        why: 'Because '.padEnd(1000, 'y'),
        createdByAccountId: accountOf('priya'),
        createdAt: new Date().toISOString(),
      })),
    );
    const big: ExportDocument = { ...base, teams: [...base.teams, ...teams], leftOut };
    const source = newRuntime();
    await ok(source, 'data.import', { data: big }, 'elena');
    const pages = await exportPages(source, 'elena');
    const carrying = pages.filter((p) => (p.leftOut ?? []).length > 0);
    expect(carrying.length).toBeGreaterThan(1);
    for (const page of carrying) expect((page.leftOut ?? []).length % 20).toBe(0);
    const doc = await exportDocument(source, 'elena');
    expect(doc.leftOut).toHaveLength(300);

    const target = newRuntime();
    const { importId } = await ok(target, 'data.import.start', { requestId: 'left-out-import-1', header: { format: 'cadence-export', version: 1, counts: countsOf(doc) } }, 'elena');
    for (const [i, { format: _f, version: _v, exportedAt: _e, ...part }] of pages.entries()) {
      await ok(target, 'data.import.append', { importId, requestId: `left-out-part-${String(i)}`, part }, 'elena');
    }
    await ok(target, 'data.import.finish', { importId }, 'elena');
    await target.events.drain();
    expect(await ok(target, 'data.import.status', { importId }, 'elena')).toMatchObject({ state: 'done' });
    expect((await exportDocument(target, 'elena')).leftOut).toEqual(doc.leftOut);
    const teamId = teams[3]?.id;
    expect((await ok(target, 'leftOut.list', { cycleId: now.id, teamId }, 'priya')).items).toHaveLength(20);
  }, 60_000);
});
