/**
 * Which pg failures mean "the store is unavailable, retry later" (EventStoreUnavailable) rather than a bug or a
 * refused request. An append that fails this way may or may not have committed; retrying it with the same event ids
 * is safe because appends are idempotent.
 */
import { EventStoreUnavailable } from '../errors';

/** SQLSTATE classes and codes of connection loss, overload, shutdown and timeouts. */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0|58)|^57014$/;

/** Node socket errors. */
const UNAVAILABLE_SYSCALL = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** pg and pg-pool report these without a code. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|Query read timeout|connection timeout/i;

/** True when the error says the server could not be reached, went away, or timed out. */
export function isUnavailable(error: unknown): boolean {
  // Duck-typed, not instanceof: socket errors come from Node's own realm, which differs from the caller's under jest.
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SYSCALL.has(code))) return true;
  if (Array.isArray(errors) && errors.some(isUnavailable)) return true; // AggregateError: every address refused
  return typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message);
}

/** Wraps an unavailability error in EventStoreUnavailable (with the cause); returns any other error unchanged. */
export function mapPgError(error: unknown, doing: string): unknown {
  if (!isUnavailable(error)) return error;
  const message = (error as { message?: unknown }).message;
  const detail = typeof message === 'string' && message ? `: ${message}` : '';
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
