/**
 * The open legal deadlines of a case, as case_summary tracks them. Every date comes from an event (`…DueOn`), computed
 * by the domain on the working-day calendar when the fact was recorded; nothing here counts days.
 *
 * Tracked: a deadline that an event opens and a later event closes. Not tracked, because no event marks the act that
 * meets them: opening the case file (EnforcementOfficerAssigned.caseFileDueOn) and the auction buyer's payment
 * (AssetSoldAtAuction.buyerPaymentDueOn).
 */
import type { LocalDate } from '@thads/domain';

/** Kinds, in the order that breaks a tie between deadlines due on the same day. */
export const CASE_DEADLINE_KINDS = [
  /** The enforcement decision, from CaseReceived (Art. 36). Closed by the decision or a rejection. */
  'DECISION',
  /** Start of verification, from EnforcementDecisionIssued (Art. 44(1)). Closed by the first verification. */
  'VERIFICATION',
  /** The head's not-enforceable decision after a negative verification (Art. 44a). */
  'NOT_ENFORCEABLE_DECISION',
  /** Periodic re-verification of a not-enforceable case (Art. 44(2)). */
  'REVERIFICATION',
  /** Contracting a valuer after seizure (Art. 98), per asset. */
  'VALUER_CONTRACT',
  /** The auction contract after valuation (Art. 101), per asset. Closed when the auction is held. */
  'AUCTION_CONTRACT',
  /** Paying out collected money within 10 days (Art. 47), per collection, closed by disbursements of its item. */
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

/** The deadlines with this one open (replacing an open one of the same kind and subject). */
export function opened(
  deadlines: readonly OpenDeadline[],
  kind: CaseDeadlineKind,
  subject: string,
  dueOn: LocalDate,
): OpenDeadline[] {
  return [...closed(deadlines, [kind], subject), { kind, subject, dueOn }];
}

/** The deadlines without those of these kinds (only for `subject` when given). */
export function closed(
  deadlines: readonly OpenDeadline[],
  kinds: readonly CaseDeadlineKind[],
  subject?: string,
): OpenDeadline[] {
  return deadlines.filter(
    (deadline) => !kinds.includes(deadline.kind) || (subject !== undefined && deadline.subject !== subject),
  );
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
