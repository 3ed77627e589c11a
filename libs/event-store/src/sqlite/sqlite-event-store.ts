/**
 * The embedded default event store (docs/architecture.md): one SQLite file, WAL, synchronous=FULL, one connection
 * that both writes (through the group-commit writer) and reads (a stream through its own prepared statements,
 * stream-reads.ts; the rest through kysely). One connection suffices because better-sqlite3 is synchronous: a second
 * connection in the same process would buy no parallelism, and ':memory:' needs exactly one.
 */
import { Kysely, SqliteDialect } from 'kysely';
import { EventStoreUnavailable } from '../errors';
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
import { selectAll, selectHeadPosition, type EventStoreTables } from '../sql/events-table';
import { assertMaxCount, CommitNotifier, pollingSubscription } from '../subscription';
import type { ThreadSignal } from '../thread-signal';
import { openCommitChannel } from './commit-channel';
import { withStatementCache } from './statement-cache';
import type { GroupCommitStats } from '../group-commit-stats';
import { GroupCommitWriter } from './group-commit-writer';
import { openEventsDatabase, readDurabilitySettings, readStoreIdentity, type DurabilitySettings } from './schema';
import { prepareStreamReads, type SqliteStreamReads } from './stream-reads';

/** Options of createSqliteEventStore. Only `filename` is required. */
export interface SqliteEventStoreOptions {
  /** Path of the database file (created if missing), or ':memory:' for tests. */
  readonly filename: string;
  /** How long a write waits for another process's lock before failing with EventStoreUnavailable. Default 5000. */
  readonly busyTimeoutMs?: number;
  /**
   * Live subscriptions re-read at least this often, to see commits by other processes. Default 1000. Commits by
   * another thread of this process wake them at once (commit-channel.ts).
   */
  readonly pollIntervalMs?: number;
  /** Events per subscription page: the most a subscription buffers. Default 256. */
  readonly subscriptionPageSize?: number;
  /** Most appends in one group transaction. Default 1000. */
  readonly maxGroupSize?: number;
  /**
   * Longest a forming group waits for more appends while they keep arriving each turn of the event loop, in ms.
   * Default 10; 0 commits each group at the turn after its first append (group-commit-writer.ts).
   */
  readonly groupGatherMs?: number;
  /** Clock for recordedAt; tests may pin it. Default: the system clock. */
  readonly now?: () => Date;
}

/** The SQLite store: the port plus what start-up checks and tests need to see. */
export interface SqliteEventStore extends EventStore {
  /** Journal mode and synchronous level actually in force (expect wal / FULL for a file). */
  durabilitySettings(): DurabilitySettings;
  /** Group-commit counters since the store was opened. */
  groupCommitStats(): GroupCommitStats;
}

/**
 * Opens (creating if needed) an SQLite event store. Synchronous, like better-sqlite3: it throws at once if the file
 * cannot be opened or its schema is newer than this build.
 */
export function createSqliteEventStore(options: SqliteEventStoreOptions): SqliteEventStore {
  return new SqliteStore(options);
}

class SqliteStore implements SqliteEventStore {
  private readonly db: ReturnType<typeof openEventsDatabase>;
  private readonly kysely: Kysely<EventStoreTables>;
  private readonly writer: GroupCommitWriter;
  private readonly streams: SqliteStreamReads;
  private readonly notifier = new CommitNotifier();
  private readonly channel: ThreadSignal | undefined;
  private closing: Promise<void> | undefined;
  private identity: string | undefined;

  constructor(private readonly options: SqliteEventStoreOptions) {
    this.db = openEventsDatabase(options.filename, options.busyTimeoutMs ?? 5000);
    this.kysely = new Kysely<EventStoreTables>({
      dialect: new SqliteDialect({ database: withStatementCache(this.db) }),
    });
    this.streams = prepareStreamReads(this.db, this.kysely);
    this.writer = new GroupCommitWriter(this.db, {
      now: options.now ?? (() => new Date()),
      maxGroupSize: options.maxGroupSize ?? 1000,
      gatherMs: options.groupGatherMs ?? 10,
      onCommitted: () => {
        this.notifier.notify();
        this.channel?.announce();
      },
    });
    this.channel = openCommitChannel(options.filename, () => this.notifier.notify());
  }

  append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    try {
      this.assertOpen();
      // Validate now, not at flush: a bad append is refused before it can join a group, and the validated copy is
      // immune to the caller mutating its objects before the next turn.
      return this.writer.enqueue(validateAppend(stream, events, options?.expectedRevision));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertMaxCount(options.maxCount);
    return this.streams.events(stream, options);
  }

  async readStreamJson(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEventJson[]> {
    this.assertOpen();
    assertMaxCount(options.maxCount);
    return this.streams.eventJsons(stream, options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertMaxCount(options.maxCount);
    return selectAll(this.kysely, options);
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const source = {
      readAll: (o: ReadAllOptions) => this.readAll(o),
      isClosed: () => this.closing !== undefined,
      notifier: this.notifier,
    };
    return pollingSubscription(source, options, {
      pageSize: this.options.subscriptionPageSize ?? 256,
      pollIntervalMs: this.options.pollIntervalMs ?? 1000,
    });
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return selectHeadPosition(this.kysely);
  }

  async storeId(): Promise<string> {
    this.assertOpen();
    this.identity ??= readStoreIdentity(this.db);
    return this.identity;
  }

  durabilitySettings(): DurabilitySettings {
    this.assertOpen();
    return readDurabilitySettings(this.db);
  }

  groupCommitStats(): GroupCommitStats {
    return this.writer.groupCommitStats();
  }

  /** Commits queued appends, ends live subscriptions and closes the file. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.writer.drain();
    this.channel?.close();
    this.notifier.close();
    await this.kysely.destroy(); // closes the better-sqlite3 connection
  }

  private assertOpen(): void {
    if (this.closing) throw new EventStoreUnavailable('The SQLite event store is closed');
  }
}
