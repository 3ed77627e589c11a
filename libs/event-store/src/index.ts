/**
 * @thads/event-store: the EventStore port, its adapters and the hash chain.
 * The conformance suite (which needs jest) is a separate entry: `@thads/event-store/conformance`.
 */
export type {
  Actor,
  AppendOptions,
  AppendResult,
  EventFilter,
  EventMetadata,
  EventMetadataInput,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  JsonValue,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  RecordedEventJson,
  SubscribeOptions,
} from './event-store';
export { EventStoreUnavailable, InvalidEventMetadata, StreamNotFound, WrongExpectedRevision } from './errors';
export { canonicalJson, NonJsonValueError } from './canonical-json';
export {
  computeEventHash,
  GENESIS_HASH,
  hashMaterial,
  sealEvents,
  verifyChain,
  type ChainBreak,
  type ChainHead,
  type ChainVerification,
  type HashableEvent,
  type SealedEvent,
} from './hash-chain';
export { validateAppend, type ValidatedAppend, type ValidatedEvent } from './metadata';
export {
  checkExpectedRevision,
  planAppend,
  streamCategory,
  type AppendPlan,
  type StoredEventRef,
  type StreamHead,
} from './append-rules';
export { createInMemoryEventStore, type InMemoryEventStoreOptions } from './memory/in-memory-event-store';
export {
  createSqliteEventStore,
  type SqliteEventStore,
  type SqliteEventStoreOptions,
} from './sqlite/sqlite-event-store';
export type { DurabilitySettings } from './sqlite/schema';
export { ensureOwnerOnlyFile, LooseFilePermissions } from './sqlite/owner-only-file';
export { checkStoreFile, StoreFileUnusable } from './sqlite/store-file';
export type { GroupCommitStats } from './group-commit-stats';
export { withStatementCache } from './sqlite/statement-cache';
export { openThreadSignal, type ThreadSignal } from './thread-signal';
export {
  createPostgresEventStore,
  type PostgresEventStore,
  type PostgresEventStoreOptions,
} from './postgres/postgres-event-store';
export type { PostgresDurabilitySettings } from './postgres/schema';
export { createEsdbEventStore, type EsdbConnection, type EsdbEventStoreOptions } from './esdb/esdb-event-store';
export type { EsdbClient } from './esdb/client-port';
export { assertEventStoreUrl, EVENT_STORE_SCHEMES, InvalidEventStoreUrl, openEventStore } from './open-event-store';
export { appendSpanOf, noteAppendSpan } from './append-spans';
