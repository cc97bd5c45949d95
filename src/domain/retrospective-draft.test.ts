import type { RetrospectiveCheckIn, RetrospectiveKeyResult } from './retrospective-draft';
import { MAX_BLOCKERS, draftRetrospective, hasRetrospective } from './retrospective-draft';

const kr = (id: string, score: number, midCycleForecast?: number | null): RetrospectiveKeyResult => ({
  id,
  title: `KR ${id}`,
  score,
  midCycleForecast,
});
const checkIn = (
  keyResultId: string,
  day: number,
  extra: Partial<RetrospectiveCheckIn> = {},
): RetrospectiveCheckIn => ({
  keyResultId,
  at: new Date(Date.UTC(2027, 0, day)).toISOString(),
  confidence: 'at_risk',
  ...extra,
});

describe('draftRetrospective', () => {
  test('an empty cycle drafts nothing', () => {
    expect(draftRetrospective({ keyResults: [], checkIns: [] })).toEqual({ drove: [], didNot: [], learned: [] });
  });

  test('green KRs and their latest note drove progress; red ones did not', () => {
    const draft = draftRetrospective({
      keyResults: [kr('a', 0.8), kr('b', 0.2), kr('c', 0.5)],
      checkIns: [
        checkIn('a', 3, { note: 'old news' }),
        checkIn('a', 20, { note: '  Shipped the new flow ' }),
        checkIn('a', 25),
      ],
    });
    expect(draft.drove).toEqual([
      { kind: 'scored', keyResultId: 'a', title: 'KR a', score: 0.8 },
      { kind: 'note', keyResultId: 'a', title: 'KR a', text: 'Shipped the new flow' },
    ]);
    expect(draft.didNot).toEqual([{ kind: 'scored', keyResultId: 'b', title: 'KR b', score: 0.2 }]);
  });

  test('blockers are listed once each, newest first, at most a few', () => {
    const checkIns = [
      checkIn('b', 2, { blockers: 'Waiting on legal' }),
      checkIn('b', 9, { blockers: 'waiting  on LEGAL' }),
      ...Array.from({ length: 8 }, (_, i) => checkIn('c', 10 + i, { blockers: `Blocker ${String(i)}` })),
    ];
    const blockers = draftRetrospective({ keyResults: [kr('b', 0.5), kr('c', 0.5)], checkIns }).didNot;
    expect(blockers).toHaveLength(MAX_BLOCKERS);
    expect(blockers[0]).toMatchObject({ kind: 'blocker', text: 'Blocker 7' });
  });

  test('the owner’s last word against the final score is a lesson, both ways', () => {
    const draft = draftRetrospective({
      keyResults: [kr('a', 0.1), kr('b', 0.9), kr('c', 0.1)],
      checkIns: [
        checkIn('a', 5, { confidence: 'off_track' }),
        checkIn('a', 20, { confidence: 'on_track' }),
        checkIn('b', 20, { confidence: 'off_track' }),
        checkIn('c', 20, { confidence: 'off_track' }),
      ],
    });
    expect(draft.learned).toEqual([
      { kind: 'confidence-miss', keyResultId: 'a', title: 'KR a', said: 'on_track', score: 0.1 },
      { kind: 'confidence-miss', keyResultId: 'b', title: 'KR b', said: 'off_track', score: 0.9 },
    ]);
  });

  test('a mid-cycle forecast far from the final score is a lesson', () => {
    const draft = draftRetrospective({
      keyResults: [kr('a', 0.3, 0.9), kr('b', 0.6, 0.7), kr('c', 0.5, null)],
      checkIns: [],
    });
    expect(draft.learned).toEqual([
      { kind: 'forecast-miss', keyResultId: 'a', title: 'KR a', forecast: 0.9, score: 0.3 },
    ]);
  });

  test('ignores check-ins of KRs it was not given', () => {
    const draft = draftRetrospective({
      keyResults: [kr('a', 0.5)],
      checkIns: [checkIn('z', 1, { blockers: 'Elsewhere' })],
    });
    expect(draft.didNot).toEqual([]);
  });
});

describe('hasRetrospective', () => {
  it('is true when any prompt is answered, false for blank ones or none', () => {
    expect(hasRetrospective(undefined)).toBe(false);
    expect(hasRetrospective({})).toBe(false);
    expect(hasRetrospective({ drove: ' ', didNot: '', learned: '\n' })).toBe(false);
    expect(hasRetrospective({ didNot: 'Referrals lagged.' })).toBe(true);
  });
});
