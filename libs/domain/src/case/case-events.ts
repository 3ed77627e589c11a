import type { Message } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { Vnd } from '../shared/money';
import type { RuleSet } from '../shared/rule-set';
import type {
  AssetKind,
  CaseSource,
  CoercionMeasure,
  CollectionSource,
  EnforcementMode,
  JudgmentReference,
  NotEnforceableGround,
  ObligationItemInput,
  Party,
  PostponementGround,
  RequestRejectionGround,
  SecurityMeasureKind,
  SuspensionGround,
  TerminationGround,
} from './case-commands';
import type { CorrectiveEvent } from './corrective-events';

/**
 * Events of the `case` aggregate (stream `case-<caseId>`). Each `type` string and data shape is a stored contract
 * (docs/architecture.md): never renamed or reshaped in place; a new shape is a new version with an upcaster.
 * A field named `…DueOn` is the last day on which the next legal act is in time (calendar/time-limits.ts).
 */

/** Fields on every case event, so projections never need the case's first event to place a later one. */
export interface CaseEventBase {
  readonly caseId: string;
  readonly officeId: string;
  /** The legal date of the act in Asia/Ho_Chi_Minh, copied from the command. */
  readonly effectiveDate: LocalDate;
  /** The regime in force on `effectiveDate`: one case may span two laws (Decree 152/2026 Art. 115). */
  readonly ruleSet: RuleSet;
}

type CaseEventOf<Type extends string, Data> = Message<Type, CaseEventBase & Data>;

/** A judgment was registered or an enforcement request received (Art. 28–31). */
export type CaseReceived = CaseEventOf<
  'CaseReceived',
  {
    readonly source: CaseSource;
    readonly mode: EnforcementMode;
    readonly judgment: JudgmentReference;
    readonly parties: readonly Party[];
    readonly obligations: readonly ObligationItemInput[];
    readonly interimMeasure: boolean;
    /** 5 working days for the enforcement decision (Art. 36); the day of receipt for interim measures. */
    readonly decisionDueOn: LocalDate;
  }
>;

export type EnforcementRequestRejected = CaseEventOf<
  'EnforcementRequestRejected',
  {
    readonly ground: RequestRejectionGround;
    /** After the 5-working-day limit of Art. 31(5): recorded for audit, never blocked. */
    readonly issuedLate: boolean;
  }
>;

export type EnforcementDecisionIssued = CaseEventOf<
  'EnforcementDecisionIssued',
  {
    readonly decisionNumber: string;
    /** Valid service on the debtor; the decision date when the command gave none. */
    readonly servedOn: LocalDate;
    /** Last day of the 10-day voluntary period (Art. 45(1)); the decision date for interim measures. */
    readonly voluntaryPeriodEndsOn: LocalDate;
    /** Verification starts within 10 days after the voluntary period (Art. 44(1)); immediately for interim measures. */
    readonly verificationDueOn: LocalDate;
    /** Issued after `decisionDueOn` of CaseReceived: recorded, never blocked (docs/domain.md, Time limits). */
    readonly issuedLate: boolean;
  }
>;

export type EnforcementOfficerAssigned = CaseEventOf<
  'EnforcementOfficerAssigned',
  {
    readonly officerId: string;
    /** The officer opens the case file within 2 working days (Decree 62 Art. 8). */
    readonly caseFileDueOn: LocalDate;
  }
>;

export type EnforcementConditionsVerified = CaseEventOf<
  'EnforcementConditionsVerified',
  { readonly findings: string } & (
    | { readonly result: 'ENFORCEABLE' }
    | {
        readonly result: 'NOT_ENFORCEABLE';
        readonly ground: NotEnforceableGround;
        /** The head decides "not enforceable" within 5 working days of the finding (Art. 44a). */
        readonly notEnforceableDecisionDueOn: LocalDate;
      }
  )
>;

export type NotEnforceableDecided = CaseEventOf<
  'NotEnforceableDecided',
  {
    readonly decisionNumber: string;
    readonly ground: NotEnforceableGround;
    readonly debtorImprisonedLongTerm: boolean;
    /** Every 6 months; every 12 months when the address is unknown or the debtor is imprisoned long-term (Art. 44(2)). */
    readonly reverificationDueOn: LocalDate;
  }
