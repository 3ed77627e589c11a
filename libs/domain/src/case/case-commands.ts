import type { Message } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { Vnd } from '../shared/money';
import type { OnToday } from '../shared/today';
import type { ActingOfficial, OfficeLine } from '../complaint/complaint-authority';
import type { CorrectiveCommand } from './corrective-commands';

/**
 * Commands on the `case` aggregate (one enforcement decision = one case: Law 2008 Art. 3(9)).
 * Every command carries `effectiveDate`: the legal date of the act in Asia/Ho_Chi_Minh, distinct from the
 * time it is recorded, never after the office's local today (ACT_DATED_IN_FUTURE). The API defaults it to today's local
 * date, except on corrective commands, which default to the date of the act they correct (corrective-commands.ts).
 */

export const CASE_SOURCES = ['JUDGMENT', 'REQUEST'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const ENFORCEMENT_MODES = ['EX_OFFICIO', 'ON_REQUEST'] as const;
export type EnforcementMode = (typeof ENFORCEMENT_MODES)[number];
export const PARTY_ROLES = ['CREDITOR', 'DEBTOR', 'INTERESTED_PARTY'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const PARTY_KINDS = ['PERSON', 'ORGANISATION'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** Kinds of obligation item (khoản phải thi hành). State-budget kinds are enforced ex officio (Art. 36(2)). */
export const OBLIGATION_KINDS = [
  'COURT_FEE',
  'FINE',
  'ILLICIT_GAINS',
  'CONFISCATION',
  'STATE_COMPENSATION',
  'MAINTENANCE',
  'WAGES',
  'PERSONAL_INJURY_COMPENSATION',
  'DEBT',
  'CIVIL_COMPENSATION',
  'RETURN_OF_PROPERTY',
  'OTHER',
] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export interface Party {
  readonly partyId: string;
  readonly role: PartyRole;
  readonly kind: PartyKind;
  readonly name: string;
  readonly address?: string;
}

export interface ObligationItemInput {
  readonly itemId: string;
  readonly kind: ObligationKind;
  readonly description: string;
  /** Integer VND; 0 only for non-monetary obligations such as returning a specific thing. */
  readonly amount: Vnd;
}

export interface JudgmentReference {
  /** Number of the judgment or decision, e.g. "12/2017/DS-PT". */
  readonly number: string;
  readonly court: string;
  readonly issuedOn: LocalDate;
  /** Date the judgment took legal effect: starts the 5-year limitation for requests (Art. 30). */
  readonly legallyEffectiveOn: LocalDate;
}

export type ReceiveCase = Message<
  'ReceiveCase',
  {
    readonly caseId: string;
    readonly officeId: string;
    readonly source: CaseSource;
    readonly mode: EnforcementMode;
    readonly judgment: JudgmentReference;
    readonly parties: readonly Party[];
    readonly obligations: readonly ObligationItemInput[];
    /** Interim measures are decided immediately, with no voluntary period (Art. 36, 45). */
    readonly interimMeasure?: boolean;
    readonly effectiveDate: LocalDate;
  }
>;

/** Art. 31(5): no right to request / nothing enforceable; office lacks competence; limitation expired. */
export const REQUEST_REJECTION_GROUNDS = [
  'NO_RIGHT_OR_NOTHING_ENFORCEABLE',
  'NOT_COMPETENT',
  'LIMITATION_EXPIRED',
] as const;
export type RequestRejectionGround = (typeof REQUEST_REJECTION_GROUNDS)[number];
export type RejectEnforcementRequest = Message<
  'RejectEnforcementRequest',
  {
    readonly ground: RequestRejectionGround;
    readonly effectiveDate: LocalDate;
  }
>;

export type IssueEnforcementDecision = Message<
  'IssueEnforcementDecision',
  {
    readonly decisionNumber: string;
    /** Valid service of the decision on the debtor starts the 10-day voluntary period (Art. 45(1)); defaults to effectiveDate. */
    readonly servedOn?: LocalDate;
    readonly effectiveDate: LocalDate;
  }
>;

export type AssignEnforcementOfficer = Message<
  'AssignEnforcementOfficer',
  {
    readonly officerId: string;
    readonly effectiveDate: LocalDate;
  }
>;

/** Art. 44a(1): (a) no income or seizable assets; (b) the thing to return is gone; (c) debtor's address unknown. */
export const NOT_ENFORCEABLE_GROUNDS = ['NO_INCOME_OR_ASSETS', 'THING_LOST_OR_UNUSABLE', 'ADDRESS_UNKNOWN'] as const;
export type NotEnforceableGround = (typeof NOT_ENFORCEABLE_GROUNDS)[number];

export type RecordVerification = Message<
  'RecordVerification',
  {
    readonly result: 'ENFORCEABLE' | 'NOT_ENFORCEABLE';
    /** Required when result is NOT_ENFORCEABLE. */
    readonly ground?: NotEnforceableGround;
    readonly findings: string;
    readonly effectiveDate: LocalDate;
  }
>;

export type DecideNotEnforceable = Message<
  'DecideNotEnforceable',
  {
    readonly decisionNumber: string;
    readonly ground: NotEnforceableGround;
    /** Debtor in prison with ≥2 years left: re-verification every 12 months instead of 6 (Art. 44(2)). */
    readonly debtorImprisonedLongTerm?: boolean;
    readonly effectiveDate: LocalDate;
  }
>;

export type RecordPeriodicReverification = Message<
  'RecordPeriodicReverification',
  {
    readonly result: 'STILL_NOT_ENFORCEABLE' | 'ENFORCEABLE';
    readonly findings: string;
    readonly effectiveDate: LocalDate;
  }
>;

export const SECURITY_MEASURE_KINDS = ['ACCOUNT_FREEZE', 'TEMPORARY_SEIZURE', 'REGISTRATION_HOLD'] as const;
export type SecurityMeasureKind = (typeof SECURITY_MEASURE_KINDS)[number];
export type ApplySecurityMeasure = Message<
  'ApplySecurityMeasure',
  {
    readonly measureId: string;
    readonly kind: SecurityMeasureKind;
    readonly description: string;
    readonly effectiveDate: LocalDate;
  }
>;

export const COERCION_MEASURES = [
  'ACCOUNT_DEBIT',
  'INCOME_GARNISHMENT',
  'SEIZE_AND_SELL',
  'EXPLOIT_ASSET',
  'COMPEL_HANDOVER',
  'COMPEL_ACT',
] as const;
export type CoercionMeasure = (typeof COERCION_MEASURES)[number];
export type DecideCoercion = Message<
  'DecideCoercion',
  {
    readonly decisionNumber: string;
    readonly measure: CoercionMeasure;
    /** Local date-time `YYYY-MM-DDTHH:mm` the coercion is carried out: never 22:00–06:00, rest days or holidays (Art. 46(2)). */
    readonly scheduledAt: string;
    readonly effectiveDate: LocalDate;
  }
>;

export const ASSET_KINDS = ['REAL_ESTATE', 'VEHICLE', 'MOVABLE', 'SHARES', 'BANK_BALANCE', 'OTHER'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
export type SeizeAsset = Message<
  'SeizeAsset',
  {
    readonly assetId: string;
    readonly kind: AssetKind;
    readonly description: string;
    readonly effectiveDate: LocalDate;
  }
>;

export type RecordValuation = Message<
  'RecordValuation',
  {
    readonly assetId: string;
    readonly value: Vnd;
    readonly valuer: string;
    readonly effectiveDate: LocalDate;
  }
>;

export type RecordAuctionResult = Message<
  'RecordAuctionResult',
  {
    readonly assetId: string;
    readonly outcome: 'SOLD' | 'FAILED';
    /** Sale price; required when SOLD. */
    readonly price?: Vnd;
    readonly effectiveDate: LocalDate;
  }
>;

export type ReduceAuctionPrice = Message<
  'ReduceAuctionPrice',
  {
    readonly assetId: string;
    /** New starting price: at most 10% below the previous one (Art. 104). */
    readonly newPrice: Vnd;
    readonly effectiveDate: LocalDate;
  }
>;

export const COLLECTION_SOURCES = ['VOLUNTARY', 'COERCION', 'AUCTION_PROCEEDS'] as const;
export type CollectionSource = (typeof COLLECTION_SOURCES)[number];
export type RecordCollection = Message<
  'RecordCollection',
  {
    readonly collectionId: string;
    readonly itemId: string;
    readonly amount: Vnd;
    readonly source: CollectionSource;
    readonly receiptNumber?: string;
    readonly effectiveDate: LocalDate;
  }
>;

export type DisburseFunds = Message<
  'DisburseFunds',
  {
    readonly disbursementId: string;
    readonly itemId: string;
    readonly amount: Vnd;
    /** The creditor paid, or omitted for payment to the state budget. */
    readonly payeePartyId?: string;
    readonly effectiveDate: LocalDate;
  }
>;

/** Art. 48(1) (a)–(h). */
export const POSTPONEMENT_GROUNDS = [
  'SERIOUS_ILLNESS',
  'DEBTOR_CANNOT_PERFORM',
  'PARTIES_AGREE',
  'ASSET_UNDER_DISPUTE',
  'AWAITING_COURT_EXPLANATION',
  'RECIPIENT_ABSENT',
  'TRANSFER_BLOCKED',
  'UNSOLD_ASSET_REFUSED',
  'PROTEST_REQUEST',
] as const;
export type PostponementGround = (typeof POSTPONEMENT_GROUNDS)[number];
export type PostponeEnforcement = Message<
  'PostponeEnforcement',
  {
    readonly decisionNumber: string;
    readonly ground: PostponementGround;
    readonly until?: LocalDate;
    readonly effectiveDate: LocalDate;
  }
>;

/** Art. 49: protest under cassation or reopening; bankruptcy petition accepted. */
export const SUSPENSION_GROUNDS = ['CASSATION_PROTEST', 'REOPENING_PROTEST', 'BANKRUPTCY_PETITION_ACCEPTED'] as const;
export type SuspensionGround = (typeof SUSPENSION_GROUNDS)[number];
export type SuspendEnforcement = Message<
  'SuspendEnforcement',
  {
    readonly decisionNumber: string;
    readonly ground: SuspensionGround;
    readonly effectiveDate: LocalDate;
  }
>;

export type ResumeEnforcement = Message<
  'ResumeEnforcement',
  {
    readonly decisionNumber: string;
    readonly effectiveDate: LocalDate;
  }
>;

/** Art. 50(1). */
export const TERMINATION_GROUNDS = [
  'DEBTOR_DIED_NO_ESTATE',
  'CREDITOR_DIED_NO_HEIRS',
  'SETTLEMENT_OR_WAIVER',
  'JUDGMENT_ANNULLED',
  'ORGANISATION_DISSOLVED',
  'EXEMPTION_GRANTED',
  'BANKRUPTCY_OPENED',
  'MINOR_DIED_OR_CAME_OF_AGE',
] as const;
export type TerminationGround = (typeof TERMINATION_GROUNDS)[number];
export type TerminateEnforcement = Message<
  'TerminateEnforcement',
  {
    readonly decisionNumber: string;
    readonly ground: TerminationGround;
    /** Terminate only these items; omit to terminate the whole case. */
    readonly itemIds?: readonly string[];
    readonly effectiveDate: LocalDate;
  }
>;

/** Fully enforced (Art. 52(1)): every item collected and paid out, or terminated. */
export type Settle = Message<
  'Settle',
  {
    readonly effectiveDate: LocalDate;
  }
>;

export type EntrustEnforcement = Message<
  'EntrustEnforcement',
  {
    readonly decisionNumber: string;
    readonly targetOfficeId: string;
    /** Entrust only these items; omit to entrust the whole case. */
    readonly itemIds?: readonly string[];
    readonly effectiveDate: LocalDate;
  }
>;

export type MoveToSeparateTrackingRegister = Message<
  'MoveToSeparateTrackingRegister',
  {
    readonly effectiveDate: LocalDate;
  }
>;

/**
 * Law 106/2025 Art. 38 as detailed by Decree 152/2026 Art. 22(2): an on-request case still not enforceable 2 years
 * after the not-enforceable decision, re-verified with nothing new, is sent back to the creditor (gửi lại yêu cầu thi
 * hành án) by written notice, copied to the procuracy; the case ends (Decree 152/2026 Art. 32(1)(d)). A later request
 * is a new case. Only under Law 106/2025 (acts from 1 July 2026).
 */
export type SendBackEnforcementRequest = Message<
  'SendBackEnforcementRequest',
  {
    /** The written notice to the creditor. */
    readonly noticeNumber: string;
    readonly effectiveDate: LocalDate;
  }
>;

/**
 * Rút lên (lấy lên để thi hành), Law 2008 Art. 35(2): the provincial office takes up a case of a district office
 * (from 1 July 2025, of a regional unit [I]) that it finds necessary to enforce itself. A head of that provincial
 * office decides it; the case ends where it was and the province opens its own case for it (docs/domain.md). The
 * command path fills `official` and `officeLine` (the line of the office holding the case on the act's date), as for
 * a complaint's deciding authority; over HTTP only the server states them.
 */
export type TakeUpCase = Message<
  'TakeUpCase',
  {
    readonly decisionNumber: string;
    readonly effectiveDate: LocalDate;
    readonly official?: ActingOfficial;
    readonly officeLine?: OfficeLine;
  }
>;

/** The case's legal time limits the deadline sweep watches: verification (Art. 44(1)) and periodic re-verification (Art. 44(2)). */
export const CASE_DEADLINES = ['VERIFICATION', 'REVERIFICATION'] as const;
export type CaseDeadline = (typeof CASE_DEADLINES)[number];

/**
 * Sent by the deadline sweep (actor role `system`), never by a person: the deadline passed without its act. The
 * decider records it once; a deadline already recorded, met, or no longer open gives no event (docs/domain.md, Time limits).
 */
export type RecordMissedCaseDeadline = Message<
  'RecordMissedDeadline',
  {
    readonly deadline: CaseDeadline;
    /** The last day the act was in time: `verificationDueOn` or `reverificationDueOn` of the case. */
    readonly dueOn: LocalDate;
    /** The day the miss was detected; after dueOn. */
    readonly effectiveDate: LocalDate;
  }
>;

/** A case command as decided: `today` is the office's local today, given by the application layer (shared/today.ts). */
export type CaseCommand = (
  | ReceiveCase
  | RejectEnforcementRequest
  | IssueEnforcementDecision
  | AssignEnforcementOfficer
  | RecordVerification
  | DecideNotEnforceable
  | RecordPeriodicReverification
  | ApplySecurityMeasure
  | DecideCoercion
  | SeizeAsset
  | RecordValuation
  | RecordAuctionResult
  | ReduceAuctionPrice
  | RecordCollection
  | DisburseFunds
  | PostponeEnforcement
  | SuspendEnforcement
  | ResumeEnforcement
  | TerminateEnforcement
  | Settle
  | EntrustEnforcement
  | MoveToSeparateTrackingRegister
  | SendBackEnforcementRequest
  | TakeUpCase
  | RecordMissedCaseDeadline
  | CorrectiveCommand
) &
  OnToday;

/** A case command other than a correction: its effectiveDate is always stated (or defaulted to today at the edge). */
export type OrdinaryCaseCommand = Exclude<CaseCommand, CorrectiveCommand>;
