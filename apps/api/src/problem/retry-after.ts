/**
 * Seconds a client should wait before retrying a 503, sent as `Retry-After` on every 503 (RFC 9110 §10.2.3). The read
 * model catches up within moments; signing keys are re-read at most every 10 s; a halted projection needs an operator,
 * so polling it often helps nobody.
 */
export const RETRY_AFTER_SECONDS: Readonly<Record<string, number>> = {
  READ_MODEL_BEHIND: 1,
  AUTH_KEYS_UNAVAILABLE: 10,
  PROJECTION_HALTED: 60,
  // A store restart or a lock passes in seconds; a full disk needs someone to free space.
  EVENT_STORE_UNAVAILABLE: 2,
  READ_MODEL_UNAVAILABLE: 2,
  STORAGE_FULL: 30,
};

/** Any other 503 (one added later, or a dependency's): a short, fixed pause. */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;

/**
 * The Retry-After of a problem: for a 429 the seconds left in the caller's window (`retryAfterSeconds`), for a 503 or
 * 507 the table above, none otherwise.
 */
export function retryAfterOf(problem: {
  readonly status: number;
  readonly code: string;
  readonly retryAfterSeconds?: unknown;
}): number | undefined {
  if (problem.status === 429 && typeof problem.retryAfterSeconds === 'number') return problem.retryAfterSeconds;
  if (problem.status !== 503 && problem.status !== 507) return undefined;
  return RETRY_AFTER_SECONDS[problem.code] ?? DEFAULT_RETRY_AFTER_SECONDS;
}
