/**
 * Columns of the complaint_queue read model: one row per complaint, the domain's complaintQueueView as of the last event applied to it. Due dates are
 * the ones the events carry, computed by the domain on the working-day calendar when the act was recorded.
 */
export interface ComplaintQueueTable {
  complaint_id: string;
  case_id: string;
  /** The respondent's office: the office whose decision or act is complained of. */
  office_id: string;
  /** ENFORCEMENT_OFFICER | OFFICE_HEAD. */
  respondent_role: string;
  /** Art. 140(2) group: A, B_ACCOUNT_FREEZE, B_OTHER_SECURITY, C, D. */
  complaint_group: string;
  /** 1 or 2: the level now running. */
  level: bigint;
  /** filed, accepted, decided, escalated, not_accepted, withdrawn. */
  status: string;
  /** Who decides at the current level. */
  deciding_authority: string;
  filed_on: string;
  /** Last day to accept or decline at the current level. */
  acceptance_due_on: string;
  /** Last day to decide, once accepted at the current level; null before acceptance. */
  resolution_due_on: string | null;
  /** After a non-final first-level decision: last day for a second complaint. */
  escalation_deadline: string | null;
  /**
   * The due date of the step the deciding authority owes now: acceptance while filed or escalated, resolution while
   * accepted; null otherwise. A complaint is overdue on a date after it (evaluated at query time).
   */
  next_due_on: string | null;
  last_act_on: string;
  /** 1 once a ComplaintDeadlineMissed event was recorded for the complaint (a fact that stays), else 0. */
  deadline_missed: bigint;
  last_event_type: string;
  /** Stream revision of the last applied complaint event: a replayed event at or below it changes nothing. */
  revision: bigint;
  position: bigint;
}

/** Each complaint's folded domain state after its last applied event, for the next batch to fold on from. */
export interface ComplaintQueueStatesTable {
  complaint_id: string;
  /** Stream revision of the last event folded into `state`. */
  revision: bigint;
  /** The ComplaintState as JSON (plain data, no bigint). */
  state: string;
}
