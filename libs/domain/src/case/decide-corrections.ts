import { assertNever } from '../shared/decider';
import { parseLocalDate, type LocalDate } from '../shared/local-date';
import type { CaseCommand } from './case-commands';
import {
  CORRECTIVE_COMMAND_TYPES,
  type AmendDecision,
  type AnnulDecision,
  type CorrectiveCommand,
  type CorrectRecordedFact,
  type ReassignOfficer,
  type ReopenCase,
  type WithdrawDecision,
} from './corrective-commands';
import type { CaseEvent } from './case-events';
import { AFTER_DECISION, ensureRule, eventData, requireStatus, requireText } from './case-rules';
import { CLOSED_CASE_STATUSES, type ExistingCase } from './case-state';
import { correctedEventData } from './corrected-data';
import { FACT_RETRACTED } from '../shared/retractions';

/**
 * Corrective commands (admins only; docs/architecture.md). Each one adds an event and erases nothing: Law 2008 Art. 37 keeps a
 * withdrawn, amended or annulled decision on file, and TT 04/2023 Art. 36 keeps the record book's entries.
 * These run after the existence check only: corrections are what may follow a closed case, and they correct an
 * earlier act, so they are not ordered after the case's latest one (decideCorrective).
 */

/** Statuses a decision may be withdrawn, amended or annulled in: after the decision, closed ones included. */
const DECIDED_ANY = [...AFTER_DECISION, 'settled', 'terminated', 'entrusted_out'] as const;

/** Statuses ReopenCase brings back: the ends this office decided itself (an entrustment ends with the other office). */
const REOPENABLE = ['settled', 'terminated', 'withdrawn'] as const;

/** Events that cannot be retracted: the case's existence and its decision (Art. 37 has its own commands). */
const NOT_RETRACTABLE: readonly string[] = ['CaseReceived', 'EnforcementDecisionIssued'];

/** Whether `command` is one of the corrective commands (admins only, with a reason). */
export function isCorrectiveCommand(command: CaseCommand): command is CorrectiveCommand & CaseCommand {
  return (CORRECTIVE_COMMAND_TYPES as readonly string[]).includes(command.type);
}

/**
 * Decides a corrective command: dated by correctionDate, then its own rules. Corrections skip CASE_CLOSED (they are
 * what may follow a closed case) and the ordering against the case's latest act (they correct an earlier one).
 */
export function decideCorrective(command: CorrectiveCommand, state: ExistingCase): readonly CaseEvent[] {
  requireReason(command.data.reason);
  // A retraction's target is checked first: its date is the default, and a missing one has its own code.
  if (command.type === 'CorrectRecordedFact') requireRetractable(command, state);
  const effectiveDate = correctionDate(command, state);
  switch (command.type) {
    case 'WithdrawDecision':
      return decideWithdrawDecision(command, state, effectiveDate);
    case 'AmendDecision':
      return decideAmendDecision(command, state, effectiveDate);
    case 'AnnulDecision':
      return decideAnnulDecision(command, state, effectiveDate);
    case 'CorrectRecordedFact':
      return decideCorrectRecordedFact(command, state, effectiveDate);
    case 'ReassignOfficer':
      return decideReassignOfficer(command, state, effectiveDate);
    case 'ReopenCase':
      return decideReopenCase(command, state, effectiveDate);
    default:
      return assertNever(command, 'corrective command');
  }
}

/**
 * The date of a corrective act: the one the admin gives, or else the date of the act it corrects, never today, so a
 * correction recorded years later does not block the ordinary back-dated entries still to come on the case. The act
 * corrected: the retracted event (CorrectRecordedFact), the enforcement decision (Withdraw, Amend, Annul), the
 * current officer's assignment (ReassignOfficer), the close (ReopenCase); the case's latest act when there is none
 * (the command's own rule then refuses it). A given date may not precede that act (CORRECTION_BEFORE_CORRECTED_ACT).
 */
export function correctionDate(command: CorrectiveCommand, state: ExistingCase): LocalDate {
  const correctedActOn = correctedActDate(command, state) ?? state.facts.lastEffectiveDate;
  if (command.data.effectiveDate === undefined) return correctedActOn;
  const effectiveDate = parseLocalDate(command.data.effectiveDate, 'effectiveDate');
  ensureRule(
    effectiveDate >= correctedActOn,
    'CORRECTION_BEFORE_CORRECTED_ACT',
    `A correction cannot be dated before the act it corrects (${correctedActOn})`,
    { field: 'effectiveDate', effectiveDate, correctedActOn },
  );
  return effectiveDate;
}

function correctedActDate(command: CorrectiveCommand, state: ExistingCase): LocalDate | undefined {
  switch (command.type) {
    case 'CorrectRecordedFact': {
      const date = command.data.target?.data.effectiveDate;
      return typeof date === 'string' ? date : undefined;
    }
    case 'WithdrawDecision':
    case 'AmendDecision':
    case 'AnnulDecision':
      return 'decision' in state ? state.decision.decidedOn : undefined;
    case 'ReassignOfficer':
      return state.facts.officerAssignedOn;
    case 'ReopenCase': {
      const { transitions } = state.facts;
      const last = transitions[transitions.length - 1];
      return CLOSED_CASE_STATUSES.includes(state.status) && last !== undefined ? last.effectiveDate : undefined;
    }
    default:
      return assertNever(command, 'corrective command');
  }
}

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
export function decideWithdrawDecision(
  command: WithdrawDecision,
  state: ExistingCase,
  effectiveDate: LocalDate,
): readonly CaseEvent[] {
  requireReason(command.data.reason);
  const decided = requireStatus(state, AFTER_DECISION, command.type);
  const decisionNumber = requireEnforcementDecision(decided, command.data.decisionNumber);
  return [
    {
      type: 'DecisionWithdrawn',
      data: eventData(decided.facts, effectiveDate, { decisionNumber, ground: command.data.ground }),
    },
  ];
}

