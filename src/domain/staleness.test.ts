import { STALE_AFTER_DAYS, staleSince } from './staleness';

const cycle = { status: 'active' as const, startDate: '2026-10-01' };
const published = { status: 'published' as const };
const at = (iso: string): number => Date.parse(iso);

describe('staleSince', () => {
  it('is stale after more than a week without a check-in, not at exactly a week', () => {
    expect(staleSince(at('2026-11-01T00:00:00Z'), published, cycle, new Date('2026-11-08T00:00:00Z'))).toBe(false);
    expect(staleSince(at('2026-11-01T00:00:00Z'), published, cycle, new Date('2026-11-08T00:00:01Z'))).toBe(true);
    expect(STALE_AFTER_DAYS).toBe(7);
  });

  it('counts from the cycle start when there was never a check-in', () => {
    expect(staleSince(undefined, published, cycle, new Date('2026-10-05T00:00:00Z'))).toBe(false);
    expect(staleSince(undefined, published, cycle, new Date('2026-10-09T00:00:00Z'))).toBe(true);
  });

  it('never flags drafts or cycles that are not active', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(staleSince(undefined, { status: 'draft' }, cycle, now)).toBe(false);
    expect(staleSince(undefined, published, { ...cycle, status: 'review' }, now)).toBe(false);
  });

  it('takes another threshold when one is configured', () => {
    expect(staleSince(at('2026-11-01T00:00:00Z'), published, cycle, new Date('2026-11-04T00:00:01Z'), 3)).toBe(true);
  });
});
