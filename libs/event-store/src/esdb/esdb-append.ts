/**
 * Append on EventStoreDB with the port's semantics and the shared hash chain.
 *
 * 1. Read the stream (all of it: ids, revisions, positions, the head's hash).
 * 2. Decide with planAppend, the SQL adapters' own rules: expected-revision check, idempotent retry (ids already in
 *    this stream → the original { nextRevision, position }, nothing written), seal against the head.
 * 3. Write the sealed events with the head's exact revision (or no_stream) as ESDB's expected revision, whatever the
 *    caller asked for. That is what keeps the chain whole: a write lands only on the head it was sealed against.
 * 4. On ESDB's wrong-expected-version (another writer got in between 1 and 3), decide again from a fresh read:
 *    an exact expectation then fails with the new actual revision, `any` / `stream_exists` reseal and retry, and a
 *    concurrent identical retry is recognised by its ids.
 *
 * What ESDB guarantees, and what we check: ESDB makes a write with an exact expected revision (or no_stream)
 * idempotent when the same ids already follow that revision, and is only best-effort for `any`. We send only exact
 * revisions, and step 2 looks the ids up in the whole stream first, so a retry is recognised even after the stream
 * has moved on or when the caller said `any`. ESDB has no index of event ids across streams: an id already stored in
 * another stream is not detected (docs/eventstoredb.md, "Deviations").
 */
import { planAppend, type StoredEventRef, type StreamHead } from '../append-rules';
import type { AppendResult } from '../event-store';
import type { SealedEvent } from '../hash-chain';
import type { ValidatedAppend } from '../metadata';
import { isWrongExpectedVersion, mapEsdbError } from './error-mapping';
import { toEsdbStreamName, toProposedEvent, toRecordedEvent } from './event-mapping';
import { readEsdbStream, type EsdbReadContext } from './esdb-reads';
import { fromEsdbAppendResult, fromEsdbPosition, toEsdbExpectedRevision } from './revisions';

/** How an append runs: where to read and write, the clock for recordedAt, and how often to re-decide after a race. */
export interface EsdbAppendContext extends EsdbReadContext {
  readonly now: () => Date;
  /** Attempts before a lost race is reported as WrongExpectedRevision; each lost race means another writer won. */
  readonly maxAttempts: number;
}

/** What step 1 loads: the stream's head and where each of the batch's ids already is. */
export interface StreamSnapshot {
  readonly head: StreamHead | undefined;
  readonly existing: readonly StoredEventRef[];
}

/** Appends one validated request (already checked before any network call). */
export async function appendToEsdb(context: EsdbAppendContext, request: ValidatedAppend): Promise<AppendResult> {
  const ids = new Set(request.events.map((event) => event.id));
  for (let attempt = 1; ; attempt++) {
    const snapshot = await loadSnapshot(context, request.stream, ids);
    const plan = planAppend(request, snapshot.head, snapshot.existing, context.now().toISOString());
    if (plan.kind === 'done') return plan.result;
    try {
      return await write(context, request.stream, plan.events, snapshot.head);
    } catch (error) {
      if (!isWrongExpectedVersion(error) || attempt >= context.maxAttempts) {
        throw mapEsdbError(error, { stream: request.stream, expectedRevision: request.expectedRevision });
      }
      // Lost a race with another process between the read and the write: decide again from what is there now.
    }
  }
}

/** Step 1: reads the whole stream. Streams are one case or complaint each, so they stay short. */
export async function loadSnapshot(
  context: EsdbReadContext,
  stream: string,
  ids: ReadonlySet<string>,
): Promise<StreamSnapshot> {
  const events = await readEsdbStream(context, stream, {
    fromRevision: 'start',
    direction: 'forwards',
    maxCount: Number.MAX_SAFE_INTEGER,
  });
  if (events === undefined || events.length === 0) return { head: undefined, existing: [] };
  const recorded = events.map((event) => toRecordedEvent(event, stream));
  const last = recorded[recorded.length - 1];
  if (typeof last.metadata?.hash !== 'string') {
    throw new Error(
      `Stream ${stream} on EventStoreDB ends with event ${last.id}, which carries no hash: not written by this adapter`,
    );
  }
  return {
    head: { revision: last.revision, position: last.position, hash: last.metadata.hash },
    existing: recorded
      .filter((event) => ids.has(event.id))
      .map(({ id, revision, position }) => ({ id, stream, revision, position })),
  };
}

async function write(
  context: EsdbAppendContext,
  stream: string,
  events: readonly SealedEvent[],
  head: StreamHead | undefined,
): Promise<AppendResult> {
  const expected = toEsdbExpectedRevision(head ? head.revision : 'no_stream');
  const result = await context.client.appendToStream(
    toEsdbStreamName(stream, context.namespace),
    events.map(toProposedEvent),
    expected,
  );
  return (
    fromEsdbAppendResult(result) ??
    (await readBack(context, stream, events[events.length - 1], result.nextExpectedRevision))
  );
}

/**
 * The server reported no position (an idempotent write on some versions): read the last event back. Its id must be
 * ours; anything else means the stream changed under a write ESDB called successful, which the port cannot explain.
 */
async function readBack(
  context: EsdbAppendContext,
  stream: string,
  last: SealedEvent,
  revision: bigint,
): Promise<AppendResult> {
  const [event] =
    (await readEsdbStream(context, stream, { fromRevision: revision, direction: 'forwards', maxCount: 1 })) ?? [];
  const position = fromEsdbPosition(event?.position);
  if (!event || event.id.toLowerCase() !== last.id || position === undefined) {
    throw new Error(
      `EventStoreDB acknowledged an append to ${stream} at revision ${revision}, but event ${last.id} is not there`,
    );
  }
  return { nextRevision: revision, position };
}