/** Art. 37(3): annulment by a superior authority; the same end as a withdrawal. */
export function decideAnnulDecision(
  command: AnnulDecision,
  state: ExistingCase,
  effectiveDate: LocalDate,
): readonly CaseEvent[] {
  requireReason(command.data.reason);
  const decided = requireStatus(state, AFTER_DECISION, command.type);
  const decisionNumber = requireEnforcementDecision(decided, command.data.decisionNumber);
  const annulledBy = requireText(command.data.annulledBy, 'annulledBy');
  return [
    {
      type: 'DecisionAnnulled',
      data: eventData(decided.facts, effectiveDate, {
        decisionNumber,
        annulledBy,
        ground: command.data.ground,
      }),
    },
  ];
}

/** Art. 37(2): an amendment is recorded beside the decision; the case keeps its status, even a closed one. */
export function decideAmendDecision(
  command: AmendDecision,
  state: ExistingCase,
  effectiveDate: LocalDate,
): readonly CaseEvent[] {
  requireReason(command.data.reason);
  const decided = requireStatus(state, DECIDED_ANY, command.type);
  const decisionNumber = requireEnforcementDecision(decided, command.data.decisionNumber);
  const amendment = requireText(command.data.amendment, 'amendment');
  return [
    {
      type: 'DecisionAmended',
      data: eventData(decided.facts, effectiveDate, { decisionNumber, amendment }),
    },
  ];
}

/**
 * Retracts one earlier event (TT 04/2023 Art. 36: a wrong entry is corrected beside it, never erased). Allowed in any
 * status of an existing case: retracting a settlement is how a wrongly closed case is reopened.
 */
export function decideCorrectRecordedFact(
  command: CorrectRecordedFact,
  state: ExistingCase,
  effectiveDate: LocalDate,
): readonly CaseEvent[] {
  const { target, eventId } = requireRetractable(command, state);
  const { correctedData } = command.data;
  if (correctedData !== undefined) correctedEventData(target.type, target.data, correctedData, state.facts);
  return [
    {
      type: 'FactRetracted',
      data: eventData(state.facts, effectiveDate, {
        retractedEventId: eventId,
        retractedType: target.type,
        retractedEffectiveDate: typeof target.data.effectiveDate === 'string' ? target.data.effectiveDate : null,
        retractedData: target.data,
        ...(correctedData === undefined ? {} : { correctedData }),
      }),
    },
  ];
}

/** The event a CorrectRecordedFact names, if it may be retracted: EVENT_NOT_FOUND, …_ALREADY_RETRACTED, …_NOT_RETRACTABLE. */
function requireRetractable(command: CorrectRecordedFact, state: ExistingCase) {
  const eventId = requireText(command.data.eventId, 'eventId');
  const { target } = command.data;
  ensureRule(target !== undefined, 'EVENT_NOT_FOUND', `No event ${eventId} in this case`, { eventId });
  ensureRule(
    !NOT_RETRACTABLE.includes(target.type),
    'EVENT_NOT_RETRACTABLE',
    `A ${target.type} event cannot be retracted`,
    { eventId, retractedType: target.type },
  );
  const { retractedEventIds = [], retractedOutright = [] } = state.facts;
  if (target.type === FACT_RETRACTED) {
    // Retracting a correction restores what it corrected; a correction is changed by correcting the event again.
    ensureRule(
      !retractedEventIds.includes(eventId),
      'EVENT_ALREADY_RETRACTED',
      `Correction ${eventId} is already retracted`,
      {
        eventId,
      },
    );
    ensureRule(
      command.data.correctedData === undefined,
      'INVALID_CORRECTED_DATA',
      'A correction is retracted outright; to change it, correct the event it corrected again (that supersedes it)',
      { field: 'correctedData', eventId },
    );
  } else {
    // A second correction supersedes the first; only an outright retraction of what is already retracted outright
    // would change nothing.
    ensureRule(
      !(retractedOutright.includes(eventId) && command.data.correctedData === undefined),
      'EVENT_ALREADY_RETRACTED',
      `Event ${eventId} is already retracted outright: retract that retraction to restore it`,
      { eventId },
    );
  }
  return { eventId, target };
}

/** A new officer takes over a running case (Decree 62/2015 Art. 8); the earlier assignment stays on record. */
export function decideReassignOfficer(
  command: ReassignOfficer,
  state: ExistingCase,
  effectiveDate: LocalDate,
): readonly CaseEvent[] {
  requireReason(command.data.reason);
  const { facts } = requireStatus(state, AFTER_DECISION, command.type);
  const officerId = requireText(command.data.officerId, 'officerId');
  ensureRule(officerId !== facts.officerId, 'OFFICER_UNCHANGED', `Officer ${officerId} already holds this case`, {
    officerId,
  });
  return [
    {
      type: 'OfficerReassigned',
      data: eventData(facts, effectiveDate, { officerId, previousOfficerId: facts.officerId ?? null }),
    },
  ];
}

/** Back to the status before the case closed; the closing event stays on record. */
export function decideReopenCase(
  command: ReopenCase,
  state: ExistingCase,
  effectiveDate: LocalDate,
): readonly CaseEvent[] {
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
      data: eventData(state.facts, effectiveDate, {
        reopenedStatus: state.reopenTo,
        reopenedFrom: state.status,
      }),
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
