/**
 * completion_stats (issue 3 item 2; DESIGN.md §7): THADS completion statistics per office and period.
 *
 * The projection keeps facts, not figures: one row per statistically relevant case event, the office hierarchy and
 * the targets. A report classifies each case at the period end from the facts (office-tallies.ts). When an office
 * closes a period, the projection freezes that office's tallies as known just before the close, and the adjustment
 * to its previous closed period; nothing rewrites them afterwards (TTLT 12/2021 Art. 10).
 */
import type { Insertable, Transaction } from 'kysely';
import {
  assertNever,
  caseEventCodec,
  isLocalDate,
  previousPeriod,
  reportingEventCodec,
  reportingYearOf,
  type JsonRecord,
  type PeriodClosed,
  type ReportingEvent,
} from '@thads/domain';
import { streamCategory, type RecordedEvent } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Projection, TableNames } from '../projection';
import { encodeFact, statisticsFactOf, storedDateOf } from './case-statistics-facts';
import { NO_TALLIES } from './classification';
import { subtractTallies } from './statistics';
import {
  COMPLETION_STATS_TABLES,
  createCompletionStatsTables,
  type CompletionStatsCaseFactsTable,
} from './completion-stats.tables';
import {
  closedPeriods,
  closeKey,
  insertSnapshot,
  latestTargets,
  liveOfficeTallies,
  snapshotTallies,
  type Knowledge,
} from './office-tallies';

/** 8 columns × 500 rows stays far below SQLite's 32 766 bound parameters. */
const ROWS_PER_INSERT = 500;

/** The completion_stats projection. */
export const completionStatsProjection: Projection = {
  name: 'completion_stats',
  // 2: facts name their event, and a retraction carries its correction's fact (issue 5).
  version: 2,
  handles: [...caseEventCodec.eventTypes, ...reportingEventCodec.eventTypes],
  tables: COMPLETION_STATS_TABLES,
  createTables: createCompletionStatsTables,
  apply: applyCompletionStats,
};

async function applyCompletionStats(
  events: readonly RecordedEvent[],
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
): Promise<void> {
  let facts: Insertable<CompletionStatsCaseFactsTable>[] = [];
  for (const event of events) {
    if (streamCategory(event.stream) === 'case') {
      const row = caseFactRow(event);
      if (row) facts.push(row);
      continue;
    }
    // A close reads the facts before it, so they are written first.
    await insertFacts(trx, tables, facts);
    facts = [];
    await applyReportingEvent(trx, tables, event);
  }
  await insertFacts(trx, tables, facts);
}

/** The fact row of a case event, or null when the event changes no figure. Throws (a poison event) on a bad payload. */
export function caseFactRow(event: RecordedEvent): Insertable<CompletionStatsCaseFactsTable> | null {
  const decoded = caseEventCodec.decode({ type: event.type, data: event.data as JsonRecord });
  const { caseId, officeId, effectiveDate } = decoded.data;
  if (typeof caseId !== 'string' || typeof officeId !== 'string' || !isLocalDate(effectiveDate)) {
    throw new TypeError(`${event.type} at position ${event.position} lacks caseId, officeId or a valid effectiveDate`);
  }
  const fact = statisticsFactOf(decoded);
  if (!fact) return null;
  return {
    position: event.position,
    case_id: caseId,
    office_id: officeId,
    // A retraction counts from the date of the act it undoes (or its correction's, if earlier): recorded after a close,
    // it becomes an adjustment.
    effective_date: storedDateOf(fact, effectiveDate),
    recorded_at: event.metadata.recordedAt,
    event_type: event.type,
    event_id: event.id,
    fact: encodeFact(fact),
  };
}

async function insertFacts(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
  rows: readonly Insertable<CompletionStatsCaseFactsTable>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await trx
      .insertInto(tables.physical('completion_stats_case_facts'))
      .values(rows.slice(start, start + ROWS_PER_INSERT))
      // Idempotent by position: events never change, so a batch applied twice leaves the rows as they were.
      .onConflict((conflict) => conflict.column('position').doNothing())
      .execute();
  }
}

