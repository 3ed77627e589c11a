/**
 * The append decision shared by every adapter: expected-revision check, EventStoreDB-style idempotency and sealing.
 * Pure: an adapter loads the stream head and any already-stored batch ids inside its append transaction, asks
 * `planAppend` what to do, and then either writes the sealed events or returns the earlier result.
 */
import { WrongExpectedRevision } from './errors';
import type { AppendResult, ExpectedRevision } from './event-store';
import { sealEvents, type ChainHead, type SealedEvent } from './hash-chain';
import type { ValidatedAppend } from './metadata';

/** A stream's last event, as the append needs it. */
export interface StreamHead extends ChainHead {
  readonly position: bigint;
}

/** Where an already-stored event with one of the batch's ids lives. */
export interface StoredEventRef {
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly position: bigint;
}

/** What an adapter must do with an append: write `events`, or return `result` and write nothing. */
export type AppendPlan =
  | { readonly kind: 'write'; readonly events: readonly SealedEvent[] }
  | { readonly kind: 'done'; readonly result: AppendResult };

/**
 * Decides an append. Throws WrongExpectedRevision on a revision mismatch or an idempotency conflict.
 *
 * Idempotency (EventStoreDB's rule, made explicit): when any id of the batch is already stored, the append is a
 * retry. It succeeds, writing nothing and returning the original { nextRevision, position }, only if every id is
 * stored, in this stream, at consecutive revisions in batch order, and the expected revision is the one the original
 * append must have used (exact: original first revision − 1; no_stream: original first revision 0; any and
 * stream_exists: not positional, so always). Any other overlap (some ids new, ids in another stream or order, a
 * different exact revision) throws WrongExpectedRevision with a detail saying why: the caller is not retrying the same
 * append, and writing would either duplicate facts or break the unique id. Content is not compared: as in
 * EventStoreDB, the id is the event's identity.
 *
 * An empty batch writes nothing; it only checks the expected revision and returns the stream's current last
 * revision and position (−1n and −1n for a stream with no events).
 */
export function planAppend(
  request: ValidatedAppend,
  head: StreamHead | undefined,
  existing: readonly StoredEventRef[],
  recordedAt: string,
): AppendPlan {
  const { stream, events, expectedRevision } = request;
  if (existing.length > 0) {
    return {
      kind: 'done',
      result: resolveRetry(
        stream,
        events.map((event) => event.id),
        expectedRevision,
        existing,
        head,
      ),
    };
  }
  checkExpectedRevision(stream, expectedRevision, head);
  if (events.length === 0)
    return { kind: 'done', result: { nextRevision: head?.revision ?? -1n, position: head?.position ?? -1n } };
  return { kind: 'write', events: sealEvents(stream, events, head, recordedAt) };
}

/** The stream's last revision, or 'no_stream', as WrongExpectedRevision reports it. */
export function actualRevision(head: StreamHead | undefined): bigint | 'no_stream' {
  return head ? head.revision : 'no_stream';
}

/** Throws WrongExpectedRevision unless the stream is where the writer expects it. */
export function checkExpectedRevision(stream: string, expected: ExpectedRevision, head: StreamHead | undefined): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && head === undefined) ||
    (expected === 'stream_exists' && head !== undefined) ||
    (typeof expected === 'bigint' && head !== undefined && head.revision === expected);
  if (!ok) throw new WrongExpectedRevision(stream, expected, actualRevision(head));
}

function resolveRetry(
  stream: string,
  ids: readonly string[],
  expected: ExpectedRevision,
  existing: readonly StoredEventRef[],
  head: StreamHead | undefined,
): AppendResult {
  const conflict = (detail: string) => new WrongExpectedRevision(stream, expected, actualRevision(head), detail);
  const byId = new Map(existing.map((ref) => [ref.id, ref]));
  const missing = ids.filter((id) => !byId.has(id)).length;
  if (missing > 0) throw conflict(`${ids.length - missing} of ${ids.length} event ids were already appended`);
  const stored = ids.map((id) => byId.get(id) as StoredEventRef);
  const first = stored[0];
  for (const [index, ref] of stored.entries()) {
    if (ref.stream !== stream) throw conflict(`event ${ref.id} is already in stream ${ref.stream}`);
    if (ref.revision !== first.revision + BigInt(index)) throw conflict('the event ids were appended in another order');
  }
  const matchesOriginal =
    expected === 'any' ||
    expected === 'stream_exists' ||
    (expected === 'no_stream' ? first.revision === 0n : first.revision === expected + 1n);
  if (!matchesOriginal) {
    const original = first.revision === 0n ? 'no_stream' : `revision ${first.revision - 1n}`;
    throw conflict(`the event ids were already appended after ${original}`);
  }
  const last = stored[stored.length - 1];
  return { nextRevision: last.revision, position: last.position };
}

/** A stream's category: the text before the first `-` (`case-42` → `case`); the whole name if it has none. */
export function streamCategory(stream: string): string {
  const dash = stream.indexOf('-');
  return dash === -1 ? stream : stream.slice(0, dash);
}
