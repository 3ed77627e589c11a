/**
 * Revisions and positions between the port and EventStoreDB. Pure.
 *
 * Revisions map one to one: both start at 0, and the client's constants are spelt like the port's.
 *
 * Positions: ESDB locates an event in its transaction log by `{ commit, prepare }`, byte offsets. Our `position` is the
 * commit offset: strictly increasing in commit order, but not dense (it jumps by record sizes and over system records),
 * so callers compare positions and never count with them (README: "positions are opaque"). For events appended outside
 * explicit transactions, which is every event this adapter writes, commit and prepare are the same offset, so
 * `{ commit: p, prepare: p }` rebuilds a valid log position from our bigint; readers still drop anything at or before
 * `p`, so they are right whether the server treats the start as inclusive or exclusive.
 */
import type { AppendResult, ExpectedRevision } from '../event-store';
import type { EsdbAppendResult, EsdbCurrentRevision, EsdbExpectedRevision, EsdbPosition } from './client-port';

/** What servers before 22.6 put in a stream read's position fields (ulong.MaxValue): "unknown". */
export const UNKNOWN_POSITION = 2n ** 64n - 1n;

/**
 * The port's expected revision as the client's. The adapter itself only ever sends an exact revision or `no_stream`
 * (the head it sealed the hash chain against, see esdb-append.ts); the other forms are mapped for completeness.
 */
export function toEsdbExpectedRevision(expected: ExpectedRevision): EsdbExpectedRevision {
  switch (expected) {
    case 'no_stream':
      return 'no_stream';
    case 'stream_exists':
      return 'stream_exists';
    case 'any':
      return 'any';
    default:
      return expected;
  }
}

/** The client's current revision as the port reports an actual revision (`no_stream` when the stream is missing). */
export function fromEsdbCurrentRevision(current: EsdbCurrentRevision | undefined): bigint | 'no_stream' {
  // A server that sends no current revision has no stream to report: the client itself defaults to no_stream.
  return current === undefined || current === 'no_stream' ? 'no_stream' : current;
}

/** Our position for an ESDB position: its commit offset, or undefined when the server did not report a real one. */
export function fromEsdbPosition(position: EsdbPosition | undefined): bigint | undefined {
  if (!position) return undefined;
  const { commit } = position;
  return commit < 0n || commit >= UNKNOWN_POSITION ? undefined : commit;
}

/** The ESDB position to start a forwards read or a subscription from: START when we have no checkpoint. */
export function toEsdbStartPosition(position: bigint | undefined): 'start' | EsdbPosition {
  return position === undefined || position < 0n ? 'start' : { commit: position, prepare: position };
}

/**
 * The port's AppendResult for a successful ESDB append, or undefined when the server reported no usable position
 * (then the adapter reads the last event back). ESDB reports the commit position of the append's last event, which
 * is that event's position as reads return it; for an idempotent write it reports the original's, or none.
 */
export function fromEsdbAppendResult(result: EsdbAppendResult): AppendResult | undefined {
  const position = fromEsdbPosition(result.position);
  return position === undefined ? undefined : { nextRevision: result.nextExpectedRevision, position };
}

/** The port's read direction and start revision as the client's readStream options. */
export function toEsdbStreamRead(
  fromRevision: bigint | undefined,
  direction: 'forwards' | 'backwards' | undefined,
): { fromRevision: 'start' | 'end' | bigint; direction: 'forwards' | 'backwards' } {
  const backwards = direction === 'backwards';
  return {
    direction: backwards ? 'backwards' : 'forwards',
    fromRevision: fromRevision ?? (backwards ? 'end' : 'start'),
  };
}