async function applyReportingEvent(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
  recorded: RecordedEvent,
): Promise<void> {
  const event: ReportingEvent = reportingEventCodec.decode({ type: recorded.type, data: recorded.data as JsonRecord });
  const known = {
    position: recorded.position,
    recorded_at: recorded.metadata.recordedAt,
    effective_date: event.data.effectiveDate,
  };
  switch (event.type) {
    case 'OfficeRegistered':
      await trx
        .insertInto(tables.physical('completion_stats_offices'))
        .values({
          office_id: event.data.officeId,
          name: event.data.name,
          parent_office_id: event.data.parentOfficeId ?? null,
          tier: event.data.tier,
          registered_on: event.data.effectiveDate,
          position: known.position,
          recorded_at: known.recorded_at,
        })
        .onConflict((conflict) => conflict.column('office_id').doNothing())
        .execute();
      return;
    case 'TargetSet':
      await trx
        .insertInto(tables.physical('completion_stats_targets'))
        .values({
          office_id: event.data.officeId,
          reporting_year: BigInt(event.data.reportingYear),
          cases_target_bp: BigInt(event.data.casesTargetBasisPoints),
          money_target_bp: BigInt(event.data.moneyTargetBasisPoints),
          ...known,
        })
        .onConflict((conflict) => conflict.columns(['office_id', 'reporting_year', 'position']).doNothing())
        .execute();
      return;
    case 'PeriodClosed':
      await freezePeriod(trx, tables, event, recorded.position, recorded.metadata.recordedAt);
      return;
    default:
      assertNever(event, 'reporting event');
  }
}

/**
 * Freezes an office's period as known just before the close: its own tallies, its targets, and the adjustment to
 * its previous closed period (what was recorded after that close but took effect inside it, TTLT 12/2021 Art. 10).
 * Computed from the facts before the close's position, so applying the event again, even with later facts already
 * in the table, yields the same rows.
 */
async function freezePeriod(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
  event: PeriodClosed,
  position: bigint,
  recordedAt: string,
): Promise<void> {
  const { officeId, period, effectiveDate } = event.data;
  const knowledge: Knowledge = { beforePosition: position };
  const reportingYear = reportingYearOf(period);
  const target = (await latestTargets(trx, tables, reportingYear, knowledge, [officeId])).get(officeId);
  await trx
    .insertInto(tables.physical('completion_stats_closed_periods'))
    .values({
      office_id: officeId,
      period,
      reporting_year: BigInt(reportingYear),
      effective_date: effectiveDate,
      position,
      recorded_at: recordedAt,
      cases_target_bp: target === undefined ? null : BigInt(target.casesBasisPoints),
      money_target_bp: target === undefined ? null : BigInt(target.moneyBasisPoints),
    })
    .onConflict((conflict) => conflict.columns(['office_id', 'period']).doNothing())
    .execute();

  const own = (await liveOfficeTallies(trx, tables, period, knowledge, [officeId])).get(officeId) ?? NO_TALLIES;
  await insertSnapshot(trx, tables, officeId, period, 'PERIOD', own);

  const previous = previousPeriod(period);
  if (!(await closedPeriods(trx, tables, [previous], knowledge, [officeId])).has(closeKey(officeId, previous))) return;
  const frozen = (await snapshotTallies(trx, tables, previous, 'PERIOD', [officeId])).get(officeId) ?? NO_TALLIES;
  const now = (await liveOfficeTallies(trx, tables, previous, knowledge, [officeId])).get(officeId) ?? NO_TALLIES;
  await insertSnapshot(trx, tables, officeId, period, 'ADJUSTMENT', {
    cases: subtractTallies(now.cases, frozen.cases),
    money: subtractTallies(now.money, frozen.money),
  });
}
