/**
 * SQLite group commit (docs/architecture.md): appends queued together share one BEGIN IMMEDIATE … COMMIT, hence one
 * fsync under synchronous=FULL, while each keeps its own revision check. A group commits at the first turn of the
 * event loop in which no more appends joined it, or once its first append has waited `gatherMs`.
 *
 * Why raw better-sqlite3 statements here and kysely elsewhere: a group transaction runs from BEGIN to COMMIT without
 * ever yielding to the event loop. That is what makes sharing the one connection with kysely readers safe (a read can
 * never run in the middle of the transaction and see uncommitted rows), and it avoids a promise hop per statement on
 * the hottest path. kysely's API is async, so each await would be a point where other code could interleave.
 */
import type Database from 'better-sqlite3';
import { actualRevision, planAppend, streamCategory, type StoredEventRef, type StreamHead } from '../append-rules';
import { EventStoreUnavailable, WrongExpectedRevision } from '../errors';
import type { AppendResult } from '../event-store';
import type { SealedEvent } from '../hash-chain';
import type { GroupCommitStats } from '../group-commit-stats';
import type { ValidatedAppend } from '../metadata';

/** Tuning and hooks of the writer. */
export interface GroupCommitWriterOptions {
  /** recordedAt of every event in a group: one reading of this clock when the group's transaction starts. */
  readonly now: () => Date;
  /** Cap on appends per transaction, so one huge burst does not hold the write lock for long. */
  readonly maxGroupSize: number;
  /** Longest a forming group waits for more appends while they keep arriving, in ms; 0 commits at the next turn. */
  readonly gatherMs: number;
  /** Called after a commit that wrote at least one event (wakes live subscriptions). */
  readonly onCommitted: () => void;
}

