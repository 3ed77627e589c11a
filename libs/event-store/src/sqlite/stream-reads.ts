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

export function prepareStreamReads(db: Database.Database): SqliteStreamReads {
  // At most 16 texts: two column lists × direction × fromRevision given × maxCount given.
  const statements = new Map<string, Database.Statement>();
  const anyEvent = db.prepare('SELECT 1 FROM events WHERE stream = ? LIMIT 1');

  function rows(columns: string, stream: string, options: ReadStreamOptions): unknown[] {
    const text = selectText(columns, options);
    let statement = statements.get(text);
    if (statement === undefined) statements.set(text, (statement = db.prepare(text)));
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

/** The SELECT of `columns` for the options' shape; its parameters come from `parameters`, in the same order. */
function selectText(columns: string, options: ReadStreamOptions): string {
  const backwards = options.direction === 'backwards';
  // EventStoreDB semantics: fromRevision is inclusive, and backwards reads go down from it.
  const from = options.fromRevision === undefined ? '' : ` AND revision ${backwards ? '<=' : '>='} ?`;
  const limit = options.maxCount === undefined ? '' : ' LIMIT ?';
  return `SELECT ${columns} FROM events WHERE stream = ?${from} ORDER BY revision ${backwards ? 'DESC' : 'ASC'}${limit}`;
}

function parameters(stream: string, options: ReadStreamOptions): unknown[] {
  const values: unknown[] = [stream];
  if (options.fromRevision !== undefined) values.push(options.fromRevision);
  if (options.maxCount !== undefined) values.push(options.maxCount);
  return values;
}
