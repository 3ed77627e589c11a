/**
 * Prepared-statement reuse for kysely's SQLite dialect. kysely's SqliteConnection calls `prepare(sql)` for every query
 * it runs; preparing parses and plans the SQL each time, which was about 5% of a command's CPU in the in-process
 * profile (docs/performance.md). Giving the dialect this wrapper instead of the raw connection returns the statement
 * already prepared for the same SQL text. better-sqlite3 re-prepares a statement by itself when the schema changes.
 */
import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept (IN lists of different lengths are different texts); the least recently added go first. */
const MAX_STATEMENTS = 500;
/**
 * Longer texts are multi-row INSERTs and long IN lists, a new text for every row count: their compiled programs are
 * large (about half a megabyte for 1,000 rows of 6 columns) and were most of the projector's native memory
 * (docs/performance.md, M7), while their prepare is shared by the many rows they carry. They are prepared each time.
 */
export const LONGEST_CACHED_SQL = 4_096;

/** The connection as kysely's SqliteDialect wants it, with `prepare` answered from a cache. */
export function withStatementCache(database: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare: (sql: string) => {
      const cached = statements.get(sql);
      // A statement still being iterated (a streamed query) cannot run again until it finishes: prepare another.
      if (cached && !cached.busy) return cached;
      const statement = database.prepare(sql);
      if (!cached && sql.length <= LONGEST_CACHED_SQL) {
        statements.set(sql, statement);
        if (statements.size > MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
      }
      return statement;
    },
  };
}