interface PendingAppend {
  readonly request: ValidatedAppend;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome =
  | { readonly ok: true; readonly result: AppendResult; readonly wrote: boolean }
  | { readonly ok: false; readonly error: unknown };

interface HeadRow {
  revision: bigint;
  position: bigint;
  hash: string;
}

/** The single writer of one SQLite connection. Validation happens before `enqueue`; this class only commits. */
export class GroupCommitWriter {
  private queue: PendingAppend[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private stats: GroupCommitStats = { transactions: 0, appends: 0, largestGroup: 0 };
  /** Appends queued at the forming group's last check; 0 while no group is forming. */
  private queuedAtLastCheck = 0;
  /** performance.now() at the forming group's first check. */
  private formingSince = 0;
  private readonly sql: ReturnType<typeof prepareStatements>;

  constructor(
    private readonly db: Database.Database,
    private readonly options: GroupCommitWriterOptions,
  ) {
    this.sql = prepareStatements(db);
  }

  /** Queues an append for the next group; settles after that group commits (or fails). */
  enqueue(request: ValidatedAppend): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      // setImmediate rather than a microtask: it also gathers appends issued from promise continuations and I/O
      // callbacks of the current loop turn, which makes groups larger at the cost of well under a millisecond.
      this.scheduled ??= setImmediate(() => this.flushScheduled());
    });
  }

  /** Commits everything queued, now and synchronously. Used by close(). */
  drain(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    while (this.queue.length > 0) this.flushGroup();
  }

  /** A snapshot of the counters. */
  groupCommitStats(): GroupCommitStats {
    return { ...this.stats };
  }

  private flushScheduled(): void {
    this.scheduled = undefined;
    if (this.keepGathering()) {
      this.scheduled = setImmediate(() => this.flushScheduled());
      return;
    }
    this.queuedAtLastCheck = 0;
    this.flushGroup();
    // Whatever exceeded maxGroupSize goes in the next turn, letting reads and I/O run in between.
    if (this.queue.length > 0) this.scheduled = setImmediate(() => this.flushScheduled());
  }

  /**
   * True while appends keep joining the forming group, for at most gatherMs. The API's turn budget admits a few
   * requests per turn, so under load appends arrive a few per turn: committing each turn's few made groups of about 6,
   * each with its fsync and a projector batch woken by it (docs/performance.md, change 45). A burst issued in one turn
   * stops growing at the next check and commits then, so in-process callers wait one turn more, not gatherMs.
   */
  private keepGathering(): boolean {
    const queued = this.queue.length;
    if (this.options.gatherMs <= 0 || queued >= this.options.maxGroupSize) return false;
    const now = performance.now();
    if (this.queuedAtLastCheck === 0) this.formingSince = now;
    const grew = queued > this.queuedAtLastCheck;
    this.queuedAtLastCheck = queued;
    return grew && now - this.formingSince < this.options.gatherMs;
  }

  private flushGroup(): void {
    const group = this.queue.splice(0, this.options.maxGroupSize);
    if (group.length === 0) return;
    const outcomes = this.commitGroup(group);
    if (outcomes.some((outcome) => outcome.ok && outcome.wrote)) this.options.onCommitted();
    group.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (outcome.ok) pending.resolve(outcome.result);
      else pending.reject(outcome.error);
    });
  }

  /**
   * One transaction for the group, in which a failing append rolls back only its own rows: a single-event append
   * writes with one statement, which SQLite undoes by itself when it fails; a larger one writes under a savepoint.
   */
  private commitGroup(group: readonly PendingAppend[]): Outcome[] {
    const recordedAt = this.options.now().toISOString();
    try {
      // IMMEDIATE takes the write lock now (waiting up to busy_timeout for another process), so the head each
      // append reads below cannot change before COMMIT.
      this.sql.begin.run();
    } catch (error) {
      return group.map(() => ({ ok: false, error: unavailable('could not start the append transaction', error) }));
    }
    const outcomes: Outcome[] = [];
    try {
      for (const pending of group) {
        try {
          outcomes.push({ ok: true, ...this.applyAppend(pending.request, recordedAt) });
        } catch (error) {
          // Some errors (a full disk, I/O) end the whole transaction: then every append of the group failed.
          if (!this.db.inTransaction) throw error;
          outcomes.push({ ok: false, error: this.explain(error, pending.request) });
        }
      }
      this.sql.commit.run();
    } catch (error) {
      this.rollbackQuietly();
      return group.map(() => ({ ok: false, error: unavailable('the append transaction failed', error) }));
    }
    this.stats = {
      transactions: this.stats.transactions + 1,
      appends: this.stats.appends + group.length,
      largestGroup: Math.max(this.stats.largestGroup, group.length),
    };
    return outcomes;
  }

  /** Best effort: when COMMIT itself failed, the original error is the one worth reporting. */
  private rollbackQuietly(): void {
    try {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    } catch {
      // The connection is unusable; the next BEGIN will fail and report it.
    }
  }

  private applyAppend(request: ValidatedAppend, recordedAt: string): { result: AppendResult; wrote: boolean } {
    const existing = this.storedWithIds(request);
    const plan = planAppend(request, this.head(request.stream), existing, recordedAt);
    if (plan.kind === 'done') return { result: plan.result, wrote: false };
    const category = streamCategory(request.stream);
    // Positional parameters: binding by name costs better-sqlite3 a lookup per name, about 0.6 µs of a 4 µs insert.
    const insert = (event: SealedEvent) =>
      this.sql.insert.run(
        event.id,
        event.stream,
        category,
        event.revision,
        event.type,
        event.dataJson,
        event.metadataJson,
        event.metadata.recordedAt,
      );
    let position: bigint;
    if (plan.events.length === 1) {
      position = BigInt(insert(plan.events[0]).lastInsertRowid);
    } else {
      position = this.underSavepoint(() => plan.events.map(insert).at(-1)?.lastInsertRowid ?? -1);
    }
    const last = plan.events[plan.events.length - 1];
    return { result: { nextRevision: last.revision, position }, wrote: true };
  }

  /** The batch's events already stored (a retry); most appends hold one event, looked up without the JSON array. */
  private storedWithIds(request: ValidatedAppend): StoredEventRef[] {
    const { events } = request;
    if (events.length === 0) return [];
    if (events.length === 1) {
      const found = this.sql.findId.get(events[0].id) as StoredEventRef | undefined;
      return found === undefined ? [] : [found];
    }
    return this.sql.findIds.all(JSON.stringify(events.map((event) => event.id))) as StoredEventRef[];
  }

  /** Runs `write` under a savepoint: when it throws, its rows are gone and the group's transaction goes on. */
  private underSavepoint(write: () => number | bigint): bigint {
    this.sql.savepoint.run();
    try {
      const position = BigInt(write());
      this.sql.release.run();
      return position;
    } catch (error) {
      if (this.db.inTransaction) {
        this.sql.rollbackTo.run();
        this.sql.release.run();
      }
      throw error;
    }
  }

  private head(stream: string): StreamHead | undefined {
    return this.sql.head.get(stream) as HeadRow | undefined;
  }

  /**
   * A unique-constraint hit cannot happen while every writer goes through this class (the revision was checked
   * under the write lock), but a foreign writer could cause one; it still means "someone else took the revision".
   * Runs after the savepoint was rolled back, so the head it reports is the committed one.
   */
  private explain(error: unknown, request: ValidatedAppend): unknown {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      const actual = actualRevision(this.head(request.stream));
      return new WrongExpectedRevision(
        request.stream,
        request.expectedRevision,
        actual,
        'a concurrent writer took the revision',
      );
    }
    // A full disk, an I/O error or a lock says nothing about the append: the caller may retry it later.
    if (
      typeof code === 'string' &&
      /^SQLITE_(FULL|IOERR|BUSY|LOCKED|READONLY|CANTOPEN|NOMEM|CORRUPT|NOTADB)/.test(code)
    ) {
      return unavailable('the append failed', error);
    }
    return error;
  }
}

function prepareStatements(db: Database.Database) {
  return {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    savepoint: db.prepare('SAVEPOINT append_one'),
    release: db.prepare('RELEASE append_one'),
    rollbackTo: db.prepare('ROLLBACK TO append_one'),
    head: db.prepare(
      `SELECT revision, position, json_extract(metadata, '$.hash') AS hash
         FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1`,
    ),
    findId: db.prepare('SELECT id, stream, revision, position FROM events WHERE id = ?'),
    // One statement for any batch size: the ids travel as a JSON array.
    findIds: db.prepare(
      'SELECT id, stream, revision, position FROM events WHERE id IN (SELECT value FROM json_each(?))',
    ),
    insert: db.prepare(
      `INSERT INTO events (id, stream, category, revision, type, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

function unavailable(message: string, cause: unknown): EventStoreUnavailable {
  const detail = cause instanceof Error ? `: ${cause.message}` : '';
  return new EventStoreUnavailable(`SQLite event store: ${message}${detail}`, { cause });
}
