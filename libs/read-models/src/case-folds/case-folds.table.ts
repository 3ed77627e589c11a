/**
 * Columns of the table every projection that folds cases keeps (case-folds.ts): each case's folded state after its
 * last applied event. Each projection owns its own, so it rebuilds on its own. The events are not copied: a refold
 * reads them from the log (stream-history.ts).
 */

/** A case's state folded by the domain's evolve, retractions applied, as of stream revision `revision`. */
export interface CaseStatesTable {
  case_id: string;
  /** Stream revision of the last event folded: an event at or below it was applied already. */
  revision: bigint;
  /** The CaseState as JSON, money as `{"$bigint":"…"}` (case-state-json.ts). */
  state: string;
}

/** The states tables, by the projection that owns them. */
export interface CaseFoldTables {
  case_summary_states: CaseStatesTable;
  deadlines_case_states: CaseStatesTable;
  completion_stats_case_states: CaseStatesTable;
}

/** The base name of one projection's states table. */
export interface CaseFoldTableNames {
  readonly states: 'case_summary_states' | 'deadlines_case_states' | 'completion_stats_case_states';
}
