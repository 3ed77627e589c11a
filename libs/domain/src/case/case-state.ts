import type { LocalDate } from '../shared/local-date';
import type { Vnd } from '../shared/money';
import type {
  AssetKind,
  CaseDeadline,
  CaseSource,
  CoercionMeasure,
  EnforcementMode,
  NotEnforceableGround,
  ObligationKind,
  Party,
} from './case-commands';

/**
 * State of the `case` aggregate: a discriminated union on `status`. Facts that survive every transition live in
 * `facts`; the decision exists from EnforcementDecisionIssued on; `resumeTo` only while postponed or suspended.
 */

/** `terminated` and `entrusted` items are out of this office's hands; only `open` items take collections. */
export type ObligationItemStatus = 'open' | 'terminated' | 'entrusted';

export interface ObligationItem {
  readonly itemId: string;
  readonly kind: ObligationKind;
  readonly description: string;
  readonly amount: Vnd;
  readonly collected: Vnd;
  readonly disbursed: Vnd;
  readonly status: ObligationItemStatus;
  /** When it stopped being `open` (terminated or entrusted): statistics place the change in its period. */
  readonly statusChangedOn?: LocalDate;
}

/** After a price reduction the asset is `valued` again: ready for the next auction at `startingPrice`. */
export type AssetStatus = 'seized' | 'valued' | 'auction_failed' | 'sold';

export interface CaseAsset {
  readonly assetId: string;
  readonly kind: AssetKind;
  readonly status: AssetStatus;
  /** The valuation, then each reduced price (Art. 104). Absent until valued. */
  readonly startingPrice?: Vnd;
  readonly priceReductions: number;
  /** A valuer is contracted by then (Art. 98); owed while the asset is `seized`. */
  readonly valuerContractDueOn?: LocalDate;
  /** The auction contract is signed by then (Art. 101); set by the valuation, cleared when the auction is held. */
  readonly auctionContractDueOn?: LocalDate;
}

/** A collection of money and what of it is not paid out yet: disbursements pay an item's oldest collection first. */
export interface CollectionRecord {
  readonly collectionId: string;
  readonly itemId: string;
  readonly amount: Vnd;
  readonly collectedOn: LocalDate;
  readonly unpaid: Vnd;
  /** Paid out within 10 days (Art. 47): owed while `unpaid` is above zero, even after the case closed. */
  readonly disbursementDueOn: LocalDate;
}

/** A change of the case's status on its legal date, as the statistics place it in a period. */
export interface StatusTransition {
  readonly status: Exclude<CaseStatus, 'none'>;
  readonly effectiveDate: LocalDate;
  /** Postponed by agreement of the parties (Art. 48(1)(c)): statistics still count the case as enforceable. */
  readonly byAgreement: boolean;
}

export interface DecisionInfo {
  readonly decisionNumber: string;
  readonly decidedOn: LocalDate;
  readonly voluntaryPeriodEndsOn: LocalDate;
  readonly verificationDueOn: LocalDate;
}

/** What verifications found and decided (Art. 44, 44a). */
export interface Classification {
  readonly verificationCount: number;
  /** The latest verification or re-verification; coercion waits while it is negative. */
  readonly latestResult?: 'ENFORCEABLE' | 'NOT_ENFORCEABLE';
  /** The ground the latest negative verification found; a not-enforceable decision must rest on it. */
  readonly verifiedGround?: NotEnforceableGround;
  readonly notEnforceableDecidedOn?: LocalDate;
  readonly ground?: NotEnforceableGround;
  /** Address unknown or debtor imprisoned long-term: 12-month re-verification and 2-year register timer. */
  readonly longTerm: boolean;
  readonly negativeReverifications: number;
  readonly reverificationDueOn?: LocalDate;
  /** After a negative verification, the head decides "not enforceable" by then (Art. 44a); cleared by the decision. */
  readonly notEnforceableDecisionDueOn?: LocalDate;
}

