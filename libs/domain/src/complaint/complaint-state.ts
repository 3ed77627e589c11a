import type { LocalDate } from '../shared/local-date';
import type { ComplaintDeadline, ComplaintFinding, ComplaintGroup, DeclineGround } from './complaint-commands';
import type { ComplaintLevel, ComplaintRespondent } from './complaint-events';
import type { DecidingAuthority } from './escalation-matrix';

/**
 * State of the `complaint` aggregate: a discriminated union on `status`. Every existing complaint shares
 * ComplaintBase; `level` and `authority` describe the level now running.
 */

export type ComplaintStatus = 'none' | 'filed' | 'accepted' | 'decided' | 'escalated' | 'not_accepted' | 'withdrawn';

/** A decision taken on the complaint. */
export interface ComplaintDecisionRecord {
  readonly level: ComplaintLevel;
  readonly decisionNumber: string;
  readonly finding: ComplaintFinding;
  readonly decidedOn: LocalDate;
  readonly authority: DecidingAuthority;
}

export interface ComplaintBase {
  readonly complaintId: string;
  readonly caseId: string;
  readonly group: ComplaintGroup;
  readonly respondent: ComplaintRespondent;
  readonly filedOn: LocalDate;
  readonly filingDeadline: LocalDate;
  readonly level: ComplaintLevel;
  /** Who decides at the current level. */
  readonly authority: DecidingAuthority;
  /** The second-level authority as fixed at filing; absent for group B. */
  readonly secondLevelAuthority?: DecidingAuthority;
  /** The effective date of the latest act: no later act may be dated before it. */
  readonly lastActOn: LocalDate;
  /** Last day to accept or decline at the current level (kept once acted on: the queue shows it). */
  readonly acceptanceDueOn: LocalDate;
  /** Last day to decide at the current level, once accepted there; spent when the complaint escalates. */
  readonly resolutionDueOn?: LocalDate;
  /** Kept once the complaint goes to the second level. */
  readonly firstLevelDecision?: ComplaintDecisionRecord;
  /** Deadlines recorded as missed, as `<deadline>:L<level>:<dueOn>` (missedComplaintDeadlineKey): each once. */
  readonly missedDeadlines: readonly string[];
}

export interface NoComplaint {
  readonly status: 'none';
}
/** Waiting for acceptance of a first complaint. */
export interface FiledComplaint extends ComplaintBase {
  readonly status: 'filed';
}
/** Waiting for acceptance of a second complaint. */
export interface EscalatedComplaint extends ComplaintBase {
  readonly status: 'escalated';
  readonly escalatedOn: LocalDate;
}
export interface AcceptedComplaint extends ComplaintBase {
  readonly status: 'accepted';
  readonly acceptedOn: LocalDate;
  readonly resolutionDueOn: LocalDate;
}
export interface DecidedComplaint extends ComplaintBase {
  readonly status: 'decided';
  readonly decision: ComplaintDecisionRecord;
  readonly final: boolean;
  readonly escalationDeadline?: LocalDate;
}
export interface NotAcceptedComplaint extends ComplaintBase {
  readonly status: 'not_accepted';
  readonly ground: DeclineGround;
}
export interface WithdrawnComplaint extends ComplaintBase {
  readonly status: 'withdrawn';
}

export type ComplaintState =
  | NoComplaint
  | FiledComplaint
  | EscalatedComplaint
  | AcceptedComplaint
  | DecidedComplaint
  | NotAcceptedComplaint
  | WithdrawnComplaint;

/** Any state but `none`. */
export type ExistingComplaint = Exclude<ComplaintState, NoComplaint>;

export const initialComplaintState: ComplaintState = { status: 'none' };

/** How a missed deadline is remembered in `missedDeadlines`: deadline, level and due date identify it. */
export function missedComplaintDeadlineKey(
  deadline: ComplaintDeadline,
  level: ComplaintLevel,
  dueOn: LocalDate,
): string {
  return `${deadline}:L${level}:${dueOn}`;
}
