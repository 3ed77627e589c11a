/**
 * Reading completion_stats: live tallies computed from the facts, frozen tallies of closed periods, closes and
 * targets. Shared by the projection (which freezes a period when it is closed) and the report query; both pass the
 * tables to read (a generation's physical tables while projecting, the views when querying).
 */
import type { Kysely } from 'kysely';
import { openingBalanceOn, periodEndsOn, reportingYearOf, type ReportingPeriod } from '@thads/domain';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { TableNames } from '../projection';
import { decodeStatisticsView } from './case-view-json';
import { addAllTallies, classifyCase, NO_TALLIES, type PeriodWindow, type Tallies } from './classification';
import { tallyColumns, tallyOfRow, type SnapshotKind } from './completion-stats.tables';

type Db = Kysely<ReadModelDatabase>;

/**
 * What a computation may know. A close knows the events before its own position; a report `asOf` a date knows what
 * was recorded before 24:00 that day (local time); a live report knows everything applied.
 */
export interface Knowledge {
  readonly beforePosition?: bigint;
  /** An ISO-8601 UTC instant, compared with recordedAt. */
  readonly recordedBefore?: string;
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
 * Each office's own tallies for a period, classified from the statistics view of each of its cases as known (every
 * office with cases when `officeIds` is omitted). An office with no case yet is absent from the map.
 */
export async function liveOfficeTallies(
  db: Db,
  tables: TableNames,
  period: ReportingPeriod,
  knowledge: Knowledge,
  officeIds?: readonly string[],
): Promise<Map<string, Tallies>> {
  if (officeIds?.length === 0) return new Map();
  const window = windowOf(period);
  let query = db.selectFrom(tables.physical('completion_stats_case_views')).select(['office_id', 'view']);
  if (officeIds !== undefined) query = query.where('office_id', 'in', officeIds);
  // The version of each case known: made before the knowledge's limit and not yet superseded by then.
  const { beforePosition, recordedBefore } = knowledge;
  if (beforePosition !== undefined)
    query = query
      .where('position', '<', beforePosition)
      .where((eb) => eb.or([eb('superseded_position', 'is', null), eb('superseded_position', '>=', beforePosition)]));
  if (recordedBefore !== undefined)
    query = query
      .where('recorded_at', '<', recordedBefore)
      .where((eb) =>
        eb.or([eb('superseded_recorded_at', 'is', null), eb('superseded_recorded_at', '>=', recordedBefore)]),
      );
  if (beforePosition === undefined && recordedBefore === undefined)
    query = query.where('superseded_position', 'is', null);
  const rows = await query.orderBy('office_id').orderBy('case_id').execute();

  const perOffice = new Map<string, Tallies[]>();
  for (const row of rows) {
    const officeTallies = perOffice.get(row.office_id) ?? [];
    officeTallies.push(classifyCase(decodeStatisticsView(row.view), window));
    perOffice.set(row.office_id, officeTallies);
  }
  return new Map([...perOffice].map(([officeId, tallies]) => [officeId, addAllTallies(tallies)]));
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
