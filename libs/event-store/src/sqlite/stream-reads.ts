/**
 * readStream and readStreamJson of the SQLite store, from better-sqlite3 statements prepared once per shape of read.
 * The command path reads its stream before every command, and through kysely a one-event read cost about three times
 * the statement itself: building and compiling the query, the dialect's connection mutex and its promise hops
 * (docs/performance.md, change 47). The statements run on the store's one connection, synchronously as kysely's
 * dialect runs them; the group-commit writer never leaves a transaction open between turns, so no read sees
 * uncommitted rows.
 */
import type Database from 'better-sqlite3';
import { StreamNotFound } from '../errors';
import type { ReadStreamOptions, RecordedEvent, RecordedEventJson } from '../event-store';
import { emptyReadMeansNoStream, toRecordedEvent, type EventRow } from '../sql/events-table';
import { toRecordedEventJson, type EventJsonRow } from '../sql/stream-json';

const EVENT_COLUMNS = 'position, id, stream, revision, type, data, metadata';
/** SQLite checks the JSON texts in C, for a fraction of what JSON.parse costs (toRecordedEventJson). */
const JSON_COLUMNS = `${EVENT_COLUMNS}, json_valid(data) AND json_valid(metadata) AS json_ok`;

/** A stream's events, or StreamNotFound when the store has no such stream (the port's readStream semantics). */
export interface SqliteStreamReads {
  events(stream: string, options: ReadStreamOptions): RecordedEvent[];
  eventJsons(stream: string, options: ReadStreamOptions): RecordedEventJson[];
}

/** Distinct texts kept: 8 shapes of read for each column list, times the few maxCount values callers use. */
const MAX_STATEMENTS = 64;

export function prepareStreamReads(db: Database.Database): SqliteStreamReads {
  const statements = new Map<string, Database.Statement>();
  const anyEvent = db.prepare('SELECT 1 FROM events WHERE stream = ? LIMIT 1');

  function rows(columns: string, stream: string, options: ReadStreamOptions): unknown[] {
    const text = selectText(columns, options);
    let statement = statements.get(text);
    if (statement === undefined) {
      statements.set(text, (statement = db.prepare(text)));
      if (statements.size > MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
    }
    const found = statement.all(...parameters(stream, options));
    if (found.length === 0 && (emptyReadMeansNoStream(options) || anyEvent.get(stream) === undefined)) {
      throw new StreamNotFound(stream);
    }
    return found;
  }

  return {
    events: (stream, options) => (rows(EVENT_COLUMNS, stream, options) as EventRow[]).map(toRecordedEvent),
    eventJsons: (stream, options) => (rows(JSON_COLUMNS, stream, options) as EventJsonRow[]).map(toRecordedEventJson),
  };
}

/**
 * The SELECT of `columns` for the options' shape; its parameters come from `parameters`, in the same order. The
 * limit is written into the text (readStream checked it is a non-negative integer): with `LIMIT ?` a read of a
 * stream's last event measured 12 µs instead of 3, whether the limit was bound as a number or a bigint.
 */
function selectText(columns: string, options: ReadStreamOptions): string {
  const backwards = options.direction === 'backwards';
  // EventStoreDB semantics: fromRevision is inclusive, and backwards reads go down from it.
  const from = options.fromRevision === undefined ? '' : ` AND revision ${backwards ? '<=' : '>='} ?`;
  const limit = options.maxCount === undefined ? '' : ` LIMIT ${Number(options.maxCount)}`;
  return `SELECT ${columns} FROM events WHERE stream = ?${from} ORDER BY revision ${backwards ? 'DESC' : 'ASC'}${limit}`;
}

function parameters(stream: string, options: ReadStreamOptions): unknown[] {
  const values: unknown[] = [stream];
  if (options.fromRevision !== undefined) values.push(options.fromRevision);
  return values;
}
