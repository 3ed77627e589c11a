/**
 * Which pg failures mean "the store is unavailable, retry later" (EventStoreUnavailable) rather than a bug or a
 * refused request. An append that fails this way may or may not have committed; retrying it with the same event ids
 * is safe because appends are idempotent.
 */
import { EventStoreUnavailable } from '../errors';

/** SQLSTATE classes and codes of connection loss, overload, shutdown and timeouts. */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0|58)|^57014$/;

/** Node socket errors. */
const UNAVAILABLE_SYSCALL = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** pg and pg-pool report these without a code. */
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|Query read timeout|connection timeout/i;

/** True when the error says the server could not be reached, went away, or timed out. */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SYSCALL.has(code))) return true;
  if (error instanceof AggregateError) return error.errors.some(isUnavailable); // several addresses refused
  return UNAVAILABLE_MESSAGE.test(error.message);
}

/** Wraps an unavailability error in EventStoreUnavailable (with the cause); returns any other error unchanged. */
export function mapPgError(error: unknown, doing: string): unknown {
  if (!isUnavailable(error)) return error;
  const detail = error instanceof Error && error.message ? `: ${error.message}` : '';
  return new EventStoreUnavailable(`PostgreSQL event store: ${doing} failed${detail}`, { cause: error });
}

/** Runs `work`, mapping unavailability errors to EventStoreUnavailable. */
export async function guarded<T>(doing: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw mapPgError(error, doing);
  }
}
