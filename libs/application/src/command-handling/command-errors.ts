import type { ExpectedRevision } from '@thads/event-store';

/** The client's If-Match revision is not the stream's current revision: it acted on a stale view. */
export class RevisionMismatch extends Error {
  override readonly name = 'RevisionMismatch';
  readonly code = 'REVISION_MISMATCH';

  constructor(
    readonly streamName: string,
    readonly expected: bigint,
    readonly actual: ExpectedRevision,
  ) {
    super(`${streamName} is at revision ${String(actual)}, not ${expected} as the request expected`);
  }
}

/** Concurrent writers kept winning the race; the bounded retry gave up. Safe for the client to retry. */
export class ConcurrencyConflict extends Error {
  override readonly name = 'ConcurrencyConflict';
  readonly code = 'CONCURRENCY_CONFLICT';

  constructor(
    readonly streamName: string,
    readonly attempts: number,
  ) {
    super(`${streamName} changed under ${attempts} attempts in a row; retry the request`);
  }
}

/**
 * A command id (Idempotency-Key) this actor already used on this stream came back with another request: it is not a
 * retry, and replaying the first answer would silently drop the change. Nothing is written.
 */
export class IdempotencyKeyReused extends Error {
  override readonly name = 'IdempotencyKeyReused';
  readonly code = 'IDEMPOTENCY_KEY_REUSED';

  constructor(
    readonly streamName: string,
    readonly commandId: string,
  ) {
    super(`${commandId} was already used on ${streamName} for another request; send a new key for a new request`);
  }
}

/**
 * A stored event of the stream cannot be read as this build understands it: its JSON is damaged, its type is
 * unknown, its schema version is newer than this build, or a value (money) is malformed. The store is at fault, not
 * the request, so the command fails closed with a server-side error and writes nothing.
 */
export class StoredEventInvalid extends Error {
  override readonly name = 'StoredEventInvalid';
  readonly code = 'STORED_EVENT_INVALID';

  constructor(
    readonly eventId: string,
    readonly eventType: string,
    reason: string,
  ) {
    super(`Stored event ${eventId} (${eventType}) cannot be read: ${reason}`);
  }
}
