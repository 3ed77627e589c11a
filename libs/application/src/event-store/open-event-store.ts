import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createSqliteEventStore, type EventStore } from '@thads/event-store';

/** Raised for an EVENT_STORE_URL the engine cannot use; the message names the variable. */
export class InvalidEventStoreUrl extends Error {
  override readonly name = 'InvalidEventStoreUrl';
}

/**
 * Opens the adapter chosen by EVENT_STORE_URL (DESIGN.md §2). Supported here: `sqlite:<path>` (the embedded
 * default) and `sqlite::memory:`.
 */
export function openEventStore(url: string): EventStore {
  if (url.startsWith('sqlite:')) {
    const filename = url.slice('sqlite:'.length);
    if (!filename) throw new InvalidEventStoreUrl('EVENT_STORE_URL: sqlite: needs a file path, e.g. sqlite:./data/events.db');
    if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
    return createSqliteEventStore({ filename });
  }
  throw new InvalidEventStoreUrl(
    `EVENT_STORE_URL: unsupported scheme in "${url}"; expected sqlite:<path> (postgres:// and esdb:// arrive with the production adapters)`,
  );
}
