/**
 * In-memory EventStore for unit tests. It never serves `npm start` (the embedded default is SQLite): nothing is
 * durable and there is no group commit. It applies the very same validation, append rules and hash chain as the
 * real adapters and passes the same conformance suite, so a test double behaves like production.
 */
import { randomUUID } from 'node:crypto';
import { planAppend, streamCategory, type StoredEventRef, type StreamHead } from '../append-rules';
import { EventStoreUnavailable, StreamNotFound } from '../errors';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  RecordedEventJson,
  SubscribeOptions,
} from '../event-store';
import { validateAppend } from '../metadata';
import { asRecordedEventJson } from '../recorded-event-json';
import { assertMaxCount, CommitNotifier, pollingSubscription } from '../subscription';

/** Options of createInMemoryEventStore. */
export interface InMemoryEventStoreOptions {
  /** The store's clock for recordedAt; tests may pin it. Default: the system clock. */
  readonly now?: () => Date;
  /** Events per subscription page (default 256); small values exercise paging in tests. */
  readonly subscriptionPageSize?: number;
}

/** Creates an empty in-memory store. Unit tests only. */
export function createInMemoryEventStore(options: InMemoryEventStoreOptions = {}): EventStore {
  return new InMemoryEventStore(options);
}

class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly notifier = new CommitNotifier();
  private readonly now: () => Date;
  private readonly pageSize: number;
  private closed = false;
  private readonly identity = randomUUID();

  constructor(options: InMemoryEventStoreOptions) {
    this.now = options.now ?? (() => new Date());
    this.pageSize = options.subscriptionPageSize ?? 256;
  }

  async storeId(): Promise<string> {
    return this.identity;
  }

  async append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    const request = validateAppend(stream, events, options?.expectedRevision);
    const existing: StoredEventRef[] = [];
    for (const event of request.events) {
      const stored = this.byId.get(event.id);
      if (stored) existing.push(stored);
    }
    // Synchronous from here to the end: each append is atomic, like one savepoint in the SQLite group commit.
    const plan = planAppend(request, this.head(stream), existing, this.now().toISOString());
    if (plan.kind === 'done') return plan.result;
    const streamEvents = this.streams.get(stream) ?? [];
    let last: RecordedEvent | undefined;
    for (const sealed of plan.events) {
      // Positions start at 1, like SQLite's AUTOINCREMENT, so -1n (empty) and 0n are never a real position.
      const { dataJson: _dataJson, metadataJson: _metadataJson, ...event } = sealed;
      last = deepFreeze(Object.assign({}, event, { position: BigInt(this.log.length + 1) }));
      this.log.push(last);
      streamEvents.push(last);
      this.byId.set(last.id, last);
    }
    this.streams.set(stream, streamEvents);
    this.notifier.notify();
    const written = last as RecordedEvent;
    return { nextRevision: written.revision, position: written.position };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertMaxCount(options.maxCount);
    const events = this.streams.get(stream);
    if (!events) throw new StreamNotFound(stream);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision;
    const selected = backwards
      ? events.filter((event) => from === undefined || event.revision <= from).reverse()
      : events.filter((event) => from === undefined || event.revision >= from);
    return selected.slice(0, options.maxCount ?? selected.length);
  }

  async readStreamJson(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEventJson[]> {
    return (await this.readStream(stream, options)).map(asRecordedEventJson);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertMaxCount(options.maxCount);
    const { fromPosition, filter, maxCount } = options;
    const result: RecordedEvent[] = [];
    // Positions are index + 1, so the scan can start right after fromPosition.
    const start = fromPosition === undefined || fromPosition < 0n ? 0 : Number(fromPosition);
    for (let i = start; i < this.log.length && result.length < (maxCount ?? Infinity); i++) {
      const event = this.log[i];
      if (filter?.categories && !filter.categories.includes(streamCategory(event.stream))) continue;
      if (filter?.eventTypes && !filter.eventTypes.includes(event.type)) continue;
      result.push(event);
    }
    return result;
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const source = {
      readAll: (o: ReadAllOptions) => this.readAll(o),
      isClosed: () => this.closed,
      notifier: this.notifier,
    };
    // No poll: nothing outside this object can write to it.
    return pollingSubscription(source, options, { pageSize: this.pageSize });
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return BigInt(this.log.length === 0 ? -1 : this.log.length);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.notifier.close();
  }

  private head(stream: string): StreamHead | undefined {
    const events = this.streams.get(stream);
    const last = events?.[events.length - 1];
    return last && { revision: last.revision, position: last.position, hash: last.metadata.hash };
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailable('The in-memory event store is closed');
  }
}

/** Stored events are shared with every reader; freezing them keeps one test from corrupting another's history. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
