/** The tally columns of snapshot and counter rows, and converting tallies to and from them. */
import type { CompletionStatsSnapshotsTable } from './completion-stats.tables';
import { TALLY_FIELDS, type StatisticsTally } from './statistics';

type TallyColumns = Omit<CompletionStatsSnapshotsTable, 'office_id' | 'period' | 'kind' | 'measure'>;

/** The snapshot column of each tally field, for creating the table. */
const TALLY_COLUMNS = {
  carriedOver: 'carried_over',
  movedToSeparateRegister: 'moved_to_separate_register',
  newlyReceived: 'newly_received',
  entrustedOut: 'entrusted_out',
  takenUp: 'taken_up',
  inProgress: 'in_progress',
  postponedOrSuspended: 'postponed_or_suspended',
  notEnforceable: 'not_enforceable',
  fullyEnforced: 'fully_enforced',
  terminated: 'terminated',
  postponed: 'postponed',
  suspended: 'suspended',
  postponedByAgreement: 'postponed_by_agreement',
  collectedOnOpen: 'collected_on_open',
  exOfficioToEnforce: 'ex_officio_to_enforce',
  exOfficioInProgress: 'ex_officio_in_progress',
  exOfficioPostponedOrSuspended: 'ex_officio_postponed_or_suspended',
  exOfficioNotEnforceable: 'ex_officio_not_enforceable',
  exOfficioCompleted: 'ex_officio_completed',
} as const satisfies Record<keyof StatisticsTally, keyof CompletionStatsSnapshotsTable>;

/** The tally columns, in TALLY_FIELDS order. */
export const TALLY_COLUMN_NAMES = TALLY_FIELDS.map((field) => TALLY_COLUMNS[field]);

/** The tally columns of a snapshot row. */
export function tallyColumns(tally: StatisticsTally): TallyColumns {
  return Object.fromEntries(TALLY_FIELDS.map((field) => [TALLY_COLUMNS[field], tally[field]])) as TallyColumns;
}

/** The tally of a snapshot row. */
export function tallyOfRow(row: CompletionStatsSnapshotsTable): StatisticsTally {
  return Object.fromEntries(
    TALLY_FIELDS.map((field) => [field, BigInt(row[TALLY_COLUMNS[field]])]),
  ) as unknown as StatisticsTally;
}
