import { GENESIS_HASH, type RecordedEvent } from '@thads/event-store';
import { replayCase, type CaseReplay } from './case-replay';
import { chainReport, type ChainReport } from './chain-report';
import type { ReplayWindow } from './replay-window';

/** The hashing rule, stated in the evidence so it can be checked without this code (mirrors hash-chain.ts). */
export const CANONICAL_MATERIAL_RULE =
  'hash = sha256hex(prevHash ‖ canonicalJson({ id, stream, revision, type, data, metadata })), where metadata is the stored ' +
  'envelope without `hash` (it includes recordedAt and prevHash), revision is a decimal string, canonical JSON has object ' +
  'keys sorted by UTF-16 code unit with no whitespace, ‖ is concatenation of the 64-hex prevHash and the UTF-8 text; ' +
  'the first event (revision 0) has prevHash = 64 zeros; the global position is not hashed.';

/** One event as the evidence shows it: identity, content and its envelope with both hashes. */
export interface EvidenceEvent {
  readonly id: string;
  readonly stream: string;
  readonly revision: string;
  readonly position: string;
  readonly type: string;
  readonly data: RecordedEvent['data'];
  readonly metadata: RecordedEvent['metadata'];
}

/** The evidence document of one case (GET /cases/{id}/evidence). */
export interface CaseEvidence {
  readonly caseId: string;
  readonly stream: string;
  readonly generatedAt: string;
  readonly events: readonly EvidenceEvent[];
  readonly hashChain: {
    readonly algorithm: 'sha256';
    readonly rule: string;
    readonly genesisHash: string;
    readonly links: readonly {
      readonly revision: string;
      readonly eventId: string;
      readonly prevHash: string;
      readonly hash: string;
    }[];
    /** The last event's hash: keep a copy elsewhere, since a chain alone cannot show a truncated tail. */
    readonly headHash: string | null;
  };
  readonly verification: ChainReport;
  /** The replay within the window (as of now when none was given); null when the events no longer decode. */
  readonly asOfState: Pick<CaseReplay, 'asOf' | 'asKnownAt' | 'state'> | null;
}

/** Builds the evidence document from a case's recorded events; `generatedAt` comes from the caller's clock. */
export function caseEvidence(
  caseId: string,
  stream: string,
  events: readonly RecordedEvent[],
  window: ReplayWindow,
  generatedAt: string,
): CaseEvidence {
  const verification = chainReport(stream, events);
  return {
    caseId,
    stream,
    generatedAt,
    events: events.map((event) => ({
      ...event,
      revision: event.revision.toString(),
      position: event.position.toString(),
    })),
    hashChain: {
      algorithm: 'sha256',
      rule: CANONICAL_MATERIAL_RULE,
      genesisHash: GENESIS_HASH,
      links: events.map((event) => ({
        revision: event.revision.toString(),
        eventId: event.id,
        prevHash: event.metadata.prevHash,
        hash: event.metadata.hash,
      })),
      headHash: events.at(-1)?.metadata.hash ?? null,
    },
    verification,
    asOfState: stateOrNull(caseId, events, window),
  };
}

// Altered data may no longer decode (the codec throws); the document must still be produced, naming the break.
function stateOrNull(caseId: string, events: readonly RecordedEvent[], window: ReplayWindow) {
  try {
    const { asOf, asKnownAt, state } = replayCase(caseId, events, window);
    return { asOf, asKnownAt, state };
  } catch {
    return null;
  }
}
