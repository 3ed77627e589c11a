/**
 * completion_stats (docs/architecture.md): THADS completion statistics per office and period.
 *
 * The projection folds each case as the command side does (case-folds: the domain's evolve, retractions and
 * corrections applied) and keeps every version of the case's statistics view (the domain's: its buckets and money on
 * their effective dates), the office hierarchy and the targets. A report classifies each case's view known at the
 * time at the period end (office-tallies.ts). When an office closes a period, the projection freezes that office's
 * tallies as known just before the close, and the adjustment to its previous closed period; nothing rewrites them
 * afterwards (TTLT 12/2021 Art. 10).
 */
import type { Insertable, Transaction } from 'kysely';
import {
  assertNever,
  officeRegistryEventCodec,
  officesHeldBy,
  periodEndsOn,
  previousPeriod,
  reportingEventCodec,
  reportingYearOf,
  statisticsViewOf,
  type JsonRecord,
  type PeriodClosed,
  type ReportingEvent,
} from '@thads/domain';
import { streamCategory, type RecordedEvent } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Projection, TableNames } from '../projection';
import { foldCaseEvents, type FoldedCaseEvent } from '../case-folds';
import { encodeStatisticsView } from './case-view-json';
import { applyOfficeRegistryEvent, knownStructure } from './office-structure';
import { addAllTallies, NO_TALLIES } from './classification';
import { subtractTallies } from './statistics';
import {
  COMPLETION_STATS_CASE_FOLDS,
  COMPLETION_STATS_TABLES,
  createCompletionStatsTables,
  type CompletionStatsCaseViewsTable,
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
  // 3: versions of the domain's statistics view of each folded case replace the facts mirrored from events.
  // 4: the office registry's successions and renames; a close freezes every office its office holds then.
  // 5: postponed and suspended apart, postponed by agreement, collected on open cases, the ex officio split.
  version: 5,
  handles: ['$ce-case', ...reportingEventCodec.eventTypes, ...officeRegistryEventCodec.eventTypes],
  tables: COMPLETION_STATS_TABLES,
  createTables: createCompletionStatsTables,
  apply: applyCompletionStats,
};

async function applyCompletionStats(
  events: readonly RecordedEvent[],
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
): Promise<void> {
  let caseEvents: RecordedEvent[] = [];
  for (const event of events) {
    if (streamCategory(event.stream) === 'case') {
      caseEvents.push(event);
      continue;
    }
    // A close reads the case views before it, so they are written first.
    await applyCaseEvents(trx, tables, caseEvents);
    caseEvents = [];
    if (streamCategory(event.stream) === 'officeregistry') await applyOfficeRegistryEvent(trx, tables, event);
    else await applyReportingEvent(trx, tables, event);
  }
  await applyCaseEvents(trx, tables, caseEvents);
}

/** Folds the case events and writes a new version of each statistics view they changed. */
async function applyCaseEvents(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
  events: readonly RecordedEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const versions = newViewVersions(await foldCaseEvents(trx, tables, COMPLETION_STATS_CASE_FOLDS, events));
  const table = tables.physical('completion_stats_case_views');
  const firstOfCase = new Map<string, Insertable<CompletionStatsCaseViewsTable>>();
  for (const version of versions) if (!firstOfCase.has(version.case_id)) firstOfCase.set(version.case_id, version);
  // The current version of each case (from an earlier batch) is superseded by the first new one.
  for (const first of firstOfCase.values()) {
    await trx
      .updateTable(table)
      .set({ superseded_position: first.position, superseded_recorded_at: first.recorded_at })
      .where('case_id', '=', first.case_id)
      .where('superseded_position', 'is', null)
      .where('position', '<', first.position)
      .execute();
  }
  for (let start = 0; start < versions.length; start += ROWS_PER_INSERT) {
    await trx
      .insertInto(table)
      .values(versions.slice(start, start + ROWS_PER_INSERT))
      .onConflict((conflict) => conflict.column('position').doNothing())
      .execute();
  }
}

/** A row per event that changed its case's statistics view, each superseded by the next one of its case. */
function newViewVersions(folded: readonly FoldedCaseEvent[]): Insertable<CompletionStatsCaseViewsTable>[] {
  const versions: Insertable<CompletionStatsCaseViewsTable>[] = [];
  const latest = new Map<string, number>();
  for (const { caseId, event, before, after } of folded) {
    const view = statisticsViewOf(after);
    if (view === null) continue;
    const encoded = encodeStatisticsView(view);
    const previous = statisticsViewOf(before);
    if (previous !== null && encodeStatisticsView(previous) === encoded) continue;
    const earlier = latest.get(caseId);
    if (earlier !== undefined)
      versions[earlier] = {
        ...versions[earlier],
        superseded_position: event.position,
        superseded_recorded_at: event.metadata.recordedAt,
      };
    latest.set(caseId, versions.length);
    versions.push({
      position: event.position,
      case_id: caseId,
      office_id: view.officeId,
      recorded_at: event.metadata.recordedAt,
      superseded_position: null,
      superseded_recorded_at: null,
      view: encoded,
    });
  }
  return versions;
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

  // The office's own cases and those of every office it holds at the period end (docs/domain.md "Offices and
  // succession"): after a merger the successor closes the predecessors' cases with its own.
  const { successions } = await knownStructure(trx, tables, knowledge);
  const heldOn = (date: string) => officesHeldBy(successions, officeId, date);
  const own = await heldTallies(trx, tables, period, knowledge, heldOn(periodEndsOn(period)));
  await insertSnapshot(trx, tables, officeId, period, 'PERIOD', own);

  const previous = previousPeriod(period);
  if (!(await closedPeriods(trx, tables, [previous], knowledge, [officeId])).has(closeKey(officeId, previous))) return;
  const frozen = (await snapshotTallies(trx, tables, previous, 'PERIOD', [officeId])).get(officeId) ?? NO_TALLIES;
  const now = await heldTallies(trx, tables, previous, knowledge, heldOn(periodEndsOn(previous)));
  await insertSnapshot(trx, tables, officeId, period, 'ADJUSTMENT', {
    cases: subtractTallies(now.cases, frozen.cases),
    money: subtractTallies(now.money, frozen.money),
  });
}

/** The tallies of a period summed over `officeIds`. */
async function heldTallies(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
  period: string,
  knowledge: Knowledge,
  officeIds: readonly string[],
) {
  return addAllTallies((await liveOfficeTallies(trx, tables, period, knowledge, officeIds)).values());
}
