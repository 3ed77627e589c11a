/**
 * Reads on EventStoreDB: one stream, $all forwards in pages, and the head of $all. Client-side filtering is exact
 * port semantics (filters.ts); the server filters only subscriptions (the 6.x client sends no filter on readAll).
 */
import type { ReadAllOptions, ReadStreamOptions, RecordedEvent } from '../event-store';
import { StreamNotFound } from '../errors';
import type {
  EsdbClient,
  EsdbPosition,
  EsdbReadAllOptions,
  EsdbReadStreamOptions,
  EsdbRecordedEvent,
} from './client-port';
import { isStreamNotFound, mapEsdbError } from './error-mapping';
import { toEsdbStreamName, toRecordedEvent } from './event-mapping';
import { acceptsEvent, matchesNothing } from './filters';
import { fromEsdbPosition, toEsdbStartPosition, toEsdbStreamRead } from './revisions';

/**
 * Where reads go and how: the narrow client, the namespace, and how many $all records one request fetches (at least 2,
 * so a page that repeats its inclusive start record still moves forward).
 */
export interface EsdbReadContext {
  readonly client: EsdbClient;
  readonly namespace: string | undefined;
  readonly pageSize: number;
}

/** The events of one ESDB stream, or undefined when it does not exist. Errors come back mapped to the port's. */
export async function readEsdbStream(
  context: EsdbReadContext,
  stream: string,
  options: EsdbReadStreamOptions,
): Promise<EsdbRecordedEvent[] | undefined> {
  const events: EsdbRecordedEvent[] = [];
  try {
    for await (const event of context.client.readStream(toEsdbStreamName(stream, context.namespace), options))
      events.push(event);
  } catch (error) {
    if (isStreamNotFound(error)) return undefined;
    throw mapEsdbError(error, { stream });
  }
  return events;
}

/** The port's readStream. maxCount 0 and a start before revision 0 still ask the server whether the stream exists. */
export async function readStream(
  context: EsdbReadContext,
  stream: string,
  options: ReadStreamOptions,
): Promise<RecordedEvent[]> {
  const read = toEsdbStreamRead(options.fromRevision, options.direction);
  let fromRevision = read.fromRevision;
  let empty = options.maxCount === 0;
  if (typeof fromRevision === 'bigint' && fromRevision < 0n) {
    // The client sends revisions as unsigned integers: forwards from −1 is the start; backwards from −1 is nothing.
    empty ||= read.direction === 'backwards';
    fromRevision = read.direction === 'forwards' ? 'start' : 'end';
  }
  const maxCount = empty ? 1 : (options.maxCount ?? Number.MAX_SAFE_INTEGER);
  const events = await readEsdbStream(context, stream, Object.assign({}, read, { fromRevision, maxCount }));
  if (events === undefined) throw new StreamNotFound(stream);
  return empty ? [] : events.map((event) => toRecordedEvent(event, stream));
}

/**
 * The port's readAll: pages through $all after `fromPosition`, keeping events the filter accepts, until `maxCount`
 * are found or the log ends. Without a server-side filter this reads every record after the start, system ones
 * included; production readers are the projector's subscriptions, which are filtered on the server.
 */
export async function readAll(context: EsdbReadContext, options: ReadAllOptions): Promise<RecordedEvent[]> {
  const { filter, maxCount = Number.MAX_SAFE_INTEGER } = options;
  const result: RecordedEvent[] = [];
  if (maxCount === 0 || matchesNothing(filter)) return result;
  let after = options.fromPosition !== undefined && options.fromPosition >= 0n ? options.fromPosition : undefined;
  // Only the caller's start is rebuilt from a bigint (an event of ours: commit = prepare); later pages continue from
  // the exact log position of the last record seen, which may be a system record with its own prepare offset.
  let cursor: EsdbReadAllOptions['fromPosition'] = toEsdbStartPosition(after);
  for (;;) {
    const page = await readAllPage(context, 'forwards', cursor);
    for (const event of page) {
      const position = fromEsdbPosition(event.position);
      // The start record may come back (inclusive start); anything at or before the cursor was seen already.
      if (position === undefined || (after !== undefined && position <= after)) continue;
      after = position;
      cursor = event.position as EsdbPosition;
      const stream = acceptsEvent(event, filter, context.namespace);
      if (stream === undefined) continue;
      result.push(toRecordedEvent(event, stream));
      if (result.length >= maxCount) return result;
    }
    if (page.length < context.pageSize) return result;
  }
}

/** The port's headPosition: the newest event the store shows (not a system event, inside the namespace), or −1n. */
export async function headPosition(context: EsdbReadContext): Promise<bigint> {
  let before: bigint | undefined;
  let cursor: EsdbReadAllOptions['fromPosition'] = 'end';
  for (;;) {
    const page = await readAllPage(context, 'backwards', cursor);
    for (const event of page) {
      const position = fromEsdbPosition(event.position);
      if (position === undefined || (before !== undefined && position >= before)) continue;
      before = position;
      cursor = event.position as EsdbPosition;
      if (acceptsEvent(event, undefined, context.namespace) !== undefined) return position;
    }
    if (page.length < context.pageSize) return -1n;
  }
}

async function readAllPage(
  context: EsdbReadContext,
  direction: 'forwards' | 'backwards',
  fromPosition: EsdbReadAllOptions['fromPosition'],
): Promise<EsdbRecordedEvent[]> {
  const page: EsdbRecordedEvent[] = [];
  try {
    for await (const event of context.client.readAll({ fromPosition, direction, maxCount: context.pageSize }))
      page.push(event);
  } catch (error) {
    throw mapEsdbError(error);
  }
  return page;
}
