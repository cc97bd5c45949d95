import type { LintInput } from '..';
import { aCycle, aKeyResult, aLintInput, anObjective } from '../../../../test/support/builders';
import { lintCycle } from '..';
import type { CycleStatus } from '../../../contract';

const DAY = 86_400_000;
const objective = anObjective();
const kr = aKeyResult({ objectiveId: objective.id, title: 'Increase enterprise logo retention from 82% to 92%' });
const lastCheckIn = new Date('2027-02-01T10:00:00.000Z');

const stale = (over: Partial<LintInput>, status: CycleStatus = 'active') =>
  lintCycle(
    aLintInput({
      cycle: aCycle({ startDate: '2027-01-01', status }),
      objectives: [objective],
      keyResults: [kr],
      lastCheckInAtByKeyResult: new Map([[kr.id, lastCheckIn.toISOString()]]),
      ...over,
    }),
  ).filter((f) => f.ruleId === 'stale-check-in');

describe('stale-check-in', () => {
  it('is quiet exactly 7 days after the last check-in', () => {
    expect(stale({ now: new Date(lastCheckIn.getTime() + 7 * DAY) })).toEqual([]);
  });

  it('warns 7 days and 1 ms after the last check-in, saying how long ago it was', () => {
    const found = stale({ now: new Date(lastCheckIn.getTime() + 7 * DAY + 1) });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', target: { kind: 'keyResult', id: kr.id } });
    expect(found[0]).toMatchObject({ variant: 'last', params: { title: kr.title, count: 7 } });
  });

  it('honours a custom threshold, counting whole days', () => {
    const found = stale({ now: new Date(lastCheckIn.getTime() + DAY + 1), options: { staleAfterDays: 1 } });
    expect(found[0]).toMatchObject({ variant: 'last', params: { count: 1 } });
  });

  describe('a KR never checked in', () => {
    const cycleStart = Date.parse('2027-01-01T00:00:00.000Z');
    const never = (now: number) => stale({ now: new Date(now), lastCheckInAtByKeyResult: new Map() });

    it('is quiet until the cycle is more than 7 days old', () => {
      expect(never(cycleStart + 7 * DAY)).toEqual([]);
    });

    it('warns once the cycle is more than 7 days old, saying it was never checked in', () => {
      const found = never(cycleStart + 20 * DAY);
      expect(found[0]).toMatchObject({ variant: 'never', params: { title: kr.title, count: 20 } });
    });

    it('counts from its creation when it was added after the cycle started, saying so', () => {
      const created = cycleStart + 30 * DAY + 3_600_000;
      const fresh = aKeyResult({ ...kr, createdAt: new Date(created).toISOString() });
      const at = (now: number) => stale({ now: new Date(now), keyResults: [fresh], lastCheckInAtByKeyResult: new Map() });
      expect(at(created + 60_000)).toEqual([]);
      expect(at(created + 7 * DAY)).toEqual([]);
      expect(at(created + 9 * DAY)[0]).toMatchObject({ variant: 'added', params: { title: kr.title, count: 9 } });
    });
  });

  it('says the cycle start for a KR created before the cycle started', () => {
    const early = aKeyResult({ ...kr, createdAt: '2026-12-20T00:00:00.000Z' });
    const found = stale({ now: new Date(Date.parse('2027-01-21T00:00:00.000Z')), keyResults: [early], lastCheckInAtByKeyResult: new Map() });
    expect(found[0]).toMatchObject({ variant: 'never', params: { count: 20 } });
  });

  it.each(['planning', 'review', 'closed'] as const)('does not apply while the cycle is %s', (status) => {
    expect(stale({ now: new Date(lastCheckIn.getTime() + 30 * DAY) }, status)).toEqual([]);
  });

  it('ignores draft objectives and archived KRs', () => {
    const draft = anObjective({ status: 'draft' });
    const draftKr = aKeyResult({ objectiveId: draft.id });
    const archivedKr = aKeyResult({ objectiveId: objective.id, status: 'archived' });
    const found = stale({
      now: new Date(lastCheckIn.getTime() + 30 * DAY),
      objectives: [objective, draft],
      keyResults: [kr, draftKr, archivedKr],
    });
    expect(found.map((f) => f.target.id)).toEqual([kr.id]);
  });
});
