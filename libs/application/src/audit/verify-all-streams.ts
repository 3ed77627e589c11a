import type { EventStore, RecordedEvent } from '@thads/event-store';
import { chainReport, type ChainReport } from './chain-report';

/** Outcome of checking every stream in the store. */
export interface StoreVerification {
  readonly ok: boolean;
  readonly streams: number;
  readonly events: number;
  /** The first broken link of each broken stream, in the order the streams first appear in the log. */
  readonly broken: readonly ChainReport[];
}

/** Progress of verifyAllStreams: the position reached and the head it is heading for. */
export type VerifyProgress = (position: bigint, head: bigint) => void;

/**
 * Verifies the hash chain of every stream by reading $all in pages (so memory holds one page plus the last event of
 * each stream). Each page is checked together with the last verified event of every stream it continues, so a link
 * across a page boundary is checked too. A broken stream is reported once and its later events are skipped.
 */
export async function verifyAllStreams(
  store: EventStore,
  options: { readonly pageSize?: number; readonly onProgress?: VerifyProgress } = {},
): Promise<StoreVerification> {
  const pageSize = options.pageSize ?? 1000;
  const head = await store.headPosition();
  const lastVerified = new Map<string, RecordedEvent>();
  const brokenStreams = new Set<string>();
  const broken: ChainReport[] = [];
  let events = 0;
  let fromPosition: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ fromPosition, maxCount: pageSize });
    if (!page.length) break;
    events += page.length;
    for (const [stream, streamEvents] of byStream(page)) {
      if (brokenStreams.has(stream)) continue;
      const previous = lastVerified.get(stream);
      const report = chainReport(stream, previous ? [previous, ...streamEvents] : streamEvents);
      if (report.ok && (previous !== undefined || streamEvents[0].revision === 0n)) {
        lastVerified.set(stream, streamEvents[streamEvents.length - 1]);
      } else {
        brokenStreams.add(stream);
        lastVerified.delete(stream);
        // A stream whose first event in the log is not revision 0 lost its beginning: that is a break too.
        broken.push(report.ok ? missingStart(stream, streamEvents[0]) : report);
      }
    }
    fromPosition = page[page.length - 1].position;
    options.onProgress?.(fromPosition, head > fromPosition ? head : fromPosition);
  }
  return { ok: broken.length === 0, streams: lastVerified.size + brokenStreams.size, events, broken };
}

function byStream(page: readonly RecordedEvent[]): Map<string, RecordedEvent[]> {
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of page) {
    const list = streams.get(event.stream);
    if (list) list.push(event);
    else streams.set(event.stream, [event]);
  }
  return streams;
}

function missingStart(stream: string, first: RecordedEvent): ChainReport {
  return {
    stream,
    ok: false,
    events: 0,
    brokenAt: {
      revision: first.revision.toString(),
      eventId: first.id,
      kind: 'revision',
      expected: '0',
      actual: first.revision.toString(),
    },
  };
}
