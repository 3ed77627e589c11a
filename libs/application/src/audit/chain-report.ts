import { verifyChain, type RecordedEvent } from '@thads/event-store';

/** A stream's hash-chain check as the API and CLI report it; `brokenAt` names the first broken link. */
export interface ChainReport {
  readonly stream: string;
  readonly ok: boolean;
  /** How many events were checked. */
  readonly events: number;
  readonly brokenAt?: {
    readonly revision: string;
    readonly eventId: string;
    readonly kind: 'hash' | 'prevHash' | 'revision';
    readonly expected: string;
    readonly actual: string;
  };
}

/** Verifies one stream's events (revision order, from revision 0) and reports the first broken link. */
export function chainReport(stream: string, events: readonly RecordedEvent[]): ChainReport {
  const result = verifyChain(events);
  if (result.ok) return { stream, ok: true, events: events.length };
  const { revision, id, kind, expected, actual } = result.brokenAt;
  return {
    stream,
    ok: false,
    events: events.length,
    brokenAt: { revision: revision.toString(), eventId: id, kind, expected, actual },
  };
}
