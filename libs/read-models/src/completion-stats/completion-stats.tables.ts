/**
 * Tables of the completion_stats read model. Each case's statistics view (the domain's, of its folded state) is kept
 * in every version it had, so a report can classify any case at any period end, as known at any position; closed
 * periods are kept as stored tallies that nothing rewrites.
 */
import type { Transaction } from 'kysely';
import type { ReadModelDatabase } from '../database/read-model-database';
import { createCaseFoldTables, type CaseFoldTableNames, type CaseFoldTables } from '../case-folds';
import type { TableNames } from '../projection';
import { TALLY_FIELDS, type StatisticsTally } from './statistics';
import { createOfficeStructureTables, OFFICE_STRUCTURE_TABLES, type OfficeStructureTables } from './office-structure';

/**
 * One row per version of a case's statistics view: written when an event changed it, superseded by the next version.
 * The version known before position P is the one with position < P ≤ superseded_position (or none superseding it).
 */
export interface CompletionStatsCaseViewsTable {
  /** Log position of the event that made this version. */
  position: bigint;
  case_id: string;
  office_id: string;
  recorded_at: string;
  /** Position and recordedAt of the event that made the next version; null while this one is current. */
  superseded_position: bigint | null;
  superseded_recorded_at: string | null;
  /** The CaseStatisticsView as JSON, amounts as decimal strings (case-view-json.ts). */
  view: string;
}

/** The office hierarchy from OfficeRegistered. */
export interface CompletionStatsOfficesTable {
  office_id: string;
  name: string;
  parent_office_id: string | null;
  tier: string;
  registered_on: string;
  position: bigint;
  recorded_at: string;
}

/** Every TargetSet: the latest by position (as known at a position or date) is the target. */
export interface CompletionStatsTargetsTable {
  office_id: string;
  reporting_year: bigint;
  cases_target_bp: bigint;
  money_target_bp: bigint;
  effective_date: string;
  position: bigint;
  recorded_at: string;
}

/** One row per PeriodClosed, with the targets as they stood at the close. */
export interface CompletionStatsClosedPeriodsTable {
  office_id: string;
  period: string;
  reporting_year: bigint;
  effective_date: string;
  position: bigint;
  recorded_at: string;
  cases_target_bp: bigint | null;
  money_target_bp: bigint | null;
}

/**
 * The frozen tallies of a closed period, one row per office, period, kind and measure. PERIOD: the office's own
 * cases at the period end, as known at the close. ADJUSTMENT: what changed in the previous closed period's figures
 * between its close and this one (TTLT 12/2021 Art. 10). Written once, never updated.
 */
export interface CompletionStatsSnapshotsTable {
  office_id: string;
  period: string;
  kind: SnapshotKind;
  measure: SnapshotMeasure;
  carried_over: bigint;
  moved_to_separate_register: bigint;
  newly_received: bigint;
  entrusted_out: bigint;
  taken_up: bigint;
  in_progress: bigint;
  postponed_or_suspended: bigint;
  not_enforceable: bigint;
  fully_enforced: bigint;
  terminated: bigint;
  postponed: bigint;
  suspended: bigint;
  postponed_by_agreement: bigint;
  collected_on_open: bigint;
  ex_officio_to_enforce: bigint;
  ex_officio_in_progress: bigint;
  ex_officio_postponed_or_suspended: bigint;
  ex_officio_not_enforceable: bigint;
  ex_officio_completed: bigint;
}

export type SnapshotKind = 'PERIOD' | 'ADJUSTMENT';
export type SnapshotMeasure = 'CASES' | 'MONEY';

/** The table types, for ProjectionTables in database/read-model-database.ts. */
export interface CompletionStatsTables extends OfficeStructureTables {
  completion_stats_case_views: CompletionStatsCaseViewsTable;
  completion_stats_offices: CompletionStatsOfficesTable;
  completion_stats_targets: CompletionStatsTargetsTable;
  completion_stats_closed_periods: CompletionStatsClosedPeriodsTable;
  completion_stats_snapshots: CompletionStatsSnapshotsTable;
}

export const COMPLETION_STATS_TABLES = [
  'completion_stats_case_views',
  'completion_stats_case_events',
  'completion_stats_case_states',
  'completion_stats_offices',
  'completion_stats_targets',
  'completion_stats_closed_periods',
  'completion_stats_snapshots',
  ...OFFICE_STRUCTURE_TABLES,
] as const satisfies readonly (keyof CompletionStatsTables | keyof CaseFoldTables)[];

