/**
 * The start-up durability check: reads the settings actually in force on the stores the process
 * opened, applies durability-rules.ts, logs, and throws UnsafeDurability to stop the process. It takes opened stores,
 * not URLs, because only an open connection can say what its writes will run with (SQLite's synchronous is per
 * connection; PostgreSQL's synchronous_commit can be set per role, database or session).
 */
import { sql, type QueryExecutorProvider } from 'kysely';
import type { EventStore } from '@thads/event-store';
import {
  decideDurability,
  UnsafeDurability,
  type DurabilityDecision,
  type DurabilityObservation,
  type StoreObservation,
} from './durability-rules';

/** Where the check writes: the WARN line when unsafe settings are allowed, notes on unverifiable engines. */
export interface DurabilityLogger {
  log(message: string): void;
  warn(message: string): void;
}

/** The open stores of a process and the override. `readModels` is absent in a process that has none. */
export interface DurabilityCheckOptions {
  /** The open event store and the EVENT_STORE_URL that chose it. */
  readonly eventStore: { readonly store: EventStore; readonly url: string };
  /** The open read-model database (kysely) and the READ_MODEL_URL that chose it. */
  readonly readModels?: { readonly db: QueryExecutorProvider; readonly url: string };
  /** ALLOW_UNSAFE_DURABILITY=true (validated by the configuration schema). */
  readonly allowUnsafe: boolean;
  readonly logger: DurabilityLogger;
}

/** What GET /health repeats: the decision without the refusal (a refused process never serves). */
export type DurabilityReport = Omit<DurabilityDecision, 'outcome'> & { readonly outcome: 'safe' | 'unsafe-allowed' };

/**
 * Reads, decides and logs. Resolves with the report when the settings are safe or the override allows them (after
 * logging the WARN line); rejects with UnsafeDurability, naming each setting and its variable, otherwise.
 */
export async function checkDurability(options: DurabilityCheckOptions): Promise<DurabilityReport> {
  const stores: StoreObservation[] = [
    {
      variable: 'EVENT_STORE_URL',
      role: 'event store',
      observation: await readEventStoreDurability(options.eventStore.store, options.eventStore.url),
    },
  ];
  if (options.readModels) {
    stores.push({
      variable: 'READ_MODEL_URL',
      role: 'read models',
      observation: await readReadModelDurability(options.readModels.db, options.readModels.url),
    });
  }
  const decision = decideDurability(stores, options.allowUnsafe);
  for (const note of decision.notes) options.logger.log(note);
  if (decision.outcome === 'refused') throw new UnsafeDurability(decision.message);
  if (decision.outcome === 'unsafe-allowed') options.logger.warn(decision.message);
  return { ...decision, outcome: decision.outcome };
}

/** The settings of an open event store, by the scheme of the URL that opened it. */
export async function readEventStoreDurability(store: EventStore, url: string): Promise<DurabilityObservation> {
  if (url.startsWith('esdb://') || url.startsWith('esdb+discover://')) return { engine: 'esdb' };
  const reader = (store as Partial<{ durabilitySettings(): unknown }>).durabilitySettings;
  if (typeof reader !== 'function')
    throw new Error(`EVENT_STORE_URL: the store opened for "${scheme(url)}" cannot report its durability settings`);
  const settings = (await reader.call(store)) as Record<string, unknown>;
  if (url.startsWith('sqlite:')) {
    return {
      engine: 'sqlite',
      journalMode: String(settings.journalMode),
      synchronousLevel: Number(settings.synchronousLevel),
    };
  }
  return { engine: 'postgres', fsync: String(settings.fsync), synchronousCommit: String(settings.synchronousCommit) };
}

/**
 * The settings of an open read-model database, read through its own kysely connection: SQLite PRAGMAs, or
 * PostgreSQL's current_setting, the values that connection's transactions run with.
 */
export async function readReadModelDurability(db: QueryExecutorProvider, url: string): Promise<DurabilityObservation> {
  if (url.startsWith('sqlite:')) {
    const journal = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db);
    const synchronous = await sql<{ synchronous: number | bigint }>`PRAGMA synchronous`.execute(db);
    return {
      engine: 'sqlite',
      journalMode: String(journal.rows[0]?.journal_mode),
      synchronousLevel: Number(synchronous.rows[0]?.synchronous),
    };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const result = await sql<{
      fsync: string;
      synchronous_commit: string;
    }>`SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit`.execute(
      db,
    );
    return {
      engine: 'postgres',
      fsync: String(result.rows[0]?.fsync),
      synchronousCommit: String(result.rows[0]?.synchronous_commit),
    };
  }
  throw new Error(`READ_MODEL_URL: no durability check for "${scheme(url)}"`);
}

function scheme(url: string): string {
  return url.slice(0, url.indexOf(':') + 1);
}
