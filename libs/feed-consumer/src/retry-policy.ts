import { retryAfterMs } from '@thads/api-client';

/**
 * When to try again: a server's `Retry-After` is obeyed as given (it knows when it will have capacity again);
 * otherwise the wait doubles from `initialMs` up to `maxMs`, with jitter so many consumers cut off together do not
 * reconnect in step. Pure functions of the clock's "now" and a random number, so tests choose both.
 */

/** How long to wait between attempts. */
export interface RetryPolicy {
  /** The first wait after a failure, before jitter. */
  readonly initialMs: number;
  /** The longest wait after repeated failures, before jitter. */
  readonly maxMs: number;
  /** A Retry-After longer than this is cut to it: a misconfigured proxy must not park the consumer for a day. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { initialMs: 1_000, maxMs: 60_000, maxRetryAfterMs: 600_000 };

/**
 * The wait before attempt `failures + 1` after `failures` consecutive failures (1 for the first): the doubled delay
 * capped at `maxMs`, then "equal jitter": half of it fixed, half drawn from `random()` in [0, 1). Never zero, so a
 * server that accepts and drops at once cannot be hammered in a tight loop.
 */
export function backoffDelayMs(failures: number, policy: RetryPolicy, random: () => number): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  const capped = Math.min(policy.maxMs, policy.initialMs * 2 ** exponent);
  return Math.round(capped / 2 + random() * (capped / 2));
}

/**
 * The wait a `Retry-After` header asks for (seconds or an HTTP-date, read by the API client's `retryAfterMs`), cut
 * to `maxRetryAfterMs`. Undefined when the header is absent or malformed, so the caller falls back to its backoff.
 */
export function cappedRetryAfterMs(header: string | undefined, nowMs: number, policy: RetryPolicy): number | undefined {
  const wait = retryAfterMs(header, nowMs);
  return wait === undefined ? undefined : Math.min(wait, policy.maxRetryAfterMs);
}
