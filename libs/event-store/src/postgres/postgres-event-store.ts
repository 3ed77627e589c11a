/**
 * The PostgreSQL event store (docs/architecture.md "single-node server option", §5). An append is one statement in
 * autocommit on a pooled connection; concurrency rests on UNIQUE(stream, revision) and UNIQUE(id), not on isolation level. Reads go
 * through kysely's shared queries (sql/events-table.ts), bounded by the visibility horizon (visibility.ts) so that no
 * reader ever passes an event whose transaction commits later. Live subscriptions wake on LISTEN/NOTIFY and poll as a
 * fallback.
 */
import { Kysely, PostgresDialect } from 'kysely';
import { Pool, type PoolConfig } from 'pg';
import { EventStoreUnavailable, InvalidEventMetadata, WrongExpectedRevision } from '../errors';
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
import { validateAppend, type ValidatedAppend } from '../metadata';
import type { GroupCommitStats } from '../group-commit-stats';
import {
  eventsOrStreamNotFound,
  selectAll,
  selectHeadPosition,
  selectStream,
  type EventStoreTables,
} from '../sql/events-table';
import { selectStreamJson } from '../sql/stream-json';
import { assertMaxCount, CommitNotifier, pollingSubscription } from '../subscription';
import { CommitAnnouncer } from './announcer';
import { AppendGroups } from './append-groups';
import { appendGroupInOneStatement, appendInOneStatement, isAppendRace, isStoredIdClash } from './append-statement';
import { NotificationListener } from './listener';
import { guarded, mapPgError } from './pg-errors';
import {
  eventsTableIds,
  eventsTableRef,
  migrate,
  POSITION_STRIDE,
  readDurabilitySettings,
  readStoreIdentity,
  type EventsTableIds,
  type EventsTableRef,
  type PostgresDurabilitySettings,
} from './schema';
import { visibleBelow } from './visibility';

/** Options of createPostgresEventStore. Only `connectionString` is required. */
export interface PostgresEventStoreOptions {
  /** `postgres://user:password@host:port/database` */
  readonly connectionString: string;
  /** Schema holding the events table (created if missing). Lower-case letters, digits and `_`. Default `event_store`. */
  readonly schema?: string;
  /** pg.Pool settings (max, connectionTimeoutMillis, ssl, options, …); also used for the LISTEN connection. */
  readonly pool?: Omit<PoolConfig, 'connectionString'>;
  /** Live subscriptions re-read at least this often, in case a notification was missed. Default 1000. */
  readonly pollIntervalMs?: number;
  /** Events per subscription page: the most a subscription buffers. Default 256. */
  readonly subscriptionPageSize?: number;
  /**
   * One-event append statements running at once (group commit, append-groups.ts); appends arriving while all run
   * wait and go together in one statement. Default 2: one group commits while the next gathers. Fewer slots make
   * larger groups (docs/performance.md, change 25). Never more than the pool's size (`pool.max`, pg's default 10).
   */
  readonly appendStatementsInFlight?: number;
  /** Most appends sent in one statement by the group commit. Default 64. */
  readonly maxAppendGroupSize?: number;
  /** Attempts of an append that keeps losing unique-constraint races (only `any` / `stream_exists` can). Default 10. */
  readonly maxAppendAttempts?: number;
  /**
   * Clock for recordedAt; tests may pin it. Default: the PostgreSQL server's clock_timestamp(), read once per append
   * inside its transaction, so every API replica stamps events from one clock.
   */
  readonly now?: () => Date;
}

/** The PostgreSQL store: the port plus what start-up checks need to see. */
export interface PostgresEventStore extends EventStore {
  /** fsync and synchronous_commit as the store's sessions see them (expect `on` / `on`). */
  durabilitySettings(): Promise<PostgresDurabilitySettings>;
  /** The group commit's statements and the one-event appends they carried (fewer statements: grouping works). */
  groupCommitStats(): GroupCommitStats;
}

/**
 * Connects, creates or migrates the schema (idempotent, under an advisory lock) and returns the store.
 * Rejects with EventStoreUnavailable when the server cannot be reached.
 */
