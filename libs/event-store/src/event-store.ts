/**
 * The event store port (docs/architecture.md), modelled on EventStoreDB's semantics so every adapter behaves alike.
 * Revisions are per stream and start at 0; positions are global, strictly increasing in commit order.
 */

/** `no_stream`: the stream must not exist; `stream_exists`: it must; `any`: no check; bigint: its last revision. */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

/** Who did it. `role` and `officeId` are copied from the authenticated principal. */
export interface Actor {
  readonly id: string;
  readonly role: string;
  readonly officeId?: string;
}

/** Metadata the writer supplies. The store rejects an append whose events lack any required field. */
export interface EventMetadataInput {
  readonly actor: Actor;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly schemaVersion: number;
  /** Mandatory on corrective commands; optional otherwise. */
  readonly reason?: string;
  /**
   * sha256 of what the command asked (the application's fingerprint), so a command id sent again with another
   * request is told from a retry. Absent on events written before it existed.
   */
  readonly commandDigest?: string;
}

/** Metadata as stored: the writer's fields plus what the store adds. */
export interface EventMetadata extends EventMetadataInput {
  /** Set by the store at commit time, ISO-8601 UTC. Never taken from the client. */
  readonly recordedAt: string;
  /** sha256 hex of the previous event in the same stream; 64 zeros for revision 0. */
  readonly prevHash: string;
  /** sha256 hex over prevHash ‖ canonical JSON of { type, data, metadata without hash }. */
  readonly hash: string;
}

/** JSON-safe data: what an adapter can store byte-for-byte. Money is a decimal string here, never a number. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** An event to append. `id` is a uuid; re-appending the same ids is idempotent. */
export interface EventToAppend {
  readonly id: string;
  readonly type: string;
  readonly data: { readonly [key: string]: JsonValue };
  readonly metadata: EventMetadataInput;
}

/** An event as read back from the store. */
export interface RecordedEvent {
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly type: string;
  readonly data: { readonly [key: string]: JsonValue };
  readonly metadata: EventMetadata;
  /**
   * Set when the stored data or metadata is not JSON (the file was damaged or edited): why. `data` and `metadata`
   * are then empty and must not be interpreted. Readers still receive the event, so a projector can dead-letter it
   * and `verify --all` can name it, instead of the whole read failing.
   */
  readonly unreadable?: string;
}

/**
 * An event with its data and metadata as JSON text, for a reader that passes them on unread (an answer that shows the
 * events as stored): no parse and no second serialisation per event.
 */
export interface RecordedEventJson {
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly type: string;
  /** JSON text of the data object: the stored canonical text where the store keeps text. `{}` when unreadable. */
  readonly dataJson: string;
  /** JSON text of the metadata object (EventMetadata), likewise. */
  readonly metadataJson: string;
  /** As RecordedEvent.unreadable: set when a stored text is not a JSON object; both texts are then `{}`. */
  readonly unreadable?: string;
}

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  readonly nextRevision: bigint;
  /** Global position of the last event appended (or of the original events, for an idempotent retry). */
  readonly position: bigint;
}

export interface ReadStreamOptions {
  readonly fromRevision?: bigint;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

/** Server-side filter for readAll and subscribeToAll. All given parts must match. */
export interface EventFilter {
  /** Stream categories (the part before the first `-`), e.g. `case`, `complaint`. */
  readonly categories?: readonly string[];
  readonly eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: events with a position strictly greater are returned. Omit to start at the beginning. */
  readonly fromPosition?: bigint;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: the subscription yields events after it. Omit to start at the beginning. */
  readonly fromPosition?: bigint;
  readonly filter?: EventFilter;
  /** Stops the subscription; the iterator then returns. */
  readonly signal?: AbortSignal;
}

/**
 * The one event-store contract every adapter fulfils (SQLite, PostgreSQL, EventStoreDB).
 * Conformance: `eventStoreConformance(name, factory)` in this library.
 */
export interface EventStore {
  append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult>;
  /** Throws StreamNotFound when the stream has no events. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** readStream's events with data and metadata as JSON text (RecordedEventJson). Throws StreamNotFound likewise. */
  readStreamJson(stream: string, options?: ReadStreamOptions): Promise<RecordedEventJson[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catches up from `fromPosition`, then goes live; never a gap or a duplicate across the switch. Pulled, so backpressured. */
  subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent>;
  /** Position of the last committed event, or -1n for an empty store. */
  headPosition(): Promise<bigint>;
  /**
   * The log's identity: an id generated when the store was created, the same for every connection to it and never
   * changed. Read models record it and refuse to serve another log's events as theirs. Absent where the store has no
   * place to keep one (EventStoreDB).
   */
  storeId?(): Promise<string>;
  close(): Promise<void>;
}
