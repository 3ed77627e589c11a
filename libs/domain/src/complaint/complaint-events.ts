import type { Message } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { RuleSet } from '../shared/rule-set';
import type {
  ComplaintDeadline,
  ComplaintFinding,
  ComplaintGroup,
  DeclineGround,
  OfficeTier,
  RespondentRole,
} from './complaint-commands';
import type { DecidingAuthority } from './escalation-matrix';

/**
 * Events of the `complaint` aggregate (stream `complaint-<complaintId>`). Each `type` string and data shape is a
 * stored contract (docs/architecture.md): never renamed or reshaped in place; a new shape is a new version with an upcaster.
 * A field named `…DueOn` or `…Deadline` is the last day on which the next act is in time (calendar/time-limits.ts).
 */

/** 1: first complaint (khiếu nại lần đầu); 2: second complaint (khiếu nại lần hai), decided finally. */
export type ComplaintLevel = 1 | 2;

/** Fields on every complaint event, so a projection can place any event without the stream's first one. */
export interface ComplaintEventBase {
  readonly complaintId: string;
  readonly caseId: string;
  /** The legal date of the act in Asia/Ho_Chi_Minh, copied from the command. */
  readonly effectiveDate: LocalDate;
  /** The regime in force on `effectiveDate` (Decree 152/2026 Art. 115). */
  readonly ruleSet: RuleSet;
}

type ComplaintEventOf<Type extends string, Data> = Message<Type, ComplaintEventBase & Data>;

export interface ComplaintRespondent {
  readonly role: RespondentRole;
  readonly officeId: string;
  readonly officeTier: OfficeTier;
}

/** A first complaint was received in time (Art. 140). */
export type ComplaintFiled = ComplaintEventOf<
  'ComplaintFiled',
  {
    readonly complainant: { readonly name: string; readonly partyId?: string };
    readonly subject: { readonly kind: 'DECISION' | 'ACT'; readonly reference: string; readonly description: string };
    readonly group: ComplaintGroup;
    readonly respondent: ComplaintRespondent;
    readonly knownOn: LocalDate;
    readonly forceMajeureDays: number;
    /** Last day to file: the group's limit from knownOn plus force-majeure days (Art. 140(2)). */
    readonly filingDeadline: LocalDate;
    readonly level: 1;
    readonly decidingAuthority: DecidingAuthority;
    /** The authority for a second complaint as the matrix stood on the filing date; none for group B. */
    readonly secondLevelAuthority?: DecidingAuthority;
    readonly authorityBasis: string;
    /** 5 working days to accept or decline (Art. 148; TT 13/2021 Art. 9). */
    readonly acceptanceDueOn: LocalDate;
  }
>;

/** The deciding authority accepted (thụ lý) the complaint at this level; the resolution clock starts (Art. 146). */
export type ComplaintAccepted = ComplaintEventOf<
  'ComplaintAccepted',
  {
    readonly level: ComplaintLevel;
    readonly resolutionDueOn: LocalDate;
    /** After acceptanceDueOn: recorded for audit, never blocked. */
    readonly acceptedLate: boolean;
  }
>;

/** Not accepted on an Art. 141 ground (terminal). */
export type ComplaintNotAccepted = ComplaintEventOf<
  'ComplaintNotAccepted',
  {
    readonly level: ComplaintLevel;
    readonly ground: DeclineGround;
    readonly explanation: string;
    readonly declinedLate: boolean;
  }
>;

/** The decision on the complaint at this level (Art. 146, 151, 153). */
export type ComplaintDecided = ComplaintEventOf<
  'ComplaintDecided',
  {
    readonly level: ComplaintLevel;
    readonly decidingAuthority: DecidingAuthority;
    readonly decisionNumber: string;
    readonly finding: ComplaintFinding;
    readonly remedies?: string;
    /** Final: a second-level decision, or a group B decision, effective at once (Decree 62 Art. 38(3)). */
    readonly final: boolean;
    /** Level 1 outside group B: 15 days from the decision date for a second complaint (Art. 140(2)). */
    readonly escalationDeadline?: LocalDate;
    /** After resolutionDueOn: recorded for audit, never blocked. */
    readonly decidedLate: boolean;
  }
>;

/** A second complaint against the first-level decision (Art. 140(2), 142). */
export type ComplaintEscalated = ComplaintEventOf<
  'ComplaintEscalated',
  {
    readonly level: 2;
    readonly fromAuthority: DecidingAuthority;
    readonly toAuthority: DecidingAuthority;
    /** Receipt of the first-level decision, which started the 15-day limit. */
    readonly decisionReceivedOn: LocalDate;
    /** 10 days to accept or decline a second complaint (Art. 148). */
    readonly acceptanceDueOn: LocalDate;
  }
>;

/** The complainant withdrew before a decision at the current level (TT 13/2021 Art. 10(1)); terminal. */
export type ComplaintWithdrawn = ComplaintEventOf<
  'ComplaintWithdrawn',
  {
    readonly level: ComplaintLevel;
  }
>;

/**
 * The deadline sweep found the acceptance or resolution deadline of `level` passed without its act (Art. 146, 148).
 * `effectiveDate` is the day it was detected. Recorded for audit and for the superior who must order the overdue
 * decider to act (Decree 62 Art. 38(2)); it never blocks the late act.
 */
export type ComplaintDeadlineMissed = ComplaintEventOf<
  'ComplaintDeadlineMissed',
  {
    readonly deadline: ComplaintDeadline;
    readonly level: ComplaintLevel;
    readonly dueOn: LocalDate;
    /** Who had to act at that level. */
    readonly decidingAuthority: DecidingAuthority;
  }
>;

export type ComplaintEvent =
  | ComplaintFiled
  | ComplaintAccepted
  | ComplaintNotAccepted
  | ComplaintDecided
  | ComplaintEscalated
  | ComplaintWithdrawn
  | ComplaintDeadlineMissed;

/** Every event type of the aggregate, in lifecycle order. */
export const COMPLAINT_EVENT_TYPES = [
  'ComplaintFiled',
  'ComplaintAccepted',
  'ComplaintNotAccepted',
  'ComplaintDecided',
  'ComplaintEscalated',
  'ComplaintWithdrawn',
  'ComplaintDeadlineMissed',
] as const satisfies readonly ComplaintEvent['type'][];
