/**
 * readStreamJson on the SQL stores: a stream's rows with the data and metadata columns left as the stored JSON text,
 * so an answer that shows the events as stored splices them in instead of parsing and serialising every event.
 */
import type { Kysely } from 'kysely';
import type { ReadStreamOptions, RecordedEventJson } from '../event-store';
import { parseObject, STREAM_READ_COLUMNS, streamQuery, unreadableReason, type EventStoreTables } from './events-table';

/** A selected row: the columns the port shows, and `json_ok` where the database checked the texts itself. */
export interface EventJsonRow {
  readonly position: bigint | number | string;
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint | number | string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  /** 1 when the database found both texts to be valid JSON; absent where it cannot tell (PostgreSQL before 16). */
  readonly json_ok?: number | bigint | null;
}

/** The events of one stream with their JSON texts (possibly none: the caller decides whether that means StreamNotFound). */
export async function selectStreamJson(
  db: Kysely<EventStoreTables>,
  stream: string,
  options: ReadStreamOptions,
): Promise<RecordedEventJson[]> {
  // PostgreSQL before 16 has no JSON check that does not throw, so the texts are parsed here (toRecordedEventJson);
  // the SQLite store selects the same columns with SQLite's own check (sqlite/stream-reads.ts).
  const rows: EventJsonRow[] = await streamQuery(db, stream, options).select(STREAM_READ_COLUMNS).execute();
  return rows.map(toRecordedEventJson);
}

/**
 * Maps a row to RecordedEventJson. A text is passed on when the database found it valid JSON and it opens with `{`
 * (then it is an object, as canonical JSON writes it); anything else is parsed to be sure, and an event whose text is
 * not a JSON object is handed over as `{}` and unreadable, as readStream does.
 */
export function toRecordedEventJson(row: EventJsonRow): RecordedEventJson {
  const checked = Number(row.json_ok) === 1;
  let dataJson = row.data;
  let metadataJson = row.metadata;
  let unreadable: string | undefined;
  try {
    if (!checked || !opensObject(dataJson)) parseObject(dataJson, 'data');
    if (!checked || !opensObject(metadataJson)) parseObject(metadataJson, 'metadata');
  } catch (error) {
    dataJson = '{}';
    metadataJson = '{}';
    unreadable = unreadableReason(row, error);
  }
  const event: RecordedEventJson = {
    id: row.id,
    stream: row.stream,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
    type: row.type,
    dataJson,
    metadataJson,
  };
  return unreadable === undefined ? event : Object.assign({}, event, { unreadable });
}

function opensObject(text: string): boolean {
  return text.charCodeAt(0) === 0x7b;
}
