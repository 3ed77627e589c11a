import { createEsdbEventStore } from './esdb/esdb-event-store';
import type { EventStore } from './event-store';
import { createPostgresEventStore } from './postgres/postgres-event-store';
import { createSqliteEventStore } from './sqlite/sqlite-event-store';

/** Raised for an EVENT_STORE_URL the engine cannot use; the message names the variable. */
export class InvalidEventStoreUrl extends Error {
  override readonly name = 'InvalidEventStoreUrl';
}

/** The schemes EVENT_STORE_URL accepts (docs/architecture.md). */
export const EVENT_STORE_SCHEMES = ['sqlite:', 'postgres://', 'postgresql://', 'esdb://', 'esdb+discover://'] as const;

/** Throws InvalidEventStoreUrl naming EVENT_STORE_URL unless the URL has a scheme the engine can open. */
export function assertEventStoreUrl(url: string): void {
  if (url.startsWith('sqlite:') && url.length > 'sqlite:'.length) return;
  if (EVENT_STORE_SCHEMES.some((scheme) => scheme !== 'sqlite:' && url.startsWith(scheme))) return;
  throw new InvalidEventStoreUrl(
    `EVENT_STORE_URL must be sqlite:<path>, postgres://…, postgresql://… or esdb://…, got "${url.replace(/\/\/[^@/]*@/, '//***@')}"`,
  );
}

/**
 * Opens the adapter chosen by EVENT_STORE_URL (docs/architecture.md): `sqlite:<path>` (the embedded default, also
 * `sqlite::memory:`), `postgres://…[?schema=name]` (migrates its schema at start), `esdb://…` (EventStoreDB / KurrentDB).
 */
export async function openEventStore(url: string): Promise<EventStore> {
  assertEventStoreUrl(url);
  if (url.startsWith('sqlite:')) {
    const filename = url.slice('sqlite:'.length);
    return createSqliteEventStore({ filename });
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    // `?schema=name` picks the schema (default event_store), as READ_MODEL_URL does; pg itself does not know it.
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema') ?? undefined;
    parsed.searchParams.delete('schema');
    return createPostgresEventStore({ connectionString: parsed.toString(), schema });
  }
  return createEsdbEventStore({ connectionString: url });
}
