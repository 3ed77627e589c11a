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
 * The wait a `Retry-After` header asks for (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date relative to `nowMs`
 * (a date in the past means "now": 0). Undefined when the header is absent or malformed, so the caller falls back to
 * its own backoff. Capped at `maxRetryAfterMs`.
 */
export function retryAfterMs(
  header: string | null | undefined,
  nowMs: number,
  policy: RetryPolicy,
): number | undefined {
  if (header === null || header === undefined) return undefined;
  const text = header.trim();
  let wait: number;
  if (/^\d+$/.test(text)) wait = Number(text) * 1000;
  else {
    const at = Date.parse(text);
    if (Number.isNaN(at) || !/GMT$/.test(text)) return undefined;
    wait = Math.max(0, at - nowMs);
  }
  return Math.min(wait, policy.maxRetryAfterMs);
}
