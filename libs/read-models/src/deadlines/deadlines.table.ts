/** The legal deadlines the sweep watches; a deadline is identified by stream, kind, level and due date. */
export const DEADLINE_KINDS = ['VERIFICATION', 'REVERIFICATION', 'ACCEPTANCE', 'RESOLUTION'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Why a deadline stopped being open: its act happened, the case paused (it may reopen), or the case or complaint ended. */
export type DeadlineClosedBy = 'ACT' | 'PAUSED' | 'ENDED';

/** Columns of the deadlines read model: one row per legal deadline, open or closed. */
export interface DeadlinesTable {
  /** `case-<caseId>` or `complaint-<complaintId>`. */
  stream: string;
  /** The case or complaint id: the aggregate the sweep sends its command to. */
  aggregate_id: string;
  case_id: string;
  kind: DeadlineKind;
  /** The complaint level (1 or 2); 0 for case deadlines, which have no level. */
  level: bigint;
  /** The last day the act is in time. */
  due_on: string;
  status: 'open' | 'closed';
  closed_by: DeadlineClosedBy | null;
  /** effectiveDate of the event that closed it. */
  closed_on: string | null;
  /** The day the miss was recorded (effectiveDate of the …DeadlineMissed event); the row stays open until the act. */
  missed_on: string | null;
  opened_position: bigint;
  /** Position of the last event applied to the row: an event at or below it is a replay and changes nothing. */
  updated_position: bigint;
}
