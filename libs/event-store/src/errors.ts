import type { ExpectedRevision } from './event-store';

/** Optimistic concurrency failure: the stream is not at the revision the writer expected. */
export class WrongExpectedRevision extends Error {
  override readonly name = 'WrongExpectedRevision';
  readonly code = 'WRONG_EXPECTED_REVISION';

  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's current last revision, or 'no_stream'. */
    readonly actual: bigint | 'no_stream',
    /** Why, when the revisions alone do not explain it (e.g. a retry whose event ids only partly match). */
    detail?: string,
  ) {
    super(
      `Stream ${stream}: expected revision ${String(expected)}, actual ${String(actual)}${detail ? ` (${detail})` : ''}`,
    );
  }
}

/**
 * The stream has no events. An expected answer, not a fault: every first command of a case reads its new stream and
 * gets one. So it carries no stack trace: capturing one through the request's async frames cost about 20 µs, 2% of
 * the API under a load of new cases (docs/performance.md, change 46).
 */
export class StreamNotFound extends Error {
  override readonly name = 'StreamNotFound';
  readonly code = 'STREAM_NOT_FOUND';

  constructor(readonly stream: string) {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`Stream ${stream} not found`);
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** An append was refused because an event's envelope metadata is missing or malformed. */
export class InvalidEventMetadata extends Error {
  override readonly name = 'InvalidEventMetadata';
  readonly code = 'INVALID_EVENT_METADATA';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The store could not be reached or timed out; the caller may retry. */
export class EventStoreUnavailable extends Error {
  override readonly name = 'EventStoreUnavailable';
  readonly code = 'EVENT_STORE_UNAVAILABLE';
  readonly retryable = true;
}
