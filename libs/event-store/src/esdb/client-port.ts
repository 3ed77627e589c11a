/**
 * The narrow EventStoreDB client the adapter talks to: only the calls it makes, in plain values. `esdb-client.ts`
 * binds it to `@eventstore/db-client` (the one file that imports the library), so moving to `@kurrent/kurrentdb-client`
 * rewrites that binding and nothing else; unit specs drive the adapter through an in-process fake of this interface.
 *
 * The shapes mirror the client library's own (same names, same constants), so the binding is a pass-through and the
 * mapping modules read like the library's documentation.
 */

/** The client's expected-revision constants (`ANY`, `NO_STREAM`, `STREAM_EXISTS`) or an exact revision. */
export type EsdbExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** The client's current-revision report in a wrong-expected-version failure. */
export type EsdbCurrentRevision = 'no_stream' | bigint;

/** A logical record position in the transaction log ($all). Byte offsets: increasing, never dense. */
export interface EsdbPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** An event to write; `data` and `metadata` are JSON objects the client serialises (content type application/json). */
export interface EsdbProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** An event as the server returns it (the client's RecordedEvent, link resolution off). */
export interface EsdbRecordedEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly isJson: boolean;
  readonly data: unknown;
  readonly metadata: unknown;
  /** Always present on $all reads; on stream reads only from server 22.6 (absent or 2^64−1 before). */
  readonly position?: EsdbPosition;
}

/** The client's AppendResult with `throwOnAppendFailure` left at its default (true), so always a success. */
export interface EsdbAppendResult {
  /** Revision of the stream's last event after the append (or after the original append, when idempotent). */
  readonly nextExpectedRevision: bigint;
  /** Position the server reported; absent when it reports none. */
  readonly position?: EsdbPosition;
}

export interface EsdbReadStreamOptions {
  readonly fromRevision: 'start' | 'end' | bigint;
  readonly direction: 'forwards' | 'backwards';
  readonly maxCount: number;
}

export interface EsdbReadAllOptions {
  readonly fromPosition: 'start' | 'end' | EsdbPosition;
  readonly direction: 'forwards' | 'backwards';
  readonly maxCount: number;
}

/** A server-side filter: the client's `streamNameFilter` / `eventTypeFilter`, by prefixes or by regex. */
export type EsdbServerFilter =
  | { readonly filterOn: 'streamName' | 'eventType'; readonly prefixes: readonly string[] }
  | { readonly filterOn: 'streamName' | 'eventType'; readonly regex: string };

export interface EsdbSubscribeOptions {
  /** Exclusive, as in the client: the subscription delivers events after this position. */
  readonly fromPosition: 'start' | EsdbPosition;
  readonly filter: EsdbServerFilter;
}

/** A catch-up subscription to $all: iterate to pull events (backpressured by the readable buffer), unsubscribe to end it. */
export interface EsdbSubscription extends AsyncIterable<EsdbRecordedEvent> {
  unsubscribe(): Promise<void>;
}

/**
 * Errors: the binding lets the client's errors through unchanged. The adapter recognises them by their `type`
 * (the client's ErrorType strings, see error-mapping.ts), never by class, so a fake can throw plain objects and a
 * successor client with the same strings needs no change.
 */
export interface EsdbClient {
  /** Rejects with a `wrong-expected-version` error when the stream is not at `expectedRevision`. */
  appendToStream(
    streamName: string,
    events: readonly EsdbProposedEvent[],
    expectedRevision: EsdbExpectedRevision,
  ): Promise<EsdbAppendResult>;
  /** Fails (while iterating) with a `stream-not-found` error when the stream has no events. */
  readStream(streamName: string, options: EsdbReadStreamOptions): AsyncIterable<EsdbRecordedEvent>;
  /** No server-side filter: `@eventstore/db-client` 6.x sends none on readAll (only subscriptions take one). */
  readAll(options: EsdbReadAllOptions): AsyncIterable<EsdbRecordedEvent>;
  subscribeToAll(options: EsdbSubscribeOptions): EsdbSubscription;
  dispose(): Promise<void>;
}
