/**
 * Columns of the two tables every projection that folds cases keeps (case-folds.ts): the case events it folded, as
 * recorded, and each case's folded state after its last applied event. Each projection owns its own pair, so it
 * rebuilds on its own.
 */

/** One folded case event, as recorded. `position` comes first so that rows sort by it. */
export interface KeptCaseEventsTable {
  /** Log position of the event. */
  position: bigint;
  case_id: string;
  /** Stream revision; (case_id, revision) is the key a replayed batch conflicts on. */
  revision: bigint;
  event_id: string;
  type: string;
  /** The event's data as recorded (JSON), before any retraction is laid over it. */
  data: string;
}

/** A case's state folded by the domain's evolve, retractions applied, as of stream revision `revision`. */
export interface CaseStatesTable {
  case_id: string;
  /** Stream revision of the last event folded: an event at or below it was applied already. */
  revision: bigint;
  /** The CaseState as JSON, money as `{"$bigint":"…"}` (case-state-json.ts). */
  state: string;
}

/** The pairs of tables, by the projection that owns them. */
export interface CaseFoldTables {
  case_summary_events: KeptCaseEventsTable;
  case_summary_states: CaseStatesTable;
  deadlines_case_events: KeptCaseEventsTable;
  deadlines_case_states: CaseStatesTable;
  completion_stats_case_events: KeptCaseEventsTable;
  completion_stats_case_states: CaseStatesTable;
}

/** The base names of one projection's pair. */
export interface CaseFoldTableNames {
  readonly events: 'case_summary_events' | 'deadlines_case_events' | 'completion_stats_case_events';
  readonly states: 'case_summary_states' | 'deadlines_case_states' | 'completion_stats_case_states';
}
