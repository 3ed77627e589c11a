/**
 * Columns of the case_summary read model: one row per case, as of the last event applied to it.
 * Money columns are fixed-width decimal text (vnd-text.ts): exact, and they sort as numbers.
 */
export interface CaseSummaryTable {
  case_id: string;
  /** The office enforcing the case (CaseReceived.officeId). */
  office_id: string;
  /** JUDGMENT | REQUEST. */
  source: string;
  /** EX_OFFICIO | ON_REQUEST. */
  mode: string;
  /** The case aggregate's status: intake, decided, enforceable, …, settled. */
  status: string;
  officer_id: string | null;
  /** VND still to collect on the items this office enforces; zero once the case is closed. */
  owed_vnd: string;
  /** VND collected on every item, including items later terminated or entrusted. */
  collected_vnd: string;
  /** VND paid out. */
  disbursed_vnd: string;
  received_on: string;
  /** Effective date of the enforcement decision; null before it. */
  decision_on: string | null;
  /** The earliest open legal deadline and its kind (libs/domain case/views/case-deadlines-view.ts); null when nothing is due. */
  next_due_on: string | null;
  next_due_kind: string | null;
  last_event_type: string;
  last_effective_date: string;
  /** Stream revision of the last applied event: the guard that makes a replayed batch change nothing. */
  revision: bigint;
  /** Log position of the last applied event. */
  position: bigint;
}
