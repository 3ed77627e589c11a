/// <reference types="jest" />
/**
 * Per-test fixtures of the PostgreSQL-specific tests: a fresh schema, stores on it (each with its own pool), raw
 * clients that hold real appends open between BEGIN and COMMIT, and ways to wait for observable states without
 * sleeping. Everything opened in a test is closed, rolled back or dropped after it.
 */
import type { PoolClient } from 'pg';
import type { EventToAppend, ExpectedRevision, ReadAllOptions, RecordedEvent } from '../../event-store';
import { validateAppend } from '../../metadata';
import { appendInOneStatement, type AppendOutcome } from '../append-statement';
import {
  createPostgresEventStore,
  type PostgresEventStore,
  type PostgresEventStoreOptions,
} from '../postgres-event-store';
import { adminPool, randomSchemaName } from '../postgres-test-support';
import { eventsTableRef } from '../schema';

/** An append held open by a raw client: it has taken its positions; the test decides when it ends. */
export interface HeldAppend {
  readonly outcome: AppendOutcome;
  /** The transaction's 32-bit xid, as pg_locks shows it. */
  readonly xid: string;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/** The fixtures of one test file. */
export interface PgHarness {
  readonly url: string;
  readonly admin: ReturnType<typeof adminPool>;
  /** This test's schema (fresh, dropped after the test). */
  schema(): string;
  /** Opens a store on this test's schema (or on `options.schema`, which is then dropped too). */
  open(options?: Partial<PostgresEventStoreOptions>): Promise<PostgresEventStore>;
  /** A raw connection, rolled back and released after the test. */
  rawClient(): Promise<PoolClient>;
  /** BEGIN on a raw client, then the adapter's own append statement; no COMMIT yet. */
  beginAppend(
    stream: string,
    events: readonly EventToAppend[],
    expected?: ExpectedRevision,
    schema?: string,
  ): Promise<HeldAppend>;
  /** Resolves once some backend waits for the lock of transaction `xid` (an INSERT blocked on a unique key). */
  waitForWaiterOn(xid: string): Promise<void>;
}

/** Registers the hooks and returns the fixtures. Call inside a describe. */
export function pgHarness(url: string): PgHarness {
  const admin = adminPool(url);
  let schemas: string[] = [];
  const stores: PostgresEventStore[] = [];
  const clients: PoolClient[] = [];

  beforeEach(() => {
    schemas = [randomSchemaName()];
  });
  afterEach(async () => {
    await Promise.all(
      clients
        .splice(0)
        .map(async (client) => (await client.query('ROLLBACK').catch(() => undefined), client.release())),
    );
    await Promise.all(stores.splice(0).map((store) => store.close()));
    for (const schema of schemas) await admin.dropSchema(schema);
  });
  afterAll(() => admin.end());

  const harness: PgHarness = {
    url,
    admin,
    schema: () => schemas[0],
    async open(options = {}) {
      const schema = options.schema ?? schemas[0];
      if (!schemas.includes(schema)) schemas.push(schema);
      const store = await createPostgresEventStore({ connectionString: url, schema, ...options });
      stores.push(store);
      return store;
    },
    async rawClient() {
      const client = await admin.connect();
      clients.push(client);
      return client;
    },
    async beginAppend(stream, events, expected = 'no_stream', schema = schemas[0]) {
      const client = await harness.rawClient();
      await client.query('BEGIN');
      const outcome = await appendInOneStatement(
        client,
        eventsTableRef(schema),
        validateAppend(stream, events, expected),
      );
      const { xid } = (await client.query<{ xid: string }>('SELECT pg_current_xact_id()::xid::text AS xid')).rows[0];
      return {
        outcome,
        xid,
        commit: async () => void (await client.query('COMMIT')),
        rollback: async () => void (await client.query('ROLLBACK')),
      };
    },
    async waitForWaiterOn(xid) {
      // Polls a catalog view, one round trip per check: waits on state, never on a timer.
      for (;;) {
        const { rows } = await admin.query<{ waiting: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'transactionid' AND transactionid = $1::xid AND NOT granted) AS waiting`,
          [xid],
        );
        if (rows[0].waiting) return;
      }
    },
  };
  return harness;
}

/** One completed readAll of a store, in the order the reads started. */
export interface ObservedRead {
  readonly seq: number;
  readonly options: ReadAllOptions;
  readonly events: RecordedEvent[];
}

/**
 * Spies on store.readAll, which the store's subscriptions also read through, so a test can see what a subscriber
 * was served and when, instead of guessing with a timer.
 */
export function observeReads(store: PostgresEventStore): {
  mark(): number;
  firstAfter(mark: number, matches?: (read: ObservedRead) => boolean): Promise<ObservedRead>;
  everServed(position: bigint): boolean;
} {
  const original = store.readAll.bind(store);
  let started = 0;
  const completed: ObservedRead[] = [];
  const waiters = new Set<() => void>();
  jest.spyOn(store, 'readAll').mockImplementation(async (options = {}) => {
    const seq = ++started;
    const events = await original(options);
    completed.push({ seq, options, events });
    for (const wake of [...waiters]) wake();
    return events;
  });
  return {
    /** The number of reads started so far. */
    mark: () => started,
    /** The first read that started after `mark` (and matches), once it has completed. */
    firstAfter: (mark, matches = () => true) =>
      new Promise<ObservedRead>((resolve) => {
        const check = () => {
          const read = completed.find((candidate) => candidate.seq > mark && matches(candidate));
          if (!read) return;
          waiters.delete(check);
          resolve(read);
        };
        waiters.add(check);
        check();
      }),
    /** Whether any completed read returned the event at `position`. */
    everServed: (position) => completed.some((read) => read.events.some((event) => event.position === position)),
  };
}
