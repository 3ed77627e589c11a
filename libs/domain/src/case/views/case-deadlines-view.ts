import type { LocalDate } from '../../shared/local-date';
import { CLOSED_CASE_STATUSES, type CaseState } from '../case-state';

/**
 * The open legal deadlines of a case, read off its folded state. Every date was computed by the decider on the
 * working-day calendar when the fact was recorded (`…DueOn` fields); nothing here counts days.
 *
 * Not listed, because no event marks the act that meets them: opening the case file (caseFileDueOn) and the auction
 * buyer's payment (buyerPaymentDueOn).
 */

/** Kinds, in the order that breaks a tie between deadlines due on the same day. */
export const CASE_DEADLINE_KINDS = [
  /** The enforcement decision, from CaseReceived (Art. 36): owed while the case is in intake. */
  'DECISION',
  /** Start of verification after the decision (Art. 44(1)): owed while decided and never verified, not while paused. */
  'VERIFICATION',
  /** The head's not-enforceable decision after a negative verification (Art. 44a). */
  'NOT_ENFORCEABLE_DECISION',
  /** Periodic re-verification of a not-enforceable case (Art. 44(2)); the separate register has no clock. */
  'REVERIFICATION',
  /** Contracting a valuer after seizure (Art. 98), per asset. */
  'VALUER_CONTRACT',
  /** The auction contract after valuation (Art. 101), per asset, until the auction is held. */
  'AUCTION_CONTRACT',
  /** Paying out collected money within 10 days (Art. 47), per collection, until paid; also after the case closed. */
  'DISBURSEMENT',
] as const;

export type CaseDeadlineKind = (typeof CASE_DEADLINE_KINDS)[number];

/** One open deadline. `subject` tells apart deadlines of one kind: an asset id, a collection id, or '' for the case. */
export interface OpenDeadline {
  readonly kind: CaseDeadlineKind;
  readonly subject: string;
  readonly dueOn: LocalDate;
}

/** The subject of a deadline that concerns the whole case. */
export const WHOLE_CASE = '';

/** The deadlines the case owes now, in CASE_DEADLINE_KINDS order (then by subject, as recorded). */
export function openDeadlinesOf(state: CaseState): OpenDeadline[] {
  if (state.status === 'none') return [];
  const { facts } = state;
  const deadlines: OpenDeadline[] = [];
  const open = (kind: CaseDeadlineKind, subject: string, dueOn: LocalDate | undefined) => {
    if (dueOn !== undefined) deadlines.push({ kind, subject, dueOn });
  };
  if (state.status === 'intake') open('DECISION', WHOLE_CASE, facts.decisionDueOn);
  const procedural = !CLOSED_CASE_STATUSES.includes(state.status) && state.status !== 'intake';
  if (procedural) {
    const { classification } = facts;
    if (state.status === 'decided' && classification.verificationCount === 0)
      open('VERIFICATION', WHOLE_CASE, state.decision.verificationDueOn);
    open('NOT_ENFORCEABLE_DECISION', WHOLE_CASE, classification.notEnforceableDecisionDueOn);
    if (state.status === 'not_enforceable') open('REVERIFICATION', WHOLE_CASE, classification.reverificationDueOn);
    for (const asset of facts.assets)
      if (asset.status === 'seized') open('VALUER_CONTRACT', asset.assetId, asset.valuerContractDueOn);
    for (const asset of facts.assets) open('AUCTION_CONTRACT', asset.assetId, asset.auctionContractDueOn);
  }
  for (const collection of facts.collections)
    if (collection.unpaid > 0n) open('DISBURSEMENT', collection.collectionId, collection.disbursementDueOn);
  return deadlines;
}

/** The earliest deadline; ties go to the kind listed first, then to the smaller subject, so the choice is stable. */
export function earliestDeadline(deadlines: readonly OpenDeadline[]): OpenDeadline | null {
  let earliest: OpenDeadline | null = null;
  for (const deadline of deadlines) {
    if (earliest === null || compareDeadlines(deadline, earliest) < 0) earliest = deadline;
  }
  return earliest;
}

function compareDeadlines(a: OpenDeadline, b: OpenDeadline): number {
  if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
  const byKind = CASE_DEADLINE_KINDS.indexOf(a.kind) - CASE_DEADLINE_KINDS.indexOf(b.kind);
  if (byKind !== 0) return byKind;
  return a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0;
}

/** Why a case stopped owing a deadline: the act was done, the case paused (it may owe it again), or it ended. */
export type DeadlineEnd = 'ACT' | 'PAUSED' | 'ENDED';

/**
 * Why deadlines the case owed before it reached `state` are no longer owed: a postponed or suspended case paused them;
 * a closed case, or one moved to the separate register (which has no clock), ended them; otherwise their act was done.
 */
export function deadlineEndOf(state: CaseState): DeadlineEnd {
  if (state.status === 'postponed' || state.status === 'suspended') return 'PAUSED';
  if (state.status === 'separately_tracked' || CLOSED_CASE_STATUSES.includes(state.status)) return 'ENDED';
  return 'ACT';
}
