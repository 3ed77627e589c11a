/**
 * EventStoreDB client errors as the port's errors. Pure.
 *
 * Errors are recognised by their `type`, the client's ErrorType string (`wrong-expected-version`, …), not by class:
 * the narrow client passes the library's errors through, a test double throws plain objects of the same shape, and
 * a successor client that keeps the strings needs no change here. A raw gRPC error the client did not convert is
 * recognised by its status `code`, and a failed cluster discovery by its message.
 */
import type { ExpectedRevision } from '../event-store';
import { EventStoreUnavailable, StreamNotFound, WrongExpectedRevision } from '../errors';
import { fromEsdbCurrentRevision } from './revisions';
import type { EsdbCurrentRevision } from './client-port';

/** The client's ErrorType strings the adapter acts on. */
export const ESDB_ERROR = {
  wrongExpectedVersion: 'wrong-expected-version',
  streamNotFound: 'stream-not-found',
  deadlineExceeded: 'deadline-exceeded',
  unavailable: 'unavailable',
  notLeader: 'not-leader',
  /** gRPC ABORTED: the server gave up waiting (e.g. for a write to be acknowledged by the cluster). */
  timeout: 'timeout',
} as const;

/**
 * Retryable: the server could not be reached, answered too late, or is not the leader. For an append the outcome is
 * unknown; retrying it with the same event ids is safe, because the port's append is idempotent.
 */
const RETRYABLE_TYPES: ReadonlySet<string> = new Set([
  ESDB_ERROR.deadlineExceeded,
  ESDB_ERROR.unavailable,
  ESDB_ERROR.notLeader,
  ESDB_ERROR.timeout,
]);

/** gRPC status codes with the same meaning, for errors the client did not convert: 4 DEADLINE_EXCEEDED, 14 UNAVAILABLE. */
const RETRYABLE_GRPC_CODES: ReadonlySet<number> = new Set([4, 14]);

/** The client's own message when no cluster node answered gossip. */
const DISCOVERY_FAILED = /^Failed to discover after \d+ attempts/;

/** What the operation was, so a mapped error can name the logical stream and the caller's expected revision. */
export interface EsdbErrorContext {
  readonly stream?: string;
  readonly expectedRevision?: ExpectedRevision;
}

/** The error's client ErrorType, if it has one. */
export function esdbErrorType(error: unknown): string | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : undefined;
}

/** True for the client's WrongExpectedVersionError (or anything shaped like it). */
export function isWrongExpectedVersion(error: unknown): boolean {
  return esdbErrorType(error) === ESDB_ERROR.wrongExpectedVersion;
}

/** True for the client's StreamNotFoundError (or anything shaped like it). */
export function isStreamNotFound(error: unknown): boolean {
  return esdbErrorType(error) === ESDB_ERROR.streamNotFound;
}

/** True when the failure is transient: the port reports it as EventStoreUnavailable (retryable). */
export function isRetryableEsdbError(error: unknown): boolean {
  if (!(error instanceof Error) && typeof error !== 'object') return false;
  const type = esdbErrorType(error);
  if (type !== undefined) return RETRYABLE_TYPES.has(type);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'number' && RETRYABLE_GRPC_CODES.has(code)) return true;
  return error instanceof Error && DISCOVERY_FAILED.test(error.message);
}

/**
 * Maps a client error to the port's: wrong expected version → WrongExpectedRevision(stream, expected, actual);
 * stream not found → StreamNotFound(stream); deadline exceeded, unavailable, not leader, timeout, failed discovery →
 * EventStoreUnavailable (its `cause` keeps the original). Anything else (access denied, stream deleted, maximum
 * append size, …) is a deployment or programming problem and is returned unchanged, to surface as is.
 */
export function mapEsdbError(error: unknown, context: EsdbErrorContext = {}): unknown {
  const type = esdbErrorType(error);
  if (type === ESDB_ERROR.wrongExpectedVersion && context.stream !== undefined) {
    const details = error as { expectedVersion?: ExpectedRevision; actualVersion?: EsdbCurrentRevision };
    return new WrongExpectedRevision(
      context.stream,
      context.expectedRevision ?? details.expectedVersion ?? 'any',
      fromEsdbCurrentRevision(details.actualVersion),
    );
  }
  if (type === ESDB_ERROR.streamNotFound && context.stream !== undefined) return new StreamNotFound(context.stream);
  if (isRetryableEsdbError(error)) {
    const message = error instanceof Error && error.message ? error.message : String(type ?? 'connection failed');
    return new EventStoreUnavailable(`EventStoreDB unavailable: ${message}`, { cause: error });
  }
  return error;
}