export interface CaseFacts {
  readonly caseId: string;
  readonly officeId: string;
  readonly source: CaseSource;
  readonly mode: EnforcementMode;
  readonly interimMeasure: boolean;
  readonly parties: readonly Party[];
  readonly items: readonly ObligationItem[];
  readonly receivedOn: LocalDate;
  readonly decisionDueOn: LocalDate;
  /**
   * effectiveDate of the latest act: a later act may not be dated before it. Corrections of the record
   * (FactRetracted, DecisionAmended) leave it alone, and other corrective acts never move it back (case-evolve.ts).
   */
  readonly lastEffectiveDate: LocalDate;
  readonly officerId?: string;
  /** When the current officer was assigned (or reassigned): a ReassignOfficer is dated then by default. */
  readonly officerAssignedOn?: LocalDate;
  readonly classification: Classification;
  readonly coercionMeasures: readonly CoercionMeasure[];
  readonly securityMeasureIds: readonly string[];
  readonly assets: readonly CaseAsset[];
  readonly collectionIds: readonly string[];
  /** Every collection with its date and unpaid rest, in stream order. */
  readonly collections: readonly CollectionRecord[];
  /** Every status the case took, with its effective date, in stream order (CaseReceived's `intake` first). */
  readonly transitions: readonly StatusTransition[];
  readonly disbursementIds: readonly string[];
  readonly postponementCount: number;
  /** A postponement on a protest-entitled request is allowed once (Art. 48(2)). */
  readonly protestPostponementUsed: boolean;
  /** Deadlines recorded as missed, as `<deadline>:<dueOn>` (missedDeadlineKey): each is recorded once. */
  readonly missedDeadlines: readonly string[];
  /**
   * Ids of events with a standing retraction or correction (CorrectRecordedFact; a retracted correction no longer
   * stands, shared/retractions.ts), corrections among them. Absent until the first retraction.
   */
  readonly retractedEventIds?: readonly string[];
  /** Of those, the ones whose latest standing retraction carries no correctedData: retracted outright. */
  readonly retractedOutright?: readonly string[];
}

/** Statuses after the decision in which enforcement is not paused. */
export type RunningStatus = 'decided' | 'enforceable' | 'not_enforceable' | 'separately_tracked';
/** Paused statuses: the case returns to `resumeTo` on EnforcementResumed. */
export type PausedStatus = 'postponed' | 'suspended';
/** The statuses a postponement or suspension starts from and returns to. */
export type ResumableStatus = 'decided' | 'enforceable';
/** Terminal after a decision. */
export type ClosedStatus = 'entrusted_out' | 'terminated' | 'settled' | 'withdrawn' | 'sent_back' | 'taken_up';

export interface NoCase {
  readonly status: 'none';
}
export interface CaseInIntake {
  readonly status: 'intake';
  readonly facts: CaseFacts;
}
export interface RejectedCase {
  readonly status: 'rejected';
  readonly facts: CaseFacts;
}
export interface RunningCase {
  readonly status: RunningStatus;
  readonly facts: CaseFacts;
  readonly decision: DecisionInfo;
}
export interface PausedCase {
  readonly status: PausedStatus;
  readonly facts: CaseFacts;
  readonly decision: DecisionInfo;
  readonly resumeTo: ResumableStatus;
  /** Postponed by agreement of the parties (Art. 48(1)(c)); false for a suspension. */
  readonly byAgreement: boolean;
}
export interface ClosedCase {
  readonly status: ClosedStatus;
  readonly facts: CaseFacts;
  readonly decision: DecisionInfo;
  /** The status held before it closed (a paused case: the status it would resume to); ReopenCase returns to it. */
  readonly reopenTo: RunningStatus;
}

/** The state of one case stream. */
export type CaseState = NoCase | CaseInIntake | RejectedCase | RunningCase | PausedCase | ClosedCase;
/** A stream that holds a case. */
export type ExistingCase = Exclude<CaseState, NoCase>;
export type CaseStatus = CaseState['status'];

/** The state of a stream with no events. */
export const initialCaseState: CaseState = { status: 'none' };

/** Terminal statuses: nothing but corrections follows them (docs/domain.md, The case and its lifecycle). */
export const CLOSED_CASE_STATUSES: readonly CaseStatus[] = [
  'rejected',
  'entrusted_out',
  'terminated',
  'settled',
  'withdrawn',
  'sent_back',
  'taken_up',
];

/** What is still owed on an item: amount − collected. */
export function outstandingOf(item: ObligationItem): Vnd {
  return item.amount - item.collected;
}

/** Collected money not yet paid out on an item. */
export function heldOf(item: ObligationItem): Vnd {
  return item.collected - item.disbursed;
}

/** An open item is enforced in full when everything owed was collected and paid out (Art. 52(1)). */
export function isFullyEnforced(item: ObligationItem): boolean {
  return item.collected === item.amount && item.disbursed === item.collected;
}

/** How a missed deadline is remembered in `facts.missedDeadlines`: the deadline and its due date identify it. */
export function missedDeadlineKey(deadline: CaseDeadline, dueOn: LocalDate): string {
  return `${deadline}:${dueOn}`;
}
