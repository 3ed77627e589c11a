import { fold, legalBasisOf, retractionsOf, withRetractionsApplied, type CaseState } from '@thads/domain';
import type { JsonValue, RecordedEvent } from '@thads/event-store';
import { caseAggregate } from '../aggregates/definitions';
import type { ReplayWindow } from './replay-window';

/** One step of a case's history as an auditor reads it. */
export interface ReplayStep {
  readonly revision: bigint;
  readonly position: bigint;
  readonly eventId: string;
  readonly type: string;
  readonly effectiveDate: string | null;
  readonly recordedAt: string;
  readonly actor: RecordedEvent['metadata']['actor'];
  readonly commandId: string;
  readonly correlationId: string;
  readonly reason: string | null;
  readonly legalBasis: string | null;
  readonly data: { readonly [key: string]: JsonValue };
  /** The case state right after this step, folded from the steps up to it (not from every stored event). */
  readonly stateAfter: CaseState;
}

/** A case replayed within a window: its steps in stream order and the state they fold to. */
export interface CaseReplay {
  readonly caseId: string;
  readonly asOf: string | null;
  readonly asKnownAt: string | null;
  readonly steps: readonly ReplayStep[];
  readonly state: CaseState;
}

/**
 * Replays a case's recorded events (in revision order) within a window; pure. The fold is three steps:
 *
 * 1. known: events recorded at or before `asKnownAt` (what the system knew then);
 * 2. retractions: events retracted by a correction (FactRetracted) known by then are removed, or folded with the
 *    correction's data laid over theirs, exactly as the live fold does (libs/domain shared/retractions.ts);
 * 3. effective: of the rest, events whose `effectiveDate` is on or before `asOf` are folded.
 *
 * Steps stay in revision order even when a late-recorded event has an earlier effective date: evolve applies facts
 * in the order the office acted on them, which is the order the decider checked them in.
 */
export function replayCase(caseId: string, events: readonly RecordedEvent[], window: ReplayWindow): CaseReplay {
  const knownUntil = window.asKnownAt === undefined ? undefined : Date.parse(window.asKnownAt);
  const known = events.filter(
    (event) => knownUntil === undefined || Date.parse(event.metadata.recordedAt) <= knownUntil,
  );
  // Retractions known by then apply as in the live fold: dropped, or with their corrected data (retractions.ts).
  const effective = withRetractionsApplied(known).filter((event) => isEffectiveBy(event, window.asOf));

  let state = caseAggregate.decider.initialState;
  const steps = effective.map((event): ReplayStep => {
    state = caseAggregate.decider.evolve(state, caseAggregate.codec.decode(event));
    return {
      revision: event.revision,
      position: event.position,
      eventId: event.id,
      type: event.type,
      effectiveDate: effectiveDateOf(event),
      recordedAt: event.metadata.recordedAt,
      actor: event.metadata.actor,
      commandId: event.metadata.commandId,
      correlationId: event.metadata.correlationId,
      reason: event.metadata.reason ?? null,
      legalBasis: legalBasisOf(event.type),
      data: event.data,
      stateAfter: state,
    };
  });
  return { caseId, asOf: window.asOf ?? null, asKnownAt: window.asKnownAt ?? null, steps, state };
}

/** The current state of every event, as `fold` would give it; for evidence documents without a window. */
export function currentCaseState(events: readonly RecordedEvent[]): CaseState {
  return fold(
    caseAggregate.decider,
    events.map((event) => caseAggregate.codec.decode(event)),
  );
}

/**
 * Ids of events retracted by corrections among `known`: each FactRetracted's `retractedEventId`
 * (libs/domain shared/retractions.ts), so a retraction recorded after `asKnownAt` does not yet apply.
 */
export function retractionsIn(known: readonly RecordedEvent[]): ReadonlySet<string> {
  return new Set(retractionsOf(known).keys());
}

function effectiveDateOf(event: RecordedEvent): string | null {
  return typeof event.data.effectiveDate === 'string' ? event.data.effectiveDate : null;
}

// An event without an effective date (none of the case's today) is a fact of record and always applies.
function isEffectiveBy(event: RecordedEvent, asOf: string | undefined): boolean {
  const effectiveDate = effectiveDateOf(event);
  return asOf === undefined || effectiveDate === null || effectiveDate <= asOf;
}
