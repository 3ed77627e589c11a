/**
 * Tables of the completion_stats read model: the report counters (counters.store.ts), the office hierarchy, the
 * targets, and closed periods kept as stored tallies that nothing rewrites.
 */
import type { Transaction } from 'kysely';
import type { ReadModelDatabase } from '../database/read-model-database';
import { createCounterTables } from './counters.store';
import { createCaseFoldTables, type CaseFoldTableNames, type CaseFoldTables } from '../case-folds';
import type { TableNames } from '../projection';
import type {
  CompletionStatsCaseOfficesTable,
  CompletionStatsCounterChangesTable,
  CompletionStatsCountersTable,
} from './counters.store';
import { TALLY_FIELDS } from './statistics';
import { TALLY_COLUMN_NAMES } from './tally-columns';
import { createOfficeStructureTables, OFFICE_STRUCTURE_TABLES, type OfficeStructureTables } from './office-structure';

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
  completion_stats_counters: CompletionStatsCountersTable;
  completion_stats_counter_changes: CompletionStatsCounterChangesTable;
  completion_stats_case_offices: CompletionStatsCaseOfficesTable;
  completion_stats_offices: CompletionStatsOfficesTable;
  completion_stats_targets: CompletionStatsTargetsTable;
  completion_stats_closed_periods: CompletionStatsClosedPeriodsTable;
  completion_stats_snapshots: CompletionStatsSnapshotsTable;
}

export const COMPLETION_STATS_TABLES = [
  'completion_stats_counters',
  'completion_stats_counter_changes',
  'completion_stats_case_offices',
  'completion_stats_case_states',
  'completion_stats_offices',
  'completion_stats_targets',
  'completion_stats_closed_periods',
  'completion_stats_snapshots',
  ...OFFICE_STRUCTURE_TABLES,
] as const satisfies readonly (keyof CompletionStatsTables | keyof CaseFoldTables)[];

/** The case folds completion_stats keeps (case-folds). */
export const COMPLETION_STATS_CASE_FOLDS: CaseFoldTableNames = { states: 'completion_stats_case_states' };

/** Creates one generation's tables and indexes. */
export async function createCompletionStatsTables(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
): Promise<void> {
  await createCaseFoldTables(trx, tables, COMPLETION_STATS_CASE_FOLDS);
  await createCounterTables(trx, tables);

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
    snapshots = snapshots.addColumn(TALLY_COLUMN_NAMES[TALLY_FIELDS.indexOf(field)], 'bigint', (column) =>
      column.notNull(),
    );
  await snapshots
    .addPrimaryKeyConstraint(`${tables.physical('completion_stats_snapshots')}_pk`, [
      'office_id',
      'period',
      'kind',
      'measure',
    ])
    .execute();
}
