/**
 * Recorded case events into a CaseSummary. Pure. Forward, one event at a time, for the projection's ordinary path;
 * from scratch over a case's history when a retraction arrives, with the retractions applied exactly as the command
 * side applies them (`withRetractionsApplied`: a retracted event dropped, or kept in its place with its correctedData
 * laid over it), so the summary agrees with the aggregate the next command is decided on.
 */
import { withRetractionsApplied, type StoredEvent } from '@thads/domain';
import { caseEventCodec } from '@thads/domain';
import {
  CASE_DETECTION_EVENT_TYPES,
  foldCaseSummary,
  type CaseLifecycleEvent,
  type CaseSummary,
} from './case-summary.fold';

/** What the fold reads of a recorded event: a RecordedEvent, or one kept in case_summary_events (no metadata). */
export interface FoldableEvent extends StoredEvent {
  readonly revision: bigint;
  readonly position: bigint;
}

/** Types the fold applies; the sweep's detections and types unknown to the codec are passed over, never poison. */
export function isFolded(type: string): boolean {
  return (caseEventCodec.eventTypes as readonly string[]).includes(type) && !CASE_DETECTION_EVENT_TYPES.includes(type);
}

/** The summary after one recorded event of a folded type. Throws on a payload the codec cannot read. */
export function foldRecordedEvent(summary: CaseSummary | undefined, recorded: FoldableEvent): CaseSummary {
  const event = caseEventCodec.decode({ type: recorded.type, data: recorded.data }) as CaseLifecycleEvent;
  return foldCaseSummary(summary, event, { revision: recorded.revision, position: recorded.position });
}

/**
 * The summary of a case folded from scratch over its recorded history (stream order, ending with the retraction that
 * asks for it), retractions applied. Events of types the fold does not apply are skipped: they change no figure, and
 * the history ends with a folded event (the retraction), which sets the last event, revision and position. Throws,
 * like the forward fold, on a history without its CaseReceived.
 */
export function refoldCaseSummary(history: readonly FoldableEvent[]): CaseSummary {
  let summary: CaseSummary | undefined;
  for (const recorded of withRetractionsApplied(history)) {
    if (isFolded(recorded.type)) summary = foldRecordedEvent(summary, recorded);
  }
  if (!summary) throw new TypeError('refoldCaseSummary needs a history with at least its CaseReceived');
  return summary;
}