>;

export type ConditionsReverified = CaseEventOf<
  'ConditionsReverified',
  {
    readonly result: 'STILL_NOT_ENFORCEABLE' | 'ENFORCEABLE';
    readonly findings: string;
    /** Negative periodic re-verifications since the not-enforceable decision, this one included. */
    readonly negativeReverifications: number;
    /** True on the 2nd negative re-verification: the creditor must be told in writing (Art. 44(2)). */
    readonly creditorNoticeRequired: boolean;
    /** Next periodic re-verification; null when the case became enforceable or sits in the separate register. */
    readonly reverificationDueOn: LocalDate | null;
  }
>;

export type SecurityMeasureApplied = CaseEventOf<
  'SecurityMeasureApplied',
  {
    readonly measureId: string;
    readonly kind: SecurityMeasureKind;
    readonly description: string;
  }
>;

export type CoercionDecided = CaseEventOf<
  'CoercionDecided',
  {
    readonly decisionNumber: string;
    readonly measure: CoercionMeasure;
    /** Local `YYYY-MM-DDTHH:mm`, on a working day between 06:00 and 22:00 (Art. 46(2)). */
    readonly scheduledAt: string;
  }
>;

export type AssetSeized = CaseEventOf<
  'AssetSeized',
  {
    readonly assetId: string;
    readonly kind: AssetKind;
    readonly description: string;
    /** A valuer is contracted within 5 working days of seizure (Art. 98). */
    readonly valuerContractDueOn: LocalDate;
  }
>;

export type AssetValued = CaseEventOf<
  'AssetValued',
  {
    readonly assetId: string;
    /** The first starting price at auction. */
    readonly value: Vnd;
    readonly valuer: string;
    /** The auction contract is signed within 10 days of valuation (Art. 101). */
    readonly auctionContractDueOn: LocalDate;
  }
>;

export type AssetSoldAtAuction = CaseEventOf<
  'AssetSoldAtAuction',
  {
    readonly assetId: string;
    readonly price: Vnd;
    /** The buyer pays within 30 days, with no extension (Art. 101). */
    readonly buyerPaymentDueOn: LocalDate;
  }
>;

export type AuctionFailed = CaseEventOf<
  'AuctionFailed',
  {
    readonly assetId: string;
    /** The starting price at which nobody bought. */
    readonly startingPrice: Vnd;
  }
>;

export type AuctionPriceReduced = CaseEventOf<
  'AuctionPriceReduced',
  {
    readonly assetId: string;
    readonly previousPrice: Vnd;
    readonly newPrice: Vnd;
    /** 1 for the first reduction: from the 2nd the creditor may take the asset in lieu (Art. 104). */
    readonly reductionNumber: number;
  }
>;

export type FundsCollected = CaseEventOf<
  'FundsCollected',
  {
    readonly collectionId: string;
    readonly itemId: string;
    readonly amount: Vnd;
    readonly source: CollectionSource;
    readonly receiptNumber?: string;
    /** Paid out within 10 days of collection (Art. 47). */
    readonly disbursementDueOn: LocalDate;
  }
>;

export type FundsDisbursed = CaseEventOf<
  'FundsDisbursed',
  {
    readonly disbursementId: string;
    readonly itemId: string;
    readonly amount: Vnd;
    /** Absent for payment to the state budget. */
    readonly payeePartyId?: string;
  }
>;

export type EnforcementPostponed = CaseEventOf<
  'EnforcementPostponed',
  {
    readonly decisionNumber: string;
    readonly ground: PostponementGround;
    /** End of the postponement when known; at most 3 months for a protest request (Art. 48(2)). */
    readonly until?: LocalDate;
  }
>;

export type EnforcementSuspended = CaseEventOf<
  'EnforcementSuspended',
  {
    readonly decisionNumber: string;
    readonly ground: SuspensionGround;
  }
>;

export type EnforcementResumed = CaseEventOf<
  'EnforcementResumed',
  {
    readonly decisionNumber: string;
    /** The status the case held before the postponement or suspension. */
    readonly resumedStatus: 'decided' | 'enforceable';
  }
