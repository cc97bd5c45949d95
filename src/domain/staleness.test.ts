import { STALE_AFTER_DAYS, epochOf, freshSince, staleSince } from './staleness';

const cycle = { status: 'active' as const, startDate: '2026-10-01' };
const published = { status: 'published' as const };
const at = (iso: string): number => Date.parse(iso);

describe('staleSince', () => {
  it('is stale after more than a week without a check-in, not at exactly a week', () => {
    expect(staleSince(at('2026-11-01T00:00:00Z'), undefined, published, cycle, new Date('2026-11-08T00:00:00Z'))).toBe(false);
    expect(staleSince(at('2026-11-01T00:00:00Z'), undefined, published, cycle, new Date('2026-11-08T00:00:01Z'))).toBe(true);
    expect(STALE_AFTER_DAYS).toBe(7);
  });

  it('counts from the cycle start when there was never a check-in and the KR has no creation time', () => {
    expect(staleSince(undefined, undefined, published, cycle, new Date('2026-10-05T00:00:00Z'))).toBe(false);
    expect(staleSince(undefined, undefined, published, cycle, new Date('2026-10-09T00:00:00Z'))).toBe(true);
  });

  it('gives a KR created in a cycle that started weeks ago a week for its first check-in', () => {
    const created = at('2026-11-20T09:30:00Z');
    expect(staleSince(undefined, created, published, cycle, new Date('2026-11-20T09:31:00Z'))).toBe(false);
    expect(staleSince(undefined, created, published, cycle, new Date('2026-11-27T09:30:00Z'))).toBe(false);
    expect(staleSince(undefined, created, published, cycle, new Date('2026-11-28T09:30:00Z'))).toBe(true);
  });

  it('takes the later of the last check-in and the creation time', () => {
    const created = at('2026-11-20T00:00:00Z');
    // A check-in older than the creation (an imported history) does not make a new KR stale.
    expect(staleSince(at('2026-10-02T00:00:00Z'), created, published, cycle, new Date('2026-11-25T00:00:00Z'))).toBe(false);
    expect(staleSince(at('2026-11-24T00:00:00Z'), created, published, cycle, new Date('2026-12-01T00:00:00Z'))).toBe(false);
    expect(staleSince(at('2026-11-24T00:00:00Z'), created, published, cycle, new Date('2026-12-01T00:00:01Z'))).toBe(true);
  });

  it('counts from the cycle start for a KR created before the cycle started', () => {
    const created = at('2026-09-01T00:00:00Z');
    expect(staleSince(undefined, created, published, cycle, new Date('2026-10-05T00:00:00Z'))).toBe(false);
    expect(staleSince(undefined, created, published, cycle, new Date('2026-10-09T00:00:00Z'))).toBe(true);
  });

  it('never flags drafts or cycles that are not active', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(staleSince(undefined, undefined, { status: 'draft' }, cycle, now)).toBe(false);
    expect(staleSince(undefined, undefined, published, { ...cycle, status: 'review' }, now)).toBe(false);
  });

  it('takes another threshold when one is configured', () => {
    expect(staleSince(at('2026-11-01T00:00:00Z'), undefined, published, cycle, new Date('2026-11-04T00:00:01Z'), 3)).toBe(true);
  });
});

describe('freshSince', () => {
  it('is the latest of check-in, creation and cycle start', () => {
    expect(freshSince(undefined, undefined, cycle)).toBe(at('2026-10-01T00:00:00Z'));
    expect(freshSince(at('2026-10-03T00:00:00Z'), at('2026-10-02T00:00:00Z'), cycle)).toBe(at('2026-10-03T00:00:00Z'));
    expect(freshSince(undefined, at('2026-10-02T00:00:00Z'), cycle)).toBe(at('2026-10-02T00:00:00Z'));
  });
});

describe('epochOf', () => {
  it('reads ISO date-times and leaves missing or unparsable ones undefined', () => {
    expect(epochOf('2026-10-01T00:00:00Z')).toBe(at('2026-10-01T00:00:00Z'));
    expect(epochOf(undefined)).toBeUndefined();
    expect(epochOf('not a date')).toBeUndefined();
  });
});
