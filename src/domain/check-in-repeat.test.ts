import { REPEAT_WINDOW_MS, repeatsCheckIn } from './check-in-repeat';

const last = { at: '2026-11-02T10:00:00.000Z', authorAccountId: 'a', value: 3, confidence: 'on_track', note: 'Steady', blockers: undefined };
const at = (ms: number): Date => new Date(Date.parse(last.at) + ms);

describe('repeatsCheckIn', () => {
  it('is a repeat when the same person says the same thing within the window', () => {
    expect(repeatsCheckIn(last, { authorAccountId: 'a', value: 3, confidence: 'on_track', note: ' Steady ' }, at(60_000))).toBe(true);
    expect(repeatsCheckIn(last, { authorAccountId: 'a', value: 3, confidence: 'on_track', note: 'Steady' }, at(REPEAT_WINDOW_MS))).toBe(true);
  });

  it('is a new check-in when anything differs or the window has passed', () => {
    const same = { authorAccountId: 'a', value: 3, confidence: 'on_track', note: 'Steady' };
    expect(repeatsCheckIn(last, same, at(REPEAT_WINDOW_MS + 1))).toBe(false);
    expect(repeatsCheckIn(last, same, at(-1))).toBe(false);
    expect(repeatsCheckIn(last, { ...same, authorAccountId: 'b' }, at(1))).toBe(false);
    expect(repeatsCheckIn(last, { ...same, value: 3.5 }, at(1))).toBe(false);
    expect(repeatsCheckIn(last, { ...same, confidence: 'at_risk' }, at(1))).toBe(false);
    expect(repeatsCheckIn(last, { ...same, note: 'Other' }, at(1))).toBe(false);
    expect(repeatsCheckIn(last, { ...same, blockers: 'Waiting on legal' }, at(1))).toBe(false);
  });
});
