/**
 * Leases: on PostgreSQL each projection has exactly one runner across processes (docs/architecture.md).
 *
 * A lease is a session-level advisory lock, `pg_try_advisory_lock(hash('thads.read_models.lease'),
 * hash(schema/name))`, held by one dedicated connection per projector (not a pooled one: a pooled connection is
 * shared by transactions and would carry the lock to whoever borrows it next). A worker that cannot take a lease
 * leaves the projection to its holder and tries again on its control poll. When the holder dies, PostgreSQL ends
 * its session and frees the lock, and the next poll of another worker takes it over. The lease is an efficiency
 * measure, not the safety one: the guarded checkpoint update already makes every batch exactly-once, so a moment
 * of two runners (a lease lost on a broken connection while the old holder finishes its batch) doubles no row.
 */
import { Client } from 'pg';
import { readModelPoolConfig, type PostgresReadModelTarget } from '../database/postgres-read-model-database';

/** Which projections this process may run. */
export interface ProjectionLeases {
  /**
   * Tries to take the leases of `names` that this process does not hold yet and checks that the connection holding
   * the others is alive. Resolves with the names held now; never rejects (an unreachable server holds nothing).
   */
  acquire(names: readonly string[]): Promise<ReadonlySet<string>>;
  /** Whether this process held the projection's lease at the last acquire. */
  holds(name: string): boolean;
  /** Releases every lease and ends the connection. */
  close(): Promise<void>;
}

/** Leases for a read-model schema on PostgreSQL; the connection opens at the first acquire. */
export function createPostgresLeases(target: PostgresReadModelTarget): ProjectionLeases {
  return new PostgresLeases(target);
}

class PostgresLeases implements ProjectionLeases {
  private client: Client | undefined;
  private held = new Set<string>();
  private closed = false;
  /** acquire() calls run one at a time: two overlapping calls could both try the same lock on one session. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly target: PostgresReadModelTarget) {}

  acquire(names: readonly string[]): Promise<ReadonlySet<string>> {
    const next = this.queue.then(() => this.tryAcquire(names));
    this.queue = next.catch(() => undefined);
    return next;
  }

  holds(name: string): boolean {
    return this.held.has(name);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
    const client = this.client;
    // Unlock explicitly before ending the session: a backend releases its locks only as it exits, a moment after the
    // socket closes, and a successor that tries right after close() should find the leases free.
    if (client && this.held.size > 0) await client.query('select pg_advisory_unlock_all()').catch(() => undefined);
    this.drop(client);
  }

  private async tryAcquire(names: readonly string[]): Promise<ReadonlySet<string>> {
    if (this.closed) return this.held;
    try {
      const client = await this.connection();
      const missing = names.filter((name) => !this.held.has(name));
      if (missing.length === 0) {
        await client.query('select 1'); // the session that holds the leases is still there
        return this.held;
      }
      const { rows } = await client.query<{ name: string; ok: boolean }>(
        `select name, pg_try_advisory_lock(hashtext('thads.read_models.lease'), hashtext($1 || '/' || name)) as ok from unnest($2::text[]) as name`,
        [this.target.schema, missing],
      );
      for (const row of rows) if (row.ok) this.held.add(row.name);
    } catch {
      // The session is gone or unusable, and its locks with it: hold nothing and reconnect on the next call.
      this.drop();
    }
    return this.held;
  }

  private async connection(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client(readModelPoolConfig(this.target));
    // A broken session frees its locks on the server: forget them here too, so the runner stops at its next batch.
    client.on('error', () => this.drop(client));
    client.on('end', () => this.drop(client));
    this.client = client;
    await client.connect();
    return client;
  }

  private drop(client: Client | undefined = this.client): void {
    if (!client || client !== this.client) return;
    this.client = undefined;
    this.held = new Set();
    void client.end().catch(() => undefined);
  }
}
