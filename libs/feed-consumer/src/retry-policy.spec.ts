import { backoffDelayMs, cappedRetryAfterMs, DEFAULT_RETRY_POLICY } from './retry-policy';

const policy = { initialMs: 1000, maxMs: 8000, maxRetryAfterMs: 60_000 };

describe('backoffDelayMs', () => {
  it('doubles from initialMs up to maxMs, half fixed and half drawn', () => {
    expect([1, 2, 3, 4, 5, 6].map((failures) => backoffDelayMs(failures, policy, () => 0))).toEqual([
      500, 1000, 2000, 4000, 4000, 4000,
    ]);
    expect([1, 2, 3, 4, 5].map((failures) => backoffDelayMs(failures, policy, () => 0.999999))).toEqual([
      1000, 2000, 4000, 8000, 8000,
    ]);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(3000);
  });

  it('stays bounded after very many failures', () => {
    expect(backoffDelayMs(10_000, DEFAULT_RETRY_POLICY, () => 0.5)).toBe(45_000);
  });
});

describe('cappedRetryAfterMs', () => {
  const now = Date.parse('2026-12-05T07:00:00Z');
  it('reads delay-seconds and HTTP-dates, clamping the past to 0 and the far future to the cap', () => {
    expect(cappedRetryAfterMs('7', now, policy)).toBe(7000);
    expect(cappedRetryAfterMs(' 0 ', now, policy)).toBe(0);
    expect(cappedRetryAfterMs('Sat, 05 Dec 2026 07:00:30 GMT', now, policy)).toBe(30_000);
    expect(cappedRetryAfterMs('Sat, 05 Dec 2026 06:59:00 GMT', now, policy)).toBe(0);
    expect(cappedRetryAfterMs('86400', now, policy)).toBe(60_000);
  });

  it('leaves a missing or malformed header to the backoff', () => {
    expect(cappedRetryAfterMs(undefined, now, policy)).toBeUndefined();
    expect(cappedRetryAfterMs('-3', now, policy)).toBeUndefined();
    expect(cappedRetryAfterMs('1.5', now, policy)).toBeUndefined();
    expect(cappedRetryAfterMs('tomorrow', now, policy)).toBeUndefined();
  });
});
