/**
 * completion_stats (docs/architecture.md): THADS completion statistics per office and period.
 *
 * The projection folds each case as the command side does (case-folds: the domain's evolve, retractions and
 * corrections applied) and keeps report counters per office, reporting year and month: each case's statistics view
 * (the domain's) classified for every period it touches (case-counters.ts), added as the case changes, so a report
 * sums a few rows per office instead of classifying every case (counters.store.ts). It also keeps the office
 * hierarchy and the targets. When an office closes a period, the projection freezes that office's tallies as known
 * just before the close, and the adjustment to its previous closed period; nothing rewrites them afterwards
 * (TTLT 12/2021 Art. 10).
 */
import type { Transaction } from 'kysely';
import {
  assertNever,
  officeRegistryEventCodec,
  officesHeldBy,
  periodEndsOn,
  previousPeriod,
  reportingEventCodec,
  reportingYearOf,
  statisticsViewOf,
  type CaseState,
  type CaseStatisticsView,
  type JsonRecord,
  type LocalDate,
  type PeriodClosed,
  type ReportingEvent,
} from '@thads/domain';
import { streamCategory, type RecordedEvent } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Projection, TableNames } from '../projection';
import type { StreamHistory } from '../stream-history';
import { foldCaseEvents, type FoldedCaseEvent } from '../case-folds';
import { encodeStatisticsView } from './case-view-json';
import { applyOfficeRegistryEvent, knownStructure } from './office-structure';
import { addAllTallies, NO_TALLIES } from './classification';
import { subtractTallies } from './statistics';
import { caseCounters, countersChange, type CaseCounters } from './case-counters';
import {
  COMPLETION_STATS_CASE_FOLDS,
  COMPLETION_STATS_TABLES,
  createCompletionStatsTables,
} from './completion-stats.tables';
import { addToCounters, noteCaseOffices, type CountersChange } from './counters.store';
import {
  closedPeriods,
  closeKey,
  insertSnapshot,
  latestTargets,
  liveOfficeTallies,
  snapshotTallies,
  type Knowledge,
} from './office-tallies';

/** The completion_stats projection. */
export const completionStatsProjection: Projection = {
  name: 'completion_stats',
  // 3: versions of the domain's statistics view of each folded case replace the facts mirrored from events.
  // 4: the office registry's successions and renames; a close freezes every office its office holds then.
  // 5: postponed and suspended apart, postponed by agreement, collected on open cases, the ex officio split.
  // 6: report counters per office, reporting year and month replace the versions of each case's view
  // (docs/read-side.md).
  // 7: a case taken up by the provincial office (CaseTakenUp, rút lên) counts as taken up.
  // 8: counter rows keyed and stored by office and measure first (the report sums them in that order).
  // 9: no copy of the case events; a refold reads them from the log (stream-history.ts).
  version: 9,
  handles: ['$ce-case', ...reportingEventCodec.eventTypes, ...officeRegistryEventCodec.eventTypes],
  tables: COMPLETION_STATS_TABLES,
  createTables: createCompletionStatsTables,
  apply: applyCompletionStats,
};

async function applyCompletionStats(
  events: readonly RecordedEvent[],
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
  history: StreamHistory,
): Promise<void> {
  let caseEvents: RecordedEvent[] = [];
  for (const event of events) {
    if (streamCategory(event.stream) === 'case') {
      caseEvents.push(event);
      continue;
    }
    // A close reads the case views before it, so they are written first.
    await applyCaseEvents(trx, tables, caseEvents, history);
    caseEvents = [];
    if (streamCategory(event.stream) === 'officeregistry') await applyOfficeRegistryEvent(trx, tables, event);
    else await applyReportingEvent(trx, tables, event);
  }
  await applyCaseEvents(trx, tables, caseEvents, history);
}

/**
 * Folds the case events and adds each case's change of counters (case-counters.ts): the counters of its statistics
 * view after the batch minus those before it, split by the local date the events were recorded on, so a report as
 * known on a past date reads only what was recorded by then.
 */
async function applyCaseEvents(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
  events: readonly RecordedEvent[],
  history: StreamHistory,
): Promise<void> {
  if (events.length === 0) return;
  const folded = await foldCaseEvents(trx, tables, COMPLETION_STATS_CASE_FOLDS, events, history);
  const changes: CountersChange[] = [];
  const offices = new Set<string>();
  for (const run of recordingRuns(folded)) {
    const before = statisticsViewOf(run.before);
    const after = statisticsViewOf(run.after);
    if (after !== null) offices.add(after.officeId);
    const beforeText = before === null ? null : encodeStatisticsView(before);
    const afterText = after === null ? null : encodeStatisticsView(after);
    if (beforeText === afterText) continue;
    changes.push({
      knownOn: run.knownOn,
      counters: countersChange(countersOf(before, beforeText), countersOf(after, afterText)),
    });
  }
  await addToCounters(trx, tables, changes);
  await noteCaseOffices(trx, tables, offices);
}

/**
 * The counters of a view, remembered by the view's text: a case's counters after one batch are its counters before
 * the next, so each is computed once. Keyed by content, so it is right for any database and generation.
 */
const recentCounters = new Map<string, CaseCounters>();
const RECENT_COUNTERS = 5_000;
/** A long case's view (thousands of collections) is not kept: each batch would leave another copy of it. */
const LONGEST_KEPT = 16_384;

function countersOf(view: CaseStatisticsView | null, text: string | null): CaseCounters {
  if (view === null || text === null) return new Map();
  const known = recentCounters.get(text);
  if (known) return known;
  const counters = caseCounters(view);
  if (text.length > LONGEST_KEPT) return counters;
  recentCounters.set(text, counters);
  if (recentCounters.size > RECENT_COUNTERS) recentCounters.delete(recentCounters.keys().next().value as string);
  return counters;
}

/** A case's consecutive events of a batch recorded on one local date: the state before the first and after the last. */
interface RecordingRun {
  readonly knownOn: LocalDate;
  readonly before: CaseState;
  readonly after: CaseState;
}

function recordingRuns(folded: readonly FoldedCaseEvent[]): RecordingRun[] {
  const open = new Map<string, { knownOn: LocalDate; before: CaseState; after: CaseState }>();
  const runs: RecordingRun[] = [];
  for (const { caseId, event, before, after } of folded) {
    const knownOn = localDateOf(event.metadata.recordedAt);
    const current = open.get(caseId);
    if (current && current.knownOn === knownOn) {
      current.after = after;
      continue;
    }
    if (current) runs.push(current);
    open.set(caseId, { knownOn, before, after });
  }
  return [...runs, ...open.values()];
}

/** The local date (Asia/Ho_Chi_Minh, UTC+7, no daylight saving) of a recordedAt instant. */
export function localDateOf(recordedAt: string): LocalDate {
  return new Date(Date.parse(recordedAt) + 7 * 3_600_000).toISOString().slice(0, 10) as LocalDate;
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
 * Read from the counters when the close is applied, which hold the facts before its position; the rows are written
 * once (a close applied again writes nothing new).
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