export async function createPostgresEventStore(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
  const ref = eventsTableRef(options.schema ?? 'event_store');
  const config: PoolConfig = Object.assign({}, options.pool, { connectionString: options.connectionString });
  const pool = new Pool(config);
  // An idle pooled connection that breaks emits 'error'; unhandled, that would crash the process. The next query on
  // a fresh connection reports any real outage.
  pool.on('error', () => undefined);
  // A connection that breaks while checked out (between the statements of a transaction, during a server restart)
  // emits 'error' too, and pg-pool listens only while it is idle: without this, one restart could end the process.
  // The query in flight rejects on its own, and the pool discards the broken client when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    await migrate(pool, ref);
    return new PgStore(options, config, pool, ref, await eventsTableIds(pool, ref));
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw mapPgError(error, 'opening the store');
  }
}

class PgStore implements PostgresEventStore {
  private readonly root: Kysely<EventStoreTables>;
  private readonly db: Kysely<EventStoreTables>;
  private readonly notifier = new CommitNotifier();
  private readonly listener: NotificationListener;
  private readonly announcer: CommitAnnouncer;
  private readonly groups: AppendGroups;
  /** Per-stream tail of this store's appends: appends to one stream issued together apply in call order. */
  private readonly tails = new Map<string, Promise<unknown>>();
  private closing: Promise<void> | undefined;
  private identity: string | undefined;

  constructor(
    private readonly options: PostgresEventStoreOptions,
    config: PoolConfig,
    private readonly pool: Pool,
    private readonly ref: EventsTableRef,
    private readonly ids: EventsTableIds,
  ) {
    // The store owns the pool and ends it in close(): kysely opens its driver lazily, so its destroy() would leave
    // alone a pool that only appends (raw pg) ever used.
    const borrowed = { connect: () => pool.connect(), end: async () => undefined };
    this.root = new Kysely<EventStoreTables>({ dialect: new PostgresDialect({ pool: borrowed }) });
    this.db = this.root.withSchema(ref.schema);
    this.announcer = new CommitAnnouncer(pool, ref.channel);
    const now = options.now;
    this.groups = new AppendGroups(
      {
        alone: (request) => appendInOneStatement(pool, ref, request, { now }),
        group: (requests) => appendGroupInOneStatement(pool, ref, requests, { now }),
      },
      {
        statementsInFlight: Math.min(options.appendStatementsInFlight ?? 2, config.max ?? 10),
        maxGroupSize: options.maxAppendGroupSize ?? 64,
      },
    );
    this.listener = new NotificationListener(
      config,
      ref.channel,
      () => this.notifier.notify(),
      options.pollIntervalMs ?? 1000,
    );
  }

  append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    try {
      this.assertOpen();
      const request = validateAppend(stream, events, options?.expectedRevision);
      if (request.events.length > Number(POSITION_STRIDE)) {
        throw new InvalidEventMetadata('events', `events: at most ${POSITION_STRIDE} events per append on PostgreSQL`);
      }
      return this.enqueue(request);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertMaxCount(options.maxCount);
    return guarded('readStream', async () => {
      // Within one stream, revisions are taken in commit order (the unique constraint makes a writer wait for the
      // previous revision's commit), so a stream read needs no horizon.
      return eventsOrStreamNotFound(this.db, stream, options, await selectStream(this.db, stream, options));
    });
  }

