/**
 * The report counters of completion_stats in SQL (docs/read-side.md, "Report counters"): maintained by the projection
 * by adding each case's change of counters (case-counters.ts), read by summing a handful of rows per office.
 *
 * - completion_stats_counters: the counters as known now, one row per office, reporting year, slot and measure.
 * - completion_stats_counter_changes: the same changes, also keyed by the local date they were recorded on, so a
 *   report as known on a past date (asOf) sums the changes recorded by then.
 * - completion_stats_case_offices: every office a case was received at, so the country report lists an office that
 *   has cases but no registration even when none of them counts yet.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { reportingYearOf, type LocalDate, type ReportingPeriod } from '@thads/domain';
import type { ReadModelDatabase } from '../database/read-model-database';
import { clusteredByPrimaryKey } from '../database/sql-dialect';
import type { TableNames } from '../projection';
import { CARRIED_ON, OPENING, slotOf, type CaseCounters } from './case-counters';
import { NO_TALLIES, type Tallies } from './classification';
import type { CompletionStatsSnapshotsTable } from './completion-stats.tables';
import { TALLY_COLUMN_NAMES, tallyColumns, tallyOfRow } from './tally-columns';

/** Counter rows: one per office, reporting year, slot and measure (CASES or MONEY), tallies as snapshot columns. */
export interface CompletionStatsCountersTable extends Omit<CompletionStatsSnapshotsTable, 'period' | 'kind'> {
  reporting_year: bigint;
  slot: number;
}

/** The same, per local date of recording. */
export interface CompletionStatsCounterChangesTable extends CompletionStatsCountersTable {
  known_on: string;
}

export interface CompletionStatsCaseOfficesTable {
  office_id: string;
}

/**
 * The key orders rows as the report reads them: an office's rows of one measure together, so summing them per office
 * and measure is one pass in key order, with no sort (clustered by it on SQLite).
 */
const KEY = ['office_id', 'measure', 'reporting_year', 'slot'] as const;
/** 24 columns (19 tallies and the key) × 500 rows, below SQLite's 32 766 bound parameters. */
const ROWS_PER_INSERT = 500;
/**
 * What an upsert returns besides the key: whether the row is now zero everywhere. Returning all 24 columns of every
 * row written cost more than the rare deletion it serves.
 */
const IS_ZERO = sql<boolean | number>`${sql.join(
  TALLY_COLUMN_NAMES.map((column) => sql`${sql.ref(column)} = 0`),
  sql` and `,
)}`.as('is_zero');

/** Creates the generation's counter tables. */
export async function createCounterTables(trx: Transaction<ReadModelDatabase>, tables: TableNames): Promise<void> {
  for (const [base, extra] of [
    ['completion_stats_counters', []],
    ['completion_stats_counter_changes', ['known_on']],
  ] as const) {
    const name = tables.physical(base);
    let table = trx.schema
      .createTable(name)
      .addColumn('office_id', 'text', (column) => column.notNull())
      .addColumn('reporting_year', 'bigint', (column) => column.notNull())
      .addColumn('slot', 'integer', (column) => column.notNull())
      .addColumn('measure', 'text', (column) => column.notNull());
    if (extra.length > 0) table = table.addColumn('known_on', 'text', (column) => column.notNull());
    for (const column of TALLY_COLUMN_NAMES) table = table.addColumn(column, 'bigint', (c) => c.notNull());
    table = table.addPrimaryKeyConstraint(`${name}_pk`, [...KEY, ...extra] as never[]);
    await clusteredByPrimaryKey(trx, table).execute();
  }
  await trx.schema
    .createTable(tables.physical('completion_stats_case_offices'))
    .addColumn('office_id', 'text', (column) => column.primaryKey())
    .execute();
}

/** One change of counters, recorded on a local date. */
export interface CountersChange {
  readonly knownOn: LocalDate;
  readonly counters: CaseCounters;
}

/** Adds changes to the counters (and to the dated changes). Changes of one key and date are summed first. */
export async function addToCounters(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
  changes: readonly CountersChange[],
): Promise<void> {
  const live = new Map<string, Record<string, unknown>>();
  const dated = new Map<string, Record<string, unknown>>();
  for (const { knownOn, counters } of changes) {
    for (const [text, { key, tallies }] of counters) {
      for (const measure of ['CASES', 'MONEY'] as const) {
        const tally = measure === 'CASES' ? tallies.cases : tallies.money;
        const base = { office_id: key.officeId, reporting_year: BigInt(key.reportingYear), slot: key.slot, measure };
        const columns = tallyColumns(tally);
        accumulate(live, `${text}\u0000${measure}`, base, columns);
        accumulate(
          dated,
          `${text}\u0000${measure}\u0000${knownOn}`,
          Object.assign({}, base, { known_on: knownOn }),
          columns,
        );
      }
    }
  }
  await upsertAdding(trx, tables.physical('completion_stats_counters'), [...KEY], [...live.values()]);
  await upsertAdding(
    trx,
    tables.physical('completion_stats_counter_changes'),
    [...KEY, 'known_on'],
    [...dated.values()],
  );
}

