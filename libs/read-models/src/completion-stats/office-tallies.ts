/**
 * Reading completion_stats: frozen tallies of closed periods, closes and targets (live tallies are summed from the
 * counters, counters.store.ts). Shared by the projection (which freezes a period when it is closed) and the report query; both pass the
 * tables to read (a generation's physical tables while projecting, the views when querying).
 */
import type { Kysely } from 'kysely';
import { openingBalanceOn, periodEndsOn, reportingYearOf, type LocalDate, type ReportingPeriod } from '@thads/domain';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { TableNames } from '../projection';
import { NO_TALLIES, type PeriodWindow, type Tallies } from './classification';
import type { SnapshotKind } from './completion-stats.tables';
import { tallyColumns, tallyOfRow } from './tally-columns';
import { counterTallies } from './counters.store';

type Db = Kysely<ReadModelDatabase>;

/**
 * What a computation may know. A close knows the events before its own position; a report `asOf` a date knows what
 * was recorded before 24:00 that day (local time); a live report knows everything applied.
 */
export interface Knowledge {
  readonly beforePosition?: bigint;
  /** An ISO-8601 UTC instant, compared with recordedAt. */
  readonly recordedBefore?: string;
  /** The local date of recordedBefore's day (the report's asOf), for the dated counter changes. */
  readonly knownBy?: LocalDate;
}

/** A PeriodClosed as the read model keeps it. */
export interface ClosedPeriod {
  readonly officeId: string;
  readonly period: ReportingPeriod;
  readonly position: bigint;
  readonly casesTargetBasisPoints: number | null;
  readonly moneyTargetBasisPoints: number | null;
}

/** Targets of one office and year, in basis points. */
export interface Target {
  readonly casesBasisPoints: number;
  readonly moneyBasisPoints: number;
}

/** The window of a cumulative period: from the balance carried over on 30 September to the period end. */
export function windowOf(period: ReportingPeriod): PeriodWindow {
  return { openingBalanceOn: openingBalanceOn(reportingYearOf(period)), periodEndsOn: periodEndsOn(period) };
}

/**
 * Each office's own tallies for a period, summed from the report counters (counters.store.ts); an office without a
 * counter is absent from the map. `knowledge.knownBy` (a report asOf a date) reads the changes recorded by then.
 * Otherwise the counters as they stand, which inside the projection are exactly the facts before the event being
 * applied: a close's `beforePosition` needs nothing more (the log is applied in order).
 */
export function liveOfficeTallies(
  db: Db,
  tables: TableNames,
  period: ReportingPeriod,
  knowledge: Knowledge,
  officeIds?: readonly string[],
): Promise<Map<string, Tallies>> {
  return counterTallies(db, tables, period, knowledge.knownBy, officeIds);
}

/** The frozen tallies of a kind for a period, by office. */
export async function snapshotTallies(
  db: Db,
  tables: TableNames,
  period: ReportingPeriod,
  kind: SnapshotKind,
  officeIds: readonly string[],
): Promise<Map<string, Tallies>> {
  if (officeIds.length === 0) return new Map();
  const rows = await db
    .selectFrom(tables.physical('completion_stats_snapshots'))
    .selectAll()
    .where('period', '=', period)
    .where('kind', '=', kind)
    .where('office_id', 'in', officeIds)
    .execute();
  const byOffice = new Map<string, Tallies>();
  for (const row of rows) {
    const tallies = byOffice.get(row.office_id) ?? NO_TALLIES;
    byOffice.set(
      row.office_id,
      row.measure === 'CASES' ? { ...tallies, cases: tallyOfRow(row) } : { ...tallies, money: tallyOfRow(row) },
    );
  }
  return byOffice;
}

/** Freezes tallies. A second write of the same key changes nothing: a closed period is written once. */
export async function insertSnapshot(
  db: Db,
  tables: TableNames,
  officeId: string,
  period: ReportingPeriod,
  kind: SnapshotKind,
  tallies: Tallies,
): Promise<void> {
  await db
    .insertInto(tables.physical('completion_stats_snapshots'))
    .values([
      { office_id: officeId, period, kind, measure: 'CASES', ...tallyColumns(tallies.cases) },
      { office_id: officeId, period, kind, measure: 'MONEY', ...tallyColumns(tallies.money) },
    ])
    .onConflict((conflict) => conflict.columns(['office_id', 'period', 'kind', 'measure']).doNothing())
    .execute();
}

/** The closes of these periods known, by office and period (`${officeId} ${period}`). */
export async function closedPeriods(
  db: Db,
  tables: TableNames,
  periods: readonly ReportingPeriod[],
  knowledge: Knowledge,
  officeIds?: readonly string[],
): Promise<Map<string, ClosedPeriod>> {
  if (officeIds?.length === 0) return new Map();
  let query = db
    .selectFrom(tables.physical('completion_stats_closed_periods'))
    .selectAll()
    .where('period', 'in', periods);
  if (officeIds !== undefined) query = query.where('office_id', 'in', officeIds);
  if (knowledge.beforePosition !== undefined) query = query.where('position', '<', knowledge.beforePosition);
  if (knowledge.recordedBefore !== undefined) query = query.where('recorded_at', '<', knowledge.recordedBefore);
  const rows = await query.execute();
  return new Map(
    rows.map((row) => [
      closeKey(row.office_id, row.period),
      {
        officeId: row.office_id,
        period: row.period,
        position: BigInt(row.position),
        casesTargetBasisPoints: row.cases_target_bp === null ? null : Number(row.cases_target_bp),
        moneyTargetBasisPoints: row.money_target_bp === null ? null : Number(row.money_target_bp),
      },
    ]),
  );
}

/** The key of closedPeriods' map. */
export function closeKey(officeId: string, period: ReportingPeriod): string {
  return `${officeId} ${period}`;
}

/** The latest known target of each office for a reporting year. */
export async function latestTargets(
  db: Db,
  tables: TableNames,
  reportingYear: number,
  knowledge: Knowledge,
  officeIds?: readonly string[],
): Promise<Map<string, Target>> {
  if (officeIds?.length === 0) return new Map();
  let query = db
    .selectFrom(tables.physical('completion_stats_targets'))
    .selectAll()
    .where('reporting_year', '=', BigInt(reportingYear));
  if (officeIds !== undefined) query = query.where('office_id', 'in', officeIds);
  if (knowledge.beforePosition !== undefined) query = query.where('position', '<', knowledge.beforePosition);
  if (knowledge.recordedBefore !== undefined) query = query.where('recorded_at', '<', knowledge.recordedBefore);
  const rows = await query.orderBy('position').execute();
  // In position order, so the last target set for an office wins.
  return new Map(
    rows.map((row) => [
      row.office_id,
      { casesBasisPoints: Number(row.cases_target_bp), moneyBasisPoints: Number(row.money_target_bp) },
    ]),
  );
}
