/**
 * Events and stream names between the port and EventStoreDB. Pure.
 *
 * An event is written as a JSON event with our id, type and data; its metadata is our stored envelope, the hash
 * fields included, so a stream read from ESDB verifies with verifyChain exactly like one read from SQL. `recordedAt`
 * is the adapter's clock when it seals the batch (ESDB's own `created` is assigned after the hash is computed, so it
 * cannot be hashed); it is not read back from `created`.
 *
 * Namespaces (tests against a shared server): a store with a namespace keeps stream `case-1` as `<namespace>.case-1`
 * in ESDB and hides everything else. Hashes are computed over the logical name, so a chain does not depend on where
 * it is stored.
 */
import type { EventMetadata, JsonValue, RecordedEvent } from '../event-store';
import type { SealedEvent } from '../hash-chain';
import type { EsdbProposedEvent, EsdbRecordedEvent } from './client-port';
import { fromEsdbPosition } from './revisions';

const NAMESPACE = /^[A-Za-z0-9_]+$/;

/** Throws unless the namespace is letters, digits and underscores (it becomes a stream-name prefix and a filter). */
export function assertNamespace(namespace: string | undefined): void {
  if (namespace !== undefined && !NAMESPACE.test(namespace)) {
    throw new RangeError(`EventStoreDB namespace must match ${NAMESPACE.source}, got ${JSON.stringify(namespace)}`);
  }
}

/** The ESDB stream name of a logical stream. */
export function toEsdbStreamName(stream: string, namespace: string | undefined): string {
  return namespace === undefined ? stream : `${namespace}.${stream}`;
}

/** The logical stream of an ESDB stream name, or undefined when it lies outside the namespace. */
export function fromEsdbStreamName(streamId: string, namespace: string | undefined): string | undefined {
  if (namespace === undefined) return streamId;
  const prefix = `${namespace}.`;
  return streamId.startsWith(prefix) ? streamId.slice(prefix.length) : undefined;
}

/** ESDB system streams (`$stats-…`, `$$case-1` metadata, `$ce-case` links) and system event types start with `$`. */
export function isSystemEvent(event: Pick<EsdbRecordedEvent, 'streamId' | 'type'>): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

/** A sealed event (hash chain applied) as the JSON event to append. `data` is the validated copy, already JSON-safe. */
export function toProposedEvent(event: SealedEvent): EsdbProposedEvent {
  return { id: event.id, type: event.type, data: event.data, metadata: { ...event.metadata } };
}

/**
 * A recorded ESDB event as the port's RecordedEvent under its logical stream name. Throws for an event no adapter of
 * ours wrote (not JSON, not a JSON object) or one without a usable position (stream reads on a server before 22.6):
 * silently skipping or inventing either would corrupt a projection or a checkpoint.
 */
export function toRecordedEvent(event: EsdbRecordedEvent, stream: string): RecordedEvent {
  const position = fromEsdbPosition(event.position);
  if (position === undefined) {
    throw new Error(
      `EventStoreDB returned event ${event.id} of ${event.streamId} without its $all position; stream reads carry it from server 22.6 on`,
    );
  }
  if (!event.isJson || !isJsonObject(event.data) || !isJsonObject(event.metadata)) {
    throw new TypeError(
      `EventStoreDB event ${event.id} in ${event.streamId} is not a JSON event with object data and metadata`,
    );
  }
  return {
    // ESDB formats uuids in lower case; lower-casing anyway keeps ids comparable with the validated ones.
    id: event.id.toLowerCase(),
    stream,
    revision: event.revision,
    position,
    type: event.type,
    data: event.data as { readonly [key: string]: JsonValue },
    metadata: event.metadata as unknown as EventMetadata,
  };
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
