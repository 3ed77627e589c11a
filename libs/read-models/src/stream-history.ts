/**
 * Where a projection reads a stream's earlier events when it must fold a case again (a FactRetracted): the event log
 * itself. Projections used to keep their own copy of every case event for this; the log already holds them, in
 * order and immutable, so a refold reads them there (docs/read-side.md, docs/performance.md change 27).
 */
import { StreamNotFound, type EventStore, type RecordedEvent } from '@thads/event-store';

/** A stream's events before a revision, as the log recorded them. */
export interface StreamHistory {
  /** The events of `stream` at revisions 0 … `revision` − 1, in stream order. */
  eventsBefore(stream: string, revision: bigint): Promise<readonly RecordedEvent[]>;
}

/** Thrown when the log does not hold a stream's earlier events: the projection halts on the event that asked. */
export class StreamHistoryIncomplete extends Error {
  constructor(stream: string, revision: bigint, found: number) {
    super(
      `The event store holds ${found} events of ${stream} below revision ${revision}, not ${revision}: ` +
        'the read models are not following this log, or it lost events',
    );
    this.name = 'StreamHistoryIncomplete';
  }
}

/** The history a projector reads from the event store it follows. */
export function eventStoreHistory(store: Pick<EventStore, 'readStream'>): StreamHistory {
  return {
    async eventsBefore(stream, revision) {
      if (revision <= 0n) return [];
      try {
        const events = await store.readStream(stream, { fromRevision: 0n, maxCount: Number(revision) });
        checkComplete(stream, revision, events);
        return events;
      } catch (error) {
        if (error instanceof StreamNotFound) throw new StreamHistoryIncomplete(stream, revision, 0);
        throw error;
      }
    },
  };
}

function checkComplete(stream: string, revision: bigint, events: readonly RecordedEvent[]): void {
  const complete =
    events.length === Number(revision) && events.every((event, index) => event.revision === BigInt(index));
  if (!complete) throw new StreamHistoryIncomplete(stream, revision, events.length);
}
