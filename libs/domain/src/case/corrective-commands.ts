import type { Message } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { JsonRecord } from '../shared/event-codec';
import type { CaseEventType } from './case-events';

/**
 * Corrective commands (docs/architecture.md admin row; docs/corrections.md). Only admins send them, always with a reason, and none
 * erases anything: Law 2008 Art. 37 keeps a withdrawn, amended or annulled decision on file, and TT 04/2023 Art. 36
 * keeps the record book's entries, so every correction is a new event next to the fact it corrects.
 *
 * `reason` is part of the command data and checked by the decider (REASON_REQUIRED), so no edge can skip it; the
 * HTTP layer also copies it into the event metadata (CommandContext.reason), where auditors read it.
 */

/** Art. 37(1): grounds for withdrawing or annulling an enforcement decision. */
export const DECISION_WITHDRAWAL_GROUNDS = [
  'ISSUED_WITHOUT_COMPETENCE',
  'WRONG_CONTENT',
  'JUDGMENT_ANNULLED_OR_AMENDED',
  'OTHER',
] as const;
export type DecisionWithdrawalGround = (typeof DECISION_WITHDRAWAL_GROUNDS)[number];

/** The issuing head withdraws the enforcement decision (Art. 37(1)): the case ends as withdrawn. */
export type WithdrawDecision = Message<
  'WithdrawDecision',
  {
    readonly decisionNumber: string;
    readonly ground: DecisionWithdrawalGround;
    readonly reason: string;
    /** Defaults to the date of the act it corrects (correctionDate in decide-corrections.ts), never today. */
    readonly effectiveDate?: LocalDate;
  }
>;

/** Art. 37(2): the decision is amended or supplemented; the case keeps its status. */
export type AmendDecision = Message<
  'AmendDecision',
  {
    readonly decisionNumber: string;
    readonly amendment: string;
    readonly reason: string;
    readonly effectiveDate?: LocalDate;
  }
>;

/** Art. 37(3): a superior authority annuls the enforcement decision: the case ends as withdrawn. */
export type AnnulDecision = Message<
  'AnnulDecision',
  {
    readonly decisionNumber: string;
    /** The authority that annulled it, e.g. the provincial department head. */
    readonly annulledBy: string;
    readonly ground: DecisionWithdrawalGround;
    readonly reason: string;
    readonly effectiveDate?: LocalDate;
  }
>;

/**
 * Retracts one earlier event of this case by id, optionally with corrected data for the same event type.
 * `target` is resolved by the application layer from the stream (the decider never sees event ids): the type and
 * stored data of the event with that id in this case's stream, or undefined when the stream holds none.
 */
export type CorrectRecordedFact = Message<
  'CorrectRecordedFact',
  {
    readonly eventId: string;
    readonly target?: { readonly type: CaseEventType | string; readonly data: JsonRecord };
    /** Fields replacing those of the retracted event when the case is folded; omit to retract it outright. */
    readonly correctedData?: JsonRecord;
    readonly reason: string;
    readonly effectiveDate?: LocalDate;
  }
>;

/** Hands the case to another officer (e.g. the assigned officer left, or was assigned in error). */
export type ReassignOfficer = Message<
  'ReassignOfficer',
  {
    readonly officerId: string;
    readonly reason: string;
    readonly effectiveDate?: LocalDate;
  }
>;

/** Brings a settled, terminated or withdrawn case back to the status it held before it closed. */
export type ReopenCase = Message<
  'ReopenCase',
  {
    readonly reason: string;
    readonly effectiveDate?: LocalDate;
  }
>;

export type CorrectiveCommand =
  WithdrawDecision | AmendDecision | AnnulDecision | CorrectRecordedFact | ReassignOfficer | ReopenCase;

/** Types of the corrective commands: they alone may follow a closed case (docs/domain.md, The case and its lifecycle). */
export const CORRECTIVE_COMMAND_TYPES: readonly CorrectiveCommand['type'][] = [
  'WithdrawDecision',
  'AmendDecision',
  'AnnulDecision',
  'CorrectRecordedFact',
  'ReassignOfficer',
  'ReopenCase',
];