/** The case folds completion_stats keeps (case-folds). */
export const COMPLETION_STATS_CASE_FOLDS: CaseFoldTableNames = {
  events: 'completion_stats_case_events',
  states: 'completion_stats_case_states',
};

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

/** The tally columns of a snapshot row. */
export function tallyColumns(
  tally: StatisticsTally,
): Omit<CompletionStatsSnapshotsTable, 'office_id' | 'period' | 'kind' | 'measure'> {
  return Object.fromEntries(TALLY_FIELDS.map((field) => [TALLY_COLUMNS[field], tally[field]])) as Omit<
    CompletionStatsSnapshotsTable,
    'office_id' | 'period' | 'kind' | 'measure'
  >;
}

/** The tally of a snapshot row. */
export function tallyOfRow(row: CompletionStatsSnapshotsTable): StatisticsTally {
  return Object.fromEntries(
    TALLY_FIELDS.map((field) => [field, BigInt(row[TALLY_COLUMNS[field]])]),
  ) as unknown as StatisticsTally;
}

/** Creates one generation's tables and indexes. */
export async function createCompletionStatsTables(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
): Promise<void> {
  const views = tables.physical('completion_stats_case_views');
  await trx.schema
    .createTable(views)
    .addColumn('position', 'bigint', (column) => column.primaryKey())
    .addColumn('case_id', 'text', (column) => column.notNull())
    .addColumn('office_id', 'text', (column) => column.notNull())
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .addColumn('superseded_position', 'bigint')
    .addColumn('superseded_recorded_at', 'text')
    .addColumn('view', 'text', (column) => column.notNull())
    .execute();
  // A report reads an office's versions case by case; a new version supersedes its case's current one.
  await trx.schema.createIndex(`${views}_by_office`).on(views).columns(['office_id', 'case_id', 'position']).execute();
  await trx.schema.createIndex(`${views}_current`).on(views).columns(['case_id', 'superseded_position']).execute();
  await createCaseFoldTables(trx, tables, COMPLETION_STATS_CASE_FOLDS);

  await trx.schema
    .createTable(tables.physical('completion_stats_offices'))
    .addColumn('office_id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('parent_office_id', 'text')
    .addColumn('tier', 'text', (column) => column.notNull())
    .addColumn('registered_on', 'text', (column) => column.notNull())
    .addColumn('position', 'bigint', (column) => column.notNull())
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .execute();

  await trx.schema
    .createTable(tables.physical('completion_stats_targets'))
    .addColumn('office_id', 'text', (column) => column.notNull())
    .addColumn('reporting_year', 'bigint', (column) => column.notNull())
    .addColumn('cases_target_bp', 'bigint', (column) => column.notNull())
    .addColumn('money_target_bp', 'bigint', (column) => column.notNull())
    .addColumn('effective_date', 'text', (column) => column.notNull())
    .addColumn('position', 'bigint', (column) => column.notNull())
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint(`${tables.physical('completion_stats_targets')}_pk`, [
      'office_id',
      'reporting_year',
      'position',
    ])
    .execute();

  await trx.schema
    .createTable(tables.physical('completion_stats_closed_periods'))
    .addColumn('office_id', 'text', (column) => column.notNull())
    .addColumn('period', 'text', (column) => column.notNull())
    .addColumn('reporting_year', 'bigint', (column) => column.notNull())
    .addColumn('effective_date', 'text', (column) => column.notNull())
    .addColumn('position', 'bigint', (column) => column.notNull())
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .addColumn('cases_target_bp', 'bigint')
    .addColumn('money_target_bp', 'bigint')
    .addPrimaryKeyConstraint(`${tables.physical('completion_stats_closed_periods')}_pk`, ['office_id', 'period'])
    .execute();

  await createOfficeStructureTables(trx, tables);

  let snapshots = trx.schema
    .createTable(tables.physical('completion_stats_snapshots'))
    .addColumn('office_id', 'text', (column) => column.notNull())
    .addColumn('period', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('measure', 'text', (column) => column.notNull());
  for (const field of TALLY_FIELDS)
    snapshots = snapshots.addColumn(TALLY_COLUMNS[field], 'bigint', (column) => column.notNull());
  await snapshots
    .addPrimaryKeyConstraint(`${tables.physical('completion_stats_snapshots')}_pk`, [
      'office_id',
      'period',
      'kind',
      'measure',
    ])
    .execute();
}
