import { retryAfterMs } from './jira-client';

describe('retryAfterMs', () => {
  it('reads seconds, HTTP dates, and defaults to one second', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs(null, 0)).toBe(1000);
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:05 GMT', 1000)).toBe(4000);
    expect(retryAfterMs('soon', 0)).toBe(1000);
  });
});
