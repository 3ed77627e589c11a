import type { Generated } from 'kysely';

/**
 * The read-model change log behind the SSE feed: one row per key a batch changed, written in the transaction that
 * writes the rows and moves the checkpoint, so a change is logged if and only if it committed.
 */
export interface ReadModelChangesTable {
  /** Increases in commit order (SQLite has one writer at a time); never reused, so a client resumes after it. */
  id: Generated<bigint>;
  projection: string;
  /** What changed: by default the stream of the events (`case-HP-1`); `$rebuilt` after a rebuild swapped tables. */
  key: string;
  /** Log position of the last event of the batch that changed the key: query with minPosition to read it. */
  position: bigint;
  changed_at: string;
}
