/**
 * The `events` table as kysely sees it, and the read queries over it. Dialect-neutral on purpose: the SQLite adapter
 * uses them now and a PostgreSQL adapter can reuse them with the same table shape.
 */
import { sql, type Generated, type Kysely, type Selectable } from 'kysely';
import { StreamNotFound } from '../errors';
import type { EventMetadata, ReadAllOptions, ReadStreamOptions, RecordedEvent } from '../event-store';

/** One row per event. `position` is the global order; (stream, revision) and id are unique. */
export interface EventsTable {
  position: Generated<bigint>;
  id: string;
  stream: string;
  /** Text before the first `-` of the stream, stored so category filters use an index. */
  category: string;
  revision: bigint;
  type: string;
  /** Canonical JSON of the event data, byte for byte what was hashed. */
  data: string;
  /** Canonical JSON of the full envelope, including recordedAt, prevHash and hash. */
  metadata: string;
  /** Copy of metadata.recordedAt, for SQL-side time queries. */
  recorded_at: string;
}

/** The kysely database type of an event store. */
export interface EventStoreTables {
  events: EventsTable;
}

/** A selected events row. */
export type EventRow = Selectable<EventsTable>;

/**
 * Maps a row to the port's shape. Integers may arrive as bigint, number or string depending on the driver.
 *
 * One object literal with every field, not `{ ...fields, data, metadata }`: on Node 20 (V8 11.3) an object built by
 * a spread and then given more properties survives the young-generation collection it should die in, so every event
 * read (and the JSON it holds) was promoted to the old generation, and a read-heavy API paid for it in scavenges and
 * in the mark-compacts the promoted garbage brought on (docs/performance.md, M5get).
 */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  let data: RecordedEvent['data'];
  let metadata: EventMetadata;
  let unreadable: string | undefined;
  try {
    data = parseObject(row.data, 'data') as RecordedEvent['data'];
    metadata = parseObject(row.metadata, 'metadata') as unknown as EventMetadata;
  } catch (error) {
    data = {};
    metadata = {} as EventMetadata;
    unreadable = unreadableReason(row, error);
  }
  const event: RecordedEvent = {
    id: row.id,
    stream: row.stream,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
    type: row.type,
    data,
    metadata,
  };
  return unreadable === undefined ? event : Object.assign({}, event, { unreadable });
}

/** Why a stored event is handed over unreadable: its position and stream, and parseObject's reason. */
export function unreadableReason(row: { readonly position: unknown; readonly stream: string }, error: unknown): string {
  return `stored event at position ${row.position} (${row.stream}): ${(error as Error).message}`;
}

/** A stored JSON object column (text on SQLite, already parsed jsonb on PostgreSQL). */
export function parseObject(value: unknown, column: string): object {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new Error(`${column} is not valid JSON`);
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${column} is not a JSON object`);
  }
  return parsed;
}

/** Events of one stream (possibly none: the caller decides whether that means StreamNotFound). */
export async function selectStream(
  db: Kysely<EventStoreTables>,
  stream: string,
  options: ReadStreamOptions,
): Promise<RecordedEvent[]> {
  return (await streamQuery(db, stream, options).selectAll().execute()).map(toRecordedEvent);
}

/** The rows of one stream the options select, in their order; the caller chooses the columns. */
export function streamQuery(db: Kysely<EventStoreTables>, stream: string, options: ReadStreamOptions) {
  const backwards = options.direction === 'backwards';
  let query = db
    .selectFrom('events')
    .where('stream', '=', stream)
    .orderBy('revision', backwards ? 'desc' : 'asc');
  // EventStoreDB semantics: fromRevision is inclusive, and backwards reads go down from it.
  if (options.fromRevision !== undefined)
    query = query.where('revision', backwards ? '<=' : '>=', options.fromRevision);
  // Written into the SQL, not bound (callers check it is a non-negative integer): on SQLite a bound `LIMIT ?` measured
  // 12 µs against 3 for a read of a stream's last event (docs/performance.md, change 49).
  if (options.maxCount !== undefined) query = query.limit(sql.lit(options.maxCount));
  return query;
}

/** The columns a stream read shows: the port's fields, data and metadata as stored. */
export const STREAM_READ_COLUMNS = ['position', 'id', 'stream', 'revision', 'type', 'data', 'metadata'] as const;

/** What a read of `stream` found, or StreamNotFound when it found no stream at all (PostgreSQL's readStream*). */
export async function eventsOrStreamNotFound<Event>(
  db: Kysely<EventStoreTables>,
  stream: string,
  options: ReadStreamOptions,
  events: Event[],
): Promise<Event[]> {
  if (events.length > 0 || !(await isMissingStream(db, stream, options))) return events;
  throw new StreamNotFound(stream);
}

/**
 * Whether a read with these options that found no events has shown by itself that there is no stream. A stream
 * exists once it has an event and is never emptied, so a read from either end (no fromRevision, or revision 0) that
 * may return something answers by itself: no second statement on the command path's every first read of a new case.
 * Both SQL stores ask it.
 */
export function emptyReadMeansNoStream(options: ReadStreamOptions): boolean {
  const fromAnEnd = options.fromRevision === undefined || options.fromRevision === 0n;
  return fromAnEnd && options.maxCount !== 0;
}

/** Whether a read of `stream` that found no events found no stream. */
async function isMissingStream(
  db: Kysely<EventStoreTables>,
  stream: string,
  options: ReadStreamOptions,
): Promise<boolean> {
  if (emptyReadMeansNoStream(options)) return true;
  const row = await db.selectFrom('events').select('position').where('stream', '=', stream).limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * The global log in position order, after an exclusive `fromPosition`. Every given filter part must match; an empty
 * list matches nothing (a projection that handles no event type receives no events). `below`, when given, is an
 * exclusive upper bound on positions (PostgreSQL's visibility horizon, see postgres/visibility.ts).
 */
export async function selectAll(
  db: Kysely<EventStoreTables>,
  options: ReadAllOptions,
  below?: bigint,
): Promise<RecordedEvent[]> {
  const { fromPosition, maxCount, filter } = options;
  if (filter?.categories?.length === 0 || filter?.eventTypes?.length === 0 || maxCount === 0) return [];
  let query = db.selectFrom('events').selectAll().orderBy('position', 'asc');
  if (fromPosition !== undefined) query = query.where('position', '>', fromPosition);
  if (below !== undefined) query = query.where('position', '<', below);
  if (filter?.categories) query = query.where('category', 'in', [...filter.categories]);
  if (filter?.eventTypes) query = query.where('type', 'in', [...filter.eventTypes]);
  if (maxCount !== undefined) query = query.limit(maxCount);
  return (await query.execute()).map(toRecordedEvent);
}

/** Position of the last event (below the exclusive bound `below`, when given), or -1n for an empty store. */
export async function selectHeadPosition(db: Kysely<EventStoreTables>, below?: bigint): Promise<bigint> {
  let query = db.selectFrom('events').select('position').orderBy('position', 'desc').limit(1);
  if (below !== undefined) query = query.where('position', '<', below);
  const row = await query.executeTakeFirst();
  return row === undefined ? -1n : BigInt(row.position);
}
