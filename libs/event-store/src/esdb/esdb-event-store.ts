/**
 * The production event store (docs/architecture.md): an EventStoreDB / KurrentDB node or cluster, through the narrow client
 * of client-port.ts. Thin: revisions, positions, errors, metadata and filters map one to one (revisions.ts,
 * event-mapping.ts, filters.ts, error-mapping.ts); the append rules and the hash chain are the SQL adapters' own.
 *
 * Durability is the server's: ESDB flushes every write to disk before acknowledging it (unless started with the
 * unsafe `--unsafe-disable-flush-to-disk`), and a cluster acknowledges after a quorum of nodes has it. The client
 * cannot read those settings, so unlike SQLite there is no `durabilitySettings()` to check at start-up;
 * docs/eventstoredb.md says what to check on the server instead.
 */
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
import { EventStoreUnavailable } from '../errors';
import { validateAppend } from '../metadata';
import { asRecordedEventJson } from '../recorded-event-json';
import { assertMaxCount } from '../subscription';
import type { EsdbClient } from './client-port';
import { appendToEsdb, type EsdbAppendContext } from './esdb-append';
import { headPosition, readAll, readStream } from './esdb-reads';
import { esdbSubscription } from './esdb-subscription';
import { assertNamespace } from './event-mapping';
import { KeyedQueue } from './stream-queue';

/** Where the server is: a connection string, or (tests, custom client settings) a narrow client to use as is. */
export type EsdbConnection =
  | { readonly connectionString: string; readonly client?: never }
  | { readonly client: EsdbClient; readonly connectionString?: never };

/** Options of createEsdbEventStore. Only the connection is required. */
export type EsdbEventStoreOptions = EsdbConnection & {
  /**
   * Keeps this store's streams apart on a shared server: stream `case-1` is stored as `<namespace>.case-1`, and reads
   * of $all, the head and subscriptions see only the namespace. For tests against a long-lived server; production
   * leaves it unset. Letters, digits and `_`.
   */
  readonly namespace?: string;
  /** $all records fetched per request by readAll and headPosition (at least 2). Default 500. */
  readonly readPageSize?: number;
  /** Times an append re-decides after losing a race to another process before it gives up. Default 10. */
  readonly maxAppendAttempts?: number;
  /** Clock for recordedAt; tests may pin it. Default: the system clock. */
  readonly now?: () => Date;
};

/**
 * Creates an EventStoreDB-backed store. Connects lazily (first call); throws at once for a malformed connection
 * string or option. `esdb://host:2113?tls=false` for a single insecure node, `esdb+discover://…` for a cluster.
 */
export function createEsdbEventStore(options: EsdbEventStoreOptions): EventStore {
  assertNamespace(options.namespace);
  const readPageSize = options.readPageSize ?? 500;
  if (!Number.isSafeInteger(readPageSize) || readPageSize < 2)
    throw new RangeError(`readPageSize must be an integer ≥ 2, got ${readPageSize}`);
  const maxAttempts = options.maxAppendAttempts ?? 10;
  if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1)
    throw new RangeError(`maxAppendAttempts must be an integer ≥ 1, got ${maxAttempts}`);
  const client = options.client ?? loadBinding().connectEsdbClient(options.connectionString);
  return new EsdbEventStore({
    client,
    namespace: options.namespace,
    pageSize: readPageSize,
    maxAttempts,
    now: options.now ?? (() => new Date()),
  });
}

/**
 * The client library and gRPC take about a quarter of a second to load: required on first use, so SQLite and
 * PostgreSQL deployments, and every test that imports this library, do not pay for a store they never open.
 */
function loadBinding(): typeof import('./esdb-client') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load, see above
  return require('./esdb-client') as typeof import('./esdb-client');
}

class EsdbEventStore implements EventStore {
  private readonly appends = new KeyedQueue();
  private closing: Promise<void> | undefined;
  private markClosed!: () => void;
  private readonly closed = new Promise<void>((resolve) => (this.markClosed = resolve));

  constructor(private readonly context: EsdbAppendContext) {}

  append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    try {
      this.assertOpen();
      // Validated here, before any network call and before queueing: a bad batch is refused whole, nothing written.
      const request = validateAppend(stream, events, options?.expectedRevision);
      return this.appends.run(stream, () => appendToEsdb(this.context, request));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertMaxCount(options.maxCount);
    return readStream(this.context, stream, options);
  }

  async readStreamJson(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEventJson[]> {
    // The client hands events over parsed; there is no stored text to pass on.
    return (await this.readStream(stream, options)).map(asRecordedEventJson);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertMaxCount(options.maxCount);
    return readAll(this.context, options);
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    return esdbSubscription(this.context, options, { closed: this.closed, isClosed: () => this.closing !== undefined });
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return headPosition(this.context);
  }

  /** Lets queued appends finish, ends live subscriptions and disposes of the client. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.markClosed();
    await this.appends.drain();
    await this.context.client.dispose();
  }

  private assertOpen(): void {
    if (this.closing) throw new EventStoreUnavailable('The EventStoreDB event store is closed');
  }
}
