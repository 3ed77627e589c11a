import type {
  AmendDecision,
  AnnulDecision,
  CorrectRecordedFact,
  ReassignOfficer,
  ReopenCase,
  WithdrawDecision,
} from './corrective-commands';
import type { CaseEvent } from './case-events';
import { AFTER_DECISION, ensureRule, eventBase, requireStatus, requireText } from './case-rules';
import type { ExistingCase } from './case-state';
import { correctedEventData } from './corrected-data';

/**
 * Corrective commands (admins only; docs/architecture.md). Each one adds an event and erases nothing: Law 2008 Art. 37 keeps a
 * withdrawn, amended or annulled decision on file, and TT 04/2023 Art. 36 keeps the record book's entries.
 * These run after the shared checks except CASE_CLOSED: corrections are what may follow a closed case (§4.1(9)).
 */

/** Statuses a decision may be withdrawn, amended or annulled in: after the decision, closed ones included. */
const DECIDED_ANY = [...AFTER_DECISION, 'settled', 'terminated', 'entrusted_out'] as const;

/** Statuses ReopenCase brings back: the ends this office decided itself (an entrustment ends with the other office). */
const REOPENABLE = ['settled', 'terminated', 'withdrawn'] as const;

/** Events that cannot be retracted: the case's existence, its decision (Art. 37 has its own commands) and retractions. */
const NOT_RETRACTABLE: readonly string[] = ['CaseReceived', 'EnforcementDecisionIssued', 'FactRetracted'];

/** The reason is mandatory on every correction: it is what an auditor reads beside the step. */
export function requireReason(reason: unknown): string {
  ensureRule(
    typeof reason === 'string' && reason.trim() !== '',
    'REASON_REQUIRED',
    'A corrective command needs a reason',
    { field: 'reason' },
  );
  return reason;
}

/** Art. 37(1): withdrawing the enforcement decision ends the case as withdrawn (neither completed nor terminated). */
export function decideWithdrawDecision(command: WithdrawDecision, state: ExistingCase): readonly CaseEvent[] {
  requireReason(command.data.reason);
  const decided = requireStatus(state, AFTER_DECISION, command.type);
  const decisionNumber = requireEnforcementDecision(decided, command.data.decisionNumber);
  return [
    {
      type: 'DecisionWithdrawn',
      data: { ...eventBase(decided.facts, command.data.effectiveDate), decisionNumber, ground: command.data.ground },
    },
  ];
}

/** Art. 37(3): annulment by a superior authority; the same end as a withdrawal. */
export function decideAnnulDecision(command: AnnulDecision, state: ExistingCase): readonly CaseEvent[] {
  requireReason(command.data.reason);
  const decided = requireStatus(state, AFTER_DECISION, command.type);
  const decisionNumber = requireEnforcementDecision(decided, command.data.decisionNumber);
  const annulledBy = requireText(command.data.annulledBy, 'annulledBy');
  return [
    {
      type: 'DecisionAnnulled',
      data: {
        ...eventBase(decided.facts, command.data.effectiveDate),
        decisionNumber,
        annulledBy,
        ground: command.data.ground,
      },
    },
  ];
}

/** Art. 37(2): an amendment is recorded beside the decision; the case keeps its status, even a closed one. */
export function decideAmendDecision(command: AmendDecision, state: ExistingCase): readonly CaseEvent[] {
  requireReason(command.data.reason);
  const decided = requireStatus(state, DECIDED_ANY, command.type);
  const decisionNumber = requireEnforcementDecision(decided, command.data.decisionNumber);
  const amendment = requireText(command.data.amendment, 'amendment');
  return [
    {
      type: 'DecisionAmended',
      data: { ...eventBase(decided.facts, command.data.effectiveDate), decisionNumber, amendment },
    },
  ];
}

/**
 * Retracts one earlier event (TT 04/2023 Art. 36: a wrong entry is corrected beside it, never erased). Allowed in any
 * status of an existing case: retracting a settlement is how a wrongly closed case is reopened.
 */
export function decideCorrectRecordedFact(command: CorrectRecordedFact, state: ExistingCase): readonly CaseEvent[] {
  requireReason(command.data.reason);
  const eventId = requireText(command.data.eventId, 'eventId');
  const { target, correctedData } = command.data;
  ensureRule(target !== undefined, 'EVENT_NOT_FOUND', `No event ${eventId} in this case`, { eventId });
  ensureRule(
    !(state.facts.retractedEventIds ?? []).includes(eventId),
    'EVENT_ALREADY_RETRACTED',
    `Event ${eventId} is already retracted`,
    { eventId },
  );
  ensureRule(
    !NOT_RETRACTABLE.includes(target.type),
    'EVENT_NOT_RETRACTABLE',
    `A ${target.type} event cannot be retracted`,
    { eventId, retractedType: target.type },
  );
  if (correctedData !== undefined) correctedEventData(target.type, target.data, correctedData, state.facts);
  return [
    {
      type: 'FactRetracted',
      data: {
        ...eventBase(state.facts, command.data.effectiveDate),
        retractedEventId: eventId,
        retractedType: target.type,
        retractedEffectiveDate: typeof target.data.effectiveDate === 'string' ? target.data.effectiveDate : null,
        retractedData: target.data,
        ...(correctedData === undefined ? {} : { correctedData }),
      },
    },
  ];
}

/** A new officer takes over a running case (Decree 62/2015 Art. 8); the earlier assignment stays on record. */
export function decideReassignOfficer(command: ReassignOfficer, state: ExistingCase): readonly CaseEvent[] {
  requireReason(command.data.reason);
  const { facts } = requireStatus(state, AFTER_DECISION, command.type);
  const officerId = requireText(command.data.officerId, 'officerId');
  ensureRule(officerId !== facts.officerId, 'OFFICER_UNCHANGED', `Officer ${officerId} already holds this case`, {
    officerId,
  });
  return [
    {
      type: 'OfficerReassigned',
      data: { ...eventBase(facts, command.data.effectiveDate), officerId, previousOfficerId: facts.officerId ?? null },
    },
  ];
}

/** Back to the status before the case closed; the closing event stays on record. */
export function decideReopenCase(command: ReopenCase, state: ExistingCase): readonly CaseEvent[] {
  requireReason(command.data.reason);
  ensureRule(
    (REOPENABLE as readonly string[]).includes(state.status) && 'reopenTo' in state,
    'CASE_NOT_CLOSED',
    `A ${state.status} case cannot be reopened`,
    {
      status: state.status,
    },
  );
  return [
    {
      type: 'CaseReopened',
      data: {
        ...eventBase(state.facts, command.data.effectiveDate),
        reopenedStatus: state.reopenTo,
        reopenedFrom: state.status,
      },
    },
  ];
}

function requireEnforcementDecision(
  state: ExistingCase & { readonly decision: { readonly decisionNumber: string } },
  value: unknown,
): string {
  const decisionNumber = requireText(value, 'decisionNumber');
  const enforcementDecision = state.decision.decisionNumber;
  ensureRule(
    decisionNumber === enforcementDecision,
    'DECISION_NOT_FOUND',
    `${decisionNumber} is not this case's enforcement decision`,
    {
      decisionNumber,
      enforcementDecision,
    },
  );
  return decisionNumber;
}