>;

/** The whole case is terminated (đình chỉ, Art. 50); it ends here. */
export type EnforcementTerminated = CaseEventOf<
  'EnforcementTerminated',
  {
    readonly decisionNumber: string;
    readonly ground: TerminationGround;
    /** The items still open at termination. */
    readonly itemIds: readonly string[];
  }
>;

/** Some items are terminated (Art. 50); the case goes on for the rest. */
export type ObligationItemsTerminated = CaseEventOf<
  'ObligationItemsTerminated',
  {
    readonly decisionNumber: string;
    readonly ground: TerminationGround;
    readonly itemIds: readonly string[];
  }
>;

/** Fully enforced (thi hành xong, Art. 52(1)): the case ends. */
export type CaseSettled = CaseEventOf<
  'CaseSettled',
  {
    /** Items collected and paid out in full (the others were terminated or entrusted). */
    readonly enforcedItemIds: readonly string[];
  }
>;

/** Entrustment to another office (Art. 55–57): of the whole case (it ends here) or of some items. */
export type EnforcementEntrusted = CaseEventOf<
  'EnforcementEntrusted',
  {
    readonly decisionNumber: string;
    readonly targetOfficeId: string;
    readonly wholeCase: boolean;
    /** The items entrusted: for a whole case, every item still open. */
    readonly itemIds: readonly string[];
  }
>;

/** Out of the statistics' carry-over into the separate register (Decree 62 Art. 9(5)). */
export type MovedToSeparateTrackingRegister = CaseEventOf<
  'MovedToSeparateTrackingRegister',
  {
    readonly notEnforceableDecidedOn: LocalDate;
  }
>;

/** Sent back to the creditor (Law 106/2025 Art. 38; Decree 152/2026 Art. 22(2)): the case ends. */
export type EnforcementRequestSentBack = CaseEventOf<
  'EnforcementRequestSentBack',
  {
    readonly noticeNumber: string;
    readonly notEnforceableDecidedOn: LocalDate;
  }
>;

/**
 * Taken up by the provincial office (rút lên, Law 2008 Art. 35(2)): the case ends here and leaves this office's
 * figures as taken up; the province opens its own case for it, counted there as newly received.
 */
export type CaseTakenUp = CaseEventOf<
  'CaseTakenUp',
  {
    readonly decisionNumber: string;
    /** The office that held the case on the act's date (its receiving office, or that office's successor). */
    readonly fromOfficeId: string;
    readonly provincialOfficeId: string;
  }
>;

/**
 * The deadline sweep found that verification had not started by `dueOn` (Art. 44(1)). `effectiveDate` is the day
 * it was detected. Recorded for audit, never blocking: the verification may still follow, dated before or after it.
 */
export type VerificationDeadlineMissed = CaseEventOf<
  'VerificationDeadlineMissed',
  {
    readonly dueOn: LocalDate;
  }
>;

/** The periodic re-verification due on `dueOn` (Art. 44(2)) had not happened; as VerificationDeadlineMissed. */
export type ReverificationDeadlineMissed = CaseEventOf<
  'ReverificationDeadlineMissed',
  {
    readonly dueOn: LocalDate;
  }
>;

export type CaseEvent =
  | CaseReceived
  | EnforcementRequestRejected
  | EnforcementDecisionIssued
  | EnforcementOfficerAssigned
  | EnforcementConditionsVerified
  | NotEnforceableDecided
  | ConditionsReverified
  | SecurityMeasureApplied
  | CoercionDecided
  | AssetSeized
  | AssetValued
  | AssetSoldAtAuction
  | AuctionFailed
  | AuctionPriceReduced
  | FundsCollected
  | FundsDisbursed
  | EnforcementPostponed
  | EnforcementSuspended
  | EnforcementResumed
  | EnforcementTerminated
  | ObligationItemsTerminated
  | CaseSettled
  | EnforcementEntrusted
  | MovedToSeparateTrackingRegister
  | EnforcementRequestSentBack
  | CaseTakenUp
  | VerificationDeadlineMissed
  | ReverificationDeadlineMissed
  | CorrectiveEvent;

export type CaseEventType = CaseEvent['type'];