/** Remembers the offices cases were received at. */
export async function noteCaseOffices(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
  officeIds: ReadonlySet<string>,
): Promise<void> {
  const rows = [...officeIds].map((office_id) => ({ office_id }));
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT)
    await trx
      .insertInto(tables.physical('completion_stats_case_offices'))
      .values(rows.slice(start, start + ROWS_PER_INSERT))
      .onConflict((conflict) => conflict.column('office_id').doNothing())
      .execute();
}

/**
 * Each office's own tallies for a period, summed from its counters: the OPENING..period rows of the period's year and
 * the CARRIED_ON rows of that year and the years before. `knownBy`: as recorded by the end of that local date;
 * omitted: as the counters stand now (inside the projection: the facts before the event being applied). Offices
 * without a counter are absent from the map.
 */
export async function counterTallies(
  db: Kysely<ReadModelDatabase>,
  tables: TableNames,
  period: ReportingPeriod,
  knownBy: LocalDate | undefined,
  officeIds?: readonly string[],
): Promise<Map<string, Tallies>> {
  if (officeIds?.length === 0) return new Map();
  const year = BigInt(reportingYearOf(period));
  const table =
    knownBy === undefined
      ? tables.physical('completion_stats_counters')
      : (tables.physical('completion_stats_counter_changes') as 'completion_stats_counters');
  let query = db
    .selectFrom(table)
    .select(['office_id', 'measure'])
    .select(TALLY_COLUMN_NAMES.map((column) => sql<string>`sum(${sql.ref(column)})`.as(column)))
    .where((eb) =>
      eb.or([
        eb.and([eb('reporting_year', '=', year), eb('slot', '>=', OPENING), eb('slot', '<=', slotOf(period))]),
        eb.and([eb('slot', '=', CARRIED_ON), eb('reporting_year', '<=', year)]),
      ]),
    );
  if (officeIds !== undefined) query = query.where('office_id', 'in', officeIds);
  if (knownBy !== undefined) query = query.where(sql.ref('known_on'), '<=', knownBy);
  const rows = await query.groupBy(['office_id', 'measure']).execute();
  const byOffice = new Map<string, Tallies>();
  for (const row of rows) {
    const tally = tallyOfRow(row as unknown as CompletionStatsSnapshotsTable);
    const tallies = byOffice.get(row.office_id) ?? NO_TALLIES;
    byOffice.set(row.office_id, row.measure === 'CASES' ? { ...tallies, cases: tally } : { ...tallies, money: tally });
  }
  return byOffice;
}

function accumulate(
  rows: Map<string, Record<string, unknown>>,
  text: string,
  base: Record<string, unknown>,
  columns: Record<string, bigint>,
): void {
  const current = rows.get(text);
  if (!current) {
    // Object.assign: a literal that opens with a spread and then adds keys is slow on Node 20 (docs/performance.md,
    // change 50), and this one adds every tally column.
    rows.set(text, Object.assign({}, base, columns));
    return;
  }
  for (const column of TALLY_COLUMN_NAMES) current[column] = (current[column] as bigint) + columns[column];
}

/**
 * INSERT … ON CONFLICT (key) DO UPDATE SET column = column + excluded.column, in both SQLite and PostgreSQL. A row that
 * comes to zero everywhere is deleted, so the tables hold the same rows whatever the batches were (a rebuild from zero
 * equals the live tables).
 */
async function upsertAdding(
  trx: Transaction<ReadModelDatabase>,
  table: string,
  key: readonly string[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const adding = Object.fromEntries(
    TALLY_COLUMN_NAMES.map((column) => [
      column,
      sql`${sql.ref(`${table}.${column}`)} + ${sql.ref(`excluded.${column}`)}`,
    ]),
  );
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const written = (await trx
      .insertInto(table as 'completion_stats_counter_changes')
      .values(rows.slice(start, start + ROWS_PER_INSERT) as never[])
      .onConflict((conflict) => conflict.columns(key as never[]).doUpdateSet(adding as never))
      .returning([...(key as 'office_id'[]), IS_ZERO])
      .execute()) as unknown as Record<string, unknown>[];
    for (const row of written) {
      if (!row.is_zero) continue;
      let deletion = trx.deleteFrom(table as 'completion_stats_counter_changes');
      for (const column of key) deletion = deletion.where(column as 'office_id', '=', row[column] as string);
      await deletion.execute();
    }
  }
}
