/**
 * readStream and readStreamJson of the SQLite store, from better-sqlite3 statements prepared once per shape of read.
 * The command path reads its stream before every command, and through kysely a one-event read cost about three times
 * the statement itself: building and compiling the query, the dialect's connection mutex and its promise hops
 * (docs/performance.md, change 47). The SQL is still kysely's (streamQuery, shared with PostgreSQL), compiled once
 * per shape. The statements run on the store's one connection, synchronously as kysely's dialect runs them; the
 * group-commit writer never leaves a transaction open between turns, so no read sees uncommitted rows.
 */
import type Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { StreamNotFound } from '../errors';
import type { ReadStreamOptions, RecordedEvent, RecordedEventJson } from '../event-store';
import {
  emptyReadMeansNoStream,
  STREAM_READ_COLUMNS,
  streamQuery,
  toRecordedEvent,
  type EventRow,
  type EventStoreTables,
} from '../sql/events-table';
import { toRecordedEventJson, type EventJsonRow } from '../sql/stream-json';

/** A stream's events, or StreamNotFound when the store has no such stream (the port's readStream semantics). */
export interface SqliteStreamReads {
  events(stream: string, options: ReadStreamOptions): RecordedEvent[];
  eventJsons(stream: string, options: ReadStreamOptions): RecordedEventJson[];
}

type Columns = 'event' | 'json';

/** Distinct texts kept: 8 shapes of read for each column list, times the few maxCount values callers use. */
const MAX_STATEMENTS = 64;

export function prepareStreamReads(db: Database.Database, kysely: Kysely<EventStoreTables>): SqliteStreamReads {
  const statements = new Map<string, Database.Statement>();
  const anyEvent = db.prepare('SELECT 1 FROM events WHERE stream = ? LIMIT 1');

  function statementFor(columns: Columns, options: ReadStreamOptions): Database.Statement {
    const key = `${columns} ${options.direction ?? 'forwards'} ${options.fromRevision !== undefined} ${options.maxCount}`;
    let statement = statements.get(key);
    if (statement === undefined) {
      statements.set(key, (statement = db.prepare(compiledSql(kysely, columns, options))));
      if (statements.size > MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
    }
    return statement;
  }

  function rows(columns: Columns, stream: string, options: ReadStreamOptions): unknown[] {
    const found = statementFor(columns, options).all(...parameters(stream, options));
    if (found.length === 0 && (emptyReadMeansNoStream(options) || anyEvent.get(stream) === undefined)) {
      throw new StreamNotFound(stream);
    }
    return found;
  }

  return {
    events: (stream, options) => (rows('event', stream, options) as EventRow[]).map(toRecordedEvent),
    eventJsons: (stream, options) => (rows('json', stream, options) as EventJsonRow[]).map(toRecordedEventJson),
  };
}

/** The statements' parameters, in the order streamQuery writes them (compiledSql checks that order). */
function parameters(stream: string, options: ReadStreamOptions): unknown[] {
  return options.fromRevision === undefined ? [stream] : [stream, options.fromRevision];
}

const STREAM_PROBE = '\u0000stream';
const REVISION_PROBE = -1n;

/**
 * streamQuery's SQL for this shape of read. It is compiled with probe values, and their place among the compiled
 * parameters must be the one `parameters` fills, so a change to streamQuery cannot bind a value to the wrong place.
 */
function compiledSql(kysely: Kysely<EventStoreTables>, columns: Columns, options: ReadStreamOptions): string {
  const probe = Object.assign({}, options, {
    fromRevision: options.fromRevision === undefined ? undefined : REVISION_PROBE,
  });
  const query = streamQuery(kysely, STREAM_PROBE, probe).select(STREAM_READ_COLUMNS);
  // SQLite checks the JSON texts in C, for a fraction of what JSON.parse costs (toRecordedEventJson).
  const compiled = (
    columns === 'json' ? query.select(sql<number>`json_valid(data) and json_valid(metadata)`.as('json_ok')) : query
  ).compile();
  const expected = parameters(STREAM_PROBE, probe);
  if (compiled.parameters.length !== expected.length || compiled.parameters.some((value, i) => value !== expected[i]))
    throw new Error(`stream read parameters out of order: ${compiled.sql}`);
  return compiled.sql;
}