  async readStreamJson(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEventJson[]> {
    this.assertOpen();
    assertMaxCount(options.maxCount);
    return guarded('readStreamJson', async () => {
      // No horizon, as readStream.
      return eventsOrStreamNotFound(this.db, stream, options, await selectStreamJson(this.db, stream, options));
    });
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertMaxCount(options.maxCount);
    // Two statements on purpose: the read's snapshot must be taken after the horizon was computed (visibility.ts).
    return guarded('readAll', async () => selectAll(this.db, options, await visibleBelow(this.pool, this.ids)));
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const source = {
      // LISTEN before reading, so a commit landing after the read is announced. Through this.readAll, so every page
      // is bounded by the horizon: that restores the in-order visibility pollingSubscription relies on.
      readAll: async (o: ReadAllOptions) => (await this.listener.ensure(), this.readAll(o)),
      isClosed: () => this.closing !== undefined,
      notifier: this.notifier,
    };
    return pollingSubscription(source, options, {
      pageSize: this.options.subscriptionPageSize ?? 256,
      pollIntervalMs: this.options.pollIntervalMs ?? 1000,
    });
  }

  /** The last position a reader can be served now: committed, and with no earlier appender still running. */
  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return guarded('headPosition', async () => selectHeadPosition(this.db, await visibleBelow(this.pool, this.ids)));
  }

  async storeId(): Promise<string> {
    this.assertOpen();
    this.identity ??= await guarded('storeId', () => readStoreIdentity(this.pool, this.ref));
    return this.identity;
  }

  groupCommitStats(): GroupCommitStats {
    return this.groups.groupCommitStats();
  }

  async durabilitySettings(): Promise<PostgresDurabilitySettings> {
    this.assertOpen();
    return guarded('reading durability settings', () => readDurabilitySettings(this.pool));
  }

  /** Lets started appends finish, ends live subscriptions, the listener and the pool. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    await Promise.allSettled([...this.tails.values()]);
    await this.announcer.settled();
    this.notifier.close();
    await this.listener.close();
    await this.root.destroy();
    await this.pool.end();
  }

  private enqueue(request: ValidatedAppend): Promise<AppendResult> {
    const previous = this.tails.get(request.stream) ?? Promise.resolve();
    const run = previous.then(() => this.appendWithRetries(request));
    const tail = run.catch(() => undefined);
    this.tails.set(request.stream, tail);
    void tail.then(() => {
      if (this.tails.get(request.stream) === tail) this.tails.delete(request.stream);
    });
    return run;
  }

  /**
   * One statement (its own transaction) per attempt. A unique violation means a concurrent writer (another process,
   * or another pool) took the revision or one of the ids first; the next attempt re-plans from the committed state,
   * so the shared rules decide: WrongExpectedRevision with the actual revision, the idempotent original result, or
   * (for `any` and `stream_exists`) a write after the new head.
   */
  private async appendWithRetries(request: ValidatedAppend): Promise<AppendResult> {
    const attempts = this.options.maxAppendAttempts ?? 10;
    let checkStoredIds = false;
    for (let attempt = 1; ; attempt++) {
      try {
        // A first attempt of a one-event append may share a statement with others (group commit); a retry, or a
        // batch, runs alone.
        const outcome =
          attempt === 1 && request.events.length === 1
            ? await this.groups.append(request)
            : await appendInOneStatement(this.pool, this.ref, request, { now: this.options.now, checkStoredIds });
        if (outcome.wrote) this.wake();
        return outcome.result;
      } catch (error) {
        // A statement that failed (not a refusal) may have held readers back while it ran, and announced nothing.
        if (!(error instanceof WrongExpectedRevision)) this.wake();
        if (!isAppendRace(error)) throw mapPgError(error, 'append');
        // A stored id: a replay or a reused id. The statement that checks the ids tells which (planAppend decides).
        if (isStoredIdClash(error)) checkStoredIds = true;
        if (attempt >= attempts) {
          throw new WrongExpectedRevision(
            request.stream,
            request.expectedRevision,
            await this.actualRevision(request.stream),
            'concurrent writers kept taking the revision',
          );
        }
      }
    }
  }

  /** Wakes this store's subscriptions now and other processes' with the next NOTIFY. */
  private wake(): void {
    this.notifier.notify();
    this.announcer.announce();
  }

  private async actualRevision(stream: string): Promise<bigint | 'no_stream'> {
    const [last] = await selectStream(this.db, stream, { direction: 'backwards', maxCount: 1 });
    return last ? last.revision : 'no_stream';
  }

  private assertOpen(): void {
    if (this.closing) throw new EventStoreUnavailable('The PostgreSQL event store is closed');
  }
}
