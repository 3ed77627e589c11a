import { withRetractionsApplied, type StoredEvent } from '../shared/retractions';
import { caseEventCodec } from './case-event-codec';
import { evolveCase } from './case-evolve';
import { initialCaseState, type CaseState } from './case-state';

/**
 * A case's state from its stored events (stream order), retractions applied: the one fold both the command side and
 * the read side decide and project on. Types the codec does not know are passed over (a newer writer's events);
 * a payload the codec cannot read throws.
 */
export function foldCaseHistory(events: readonly StoredEvent[]): CaseState {
  let state = initialCaseState;
  for (const stored of withRetractionsApplied(events)) state = evolveStoredCaseEvent(state, stored);
  return state;
}

/** The state after one more stored event (not a retraction: that needs the history, see foldCaseHistory). */
export function evolveStoredCaseEvent(state: CaseState, stored: StoredEvent): CaseState {
  if (!isKnownCaseEventType(stored.type)) return state;
  return evolveCase(state, caseEventCodec.decode({ type: stored.type, data: stored.data }));
}

/** Whether the case codec knows this stored type. */
export function isKnownCaseEventType(type: string): boolean {
  return (caseEventCodec.eventTypes as readonly string[]).includes(type);
}
