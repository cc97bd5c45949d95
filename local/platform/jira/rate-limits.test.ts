import { createJiraRateLimiter, rateLimitsFromEnv } from './rate-limits';

const ok = { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' };
const HOUR = 3_600_000;

/** A clock the tests move by hand; starts 10 minutes into an hour. */
const manualClock = () => {
  let now = Date.parse('2026-03-02T10:10:00.000Z');
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

describe('the points quota', () => {
  it('refuses every call once the hour is spent, until the top of the next UTC hour', () => {
    const clock = manualClock();
    const limiter = createJiraRateLimiter({ pointsPerHour: 100 }, clock.now);
    expect(limiter.admit('POST', '/rest/api/3/search/jql')).toBeUndefined();
    limiter.settle('POST', '/rest/api/3/search/jql', ok, 100);
    const refused = limiter.admit('GET', '/rest/api/3/myself');
    expect(refused).toMatchObject({
      status: 429,
      headers: {
        'retry-after': String(50 * 60),
        'ratelimit-reason': 'jira-quota-global-based',
        'x-ratelimit-limit': '100',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '2026-03-02T11:00:00.000Z',
      },
      cost: { jiraPoints: 0 },
    });
    clock.advance(50 * 60 * 1000 - 1);
    expect(limiter.admit('GET', '/rest/api/3/myself')?.status).toBe(429);
    clock.advance(1);
    expect(limiter.admit('GET', '/rest/api/3/myself')).toBeUndefined();
    expect(limiter.usage()).toEqual({ pointsUsed: 0, pointsPerHour: 100, resetsAt: '2026-03-02T12:00:00.000Z' });
  });

  it('shows the remaining points and NearLimit only once under 20 % is left', () => {
    const clock = manualClock();
    const limiter = createJiraRateLimiter({ pointsPerHour: 100 }, clock.now);
    const early = limiter.settle('GET', '/rest/api/3/myself', ok, 3);
    expect(early.headers).toMatchObject({
      'ratelimit-policy': '"global-app-quota";q=100;w=3600',
      ratelimit: `"global-app-quota";t=${50 * 60}`,
      'x-ratelimit-limit': '100',
    });
    expect(early.headers).not.toHaveProperty('x-ratelimit-nearlimit');
    expect(early.cost).toEqual({ jiraPoints: 3 });
    const late = limiter.settle('GET', '/rest/api/3/myself', ok, 80);
    expect(late.headers).toMatchObject({
      ratelimit: `"global-app-quota";r=17;t=${50 * 60}`,
      'x-ratelimit-nearlimit': 'true',
    });
  });

  it('starts each hour from zero', () => {
    const clock = manualClock();
    const limiter = createJiraRateLimiter({ pointsPerHour: 10 }, clock.now);
    limiter.settle('GET', '/rest/api/3/myself', ok, 9);
    clock.advance(HOUR);
    expect(limiter.usage().pointsUsed).toBe(0);
  });
});

describe('the burst limit', () => {
  it('gives each endpoint and method its own bucket of one second at its steady rate', () => {
    const clock = manualClock();
    const limiter = createJiraRateLimiter({}, clock.now);
    for (let i = 0; i < 150; i++) expect(limiter.admit('GET', '/rest/api/3/issue/{issueIdOrKey}')).toBeUndefined();
    expect(limiter.admit('GET', '/rest/api/3/issue/{issueIdOrKey}')).toMatchObject({
      status: 429,
      headers: { 'ratelimit-reason': 'jira-burst-based', 'x-ratelimit-limit': '150', 'retry-after': '1' },
    });
    // Another endpoint, or the same path with another method, is unaffected.
    expect(limiter.admit('POST', '/rest/api/3/search/jql')).toBeUndefined();
    clock.advance(10);
    expect(limiter.admit('GET', '/rest/api/3/issue/{issueIdOrKey}')).toBeUndefined();
  });

  it('can be lowered for tests, and by environment', () => {
    const clock = manualClock();
    const limiter = createJiraRateLimiter({ burstPerSecond: 2 }, clock.now);
    expect(limiter.admit('POST', '/rest/api/3/search/jql')).toBeUndefined();
    expect(limiter.admit('POST', '/rest/api/3/search/jql')).toBeUndefined();
    expect(limiter.admit('POST', '/rest/api/3/search/jql')?.status).toBe(429);
    expect(rateLimitsFromEnv({ LOCAL_JIRA_POINTS_PER_HOUR: '500', LOCAL_JIRA_BURST_PER_SECOND: '5' })).toEqual({
      pointsPerHour: 500,
      burstPerSecond: 5,
    });
    expect(() => rateLimitsFromEnv({ LOCAL_JIRA_POINTS_PER_HOUR: 'lots' })).toThrow();
  });
});
