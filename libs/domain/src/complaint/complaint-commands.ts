import type { Message } from '../shared/decider';
import type { OnToday } from '../shared/today';
import type { LocalDate } from '../shared/local-date';
import type { ActingOfficial, OfficeLine } from './complaint-authority';

/**
 * Commands on the `complaint` aggregate (khiếu nại, Law 2008 Art. 140–153; TT 13/2021).
 * A complaint has its own stream and lifecycle; it names the case it is about.
 */

/**
 * Art. 140(2) groups, which set the filing and resolution limits:
 * A: before any security or coercive measure; B_ACCOUNT_FREEZE / B_OTHER_SECURITY: security measures;
 * C: coercive measures; D: after coercion.
 */
export const COMPLAINT_GROUPS = ['A', 'B_ACCOUNT_FREEZE', 'B_OTHER_SECURITY', 'C', 'D'] as const;
export type ComplaintGroup = (typeof COMPLAINT_GROUPS)[number];

/** Whose decision or act is complained of; this picks the deciding authorities (Art. 142). */
export const RESPONDENT_ROLES = ['ENFORCEMENT_OFFICER', 'OFFICE_HEAD'] as const;
export type RespondentRole = (typeof RESPONDENT_ROLES)[number];
/** The tier of the respondent's office. DISTRICT exists only until 30/06/2025; REGIONAL from 01/07/2025. */
export const OFFICE_TIERS = ['DISTRICT', 'REGIONAL', 'PROVINCE'] as const;
export type OfficeTier = (typeof OFFICE_TIERS)[number];

export type FileComplaint = Message<
  'FileComplaint',
  {
    readonly complaintId: string;
    readonly caseId: string;
    readonly complainant: { readonly name: string; readonly partyId?: string };
    readonly subject: { readonly kind: 'DECISION' | 'ACT'; readonly reference: string; readonly description: string };
    readonly group: ComplaintGroup;
    readonly respondent: { readonly role: RespondentRole; readonly officeId: string; readonly officeTier: OfficeTier };
    /** Date the complainant received or learned of the decision or act: starts the filing limit. */
    readonly knownOn: LocalDate;
    /** Days of force majeure excluded from the filing limit (Art. 140(2)). */
    readonly forceMajeureDays?: number;
    readonly effectiveDate: LocalDate;
  }
>;

/**
 * Filled by the command path, never by the client, on the acts of the deciding authority (accept, decline, decide):
 * who records the act and the respondent's office line in force on its date. Without them the act is refused.
 */
export interface DecidingAuthorityContext {
  readonly official?: ActingOfficial;
  readonly officeLine?: OfficeLine;
}

export type AcceptComplaint = Message<
  'AcceptComplaint',
  DecidingAuthorityContext & {
    readonly effectiveDate: LocalDate;
  }
>;

/** Art. 141 grounds for not accepting. */
export const DECLINE_GROUNDS = [
  'NO_DIRECT_INTEREST',
  'INCAPACITY_WITHOUT_REPRESENTATIVE',
  'PROXY_WITHOUT_PAPERS',
  'LIMITATION_EXPIRED',
  'EFFECTIVE_DECISION_EXISTS',
] as const;
export type DeclineGround = (typeof DECLINE_GROUNDS)[number];
export type DeclineComplaint = Message<
  'DeclineComplaint',
  DecidingAuthorityContext & {
    readonly ground: DeclineGround;
    readonly explanation: string;
    readonly effectiveDate: LocalDate;
  }
>;

export const COMPLAINT_FINDINGS = ['JUSTIFIED', 'PARTLY_JUSTIFIED', 'UNFOUNDED'] as const;
export type ComplaintFinding = (typeof COMPLAINT_FINDINGS)[number];
export type DecideComplaint = Message<
  'DecideComplaint',
  DecidingAuthorityContext & {
    readonly decisionNumber: string;
    readonly finding: ComplaintFinding;
    readonly remedies?: string;
    readonly effectiveDate: LocalDate;
  }
>;

export type EscalateComplaint = Message<
  'EscalateComplaint',
  {
    /** Date the complainant received the first-level decision; the 15-day limit counts from it. Defaults to the decision date. */
    readonly decisionReceivedOn?: LocalDate;
    readonly effectiveDate: LocalDate;
  }
>;

export type WithdrawComplaint = Message<
  'WithdrawComplaint',
  {
    readonly effectiveDate: LocalDate;
  }
>;

/** The complaint time limits the deadline sweep watches: acceptance (Art. 148) and resolution (Art. 146). */
export const COMPLAINT_DEADLINES = ['ACCEPTANCE', 'RESOLUTION'] as const;
export type ComplaintDeadline = (typeof COMPLAINT_DEADLINES)[number];

/**
 * Sent by the deadline sweep (actor role `system`), never by a person: the acceptance or resolution deadline of the
 * current level passed without its act. Recorded once; no events when it is recorded already or no longer open.
 */
export type RecordMissedComplaintDeadline = Message<
  'RecordMissedDeadline',
  {
    readonly deadline: ComplaintDeadline;
    /** `acceptanceDueOn` or `resolutionDueOn` of the current level. */
    readonly dueOn: LocalDate;
    /** The day the miss was detected; after dueOn. */
    readonly effectiveDate: LocalDate;
  }
>;

/** A complaint command as decided: `today` is the office's local today, given by the application (shared/today.ts). */
export type ComplaintCommand = (
  | FileComplaint
  | AcceptComplaint
  | DeclineComplaint
  | DecideComplaint
  | EscalateComplaint
  | WithdrawComplaint
  | RecordMissedComplaintDeadline
) &
  OnToday;
