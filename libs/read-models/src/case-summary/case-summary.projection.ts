/**
 * case_summary (issue 3 item 5): one row per case with its status, office, officer, money, dates and the earliest
 * open legal deadline, for lists that filter, sort and page.
 *
 * A batch is folded in memory: the rows of the cases it touches are loaded once, each event is folded into its
 * case's summary, and the changed rows are written back. Each row remembers the stream revision of its last event,
 * so an event at or below it is passed over: a batch applied twice leaves the rows as they were.
 *
 * A FactRetracted (CorrectRecordedFact) may undo, or correct, any earlier event of its case, so the case is folded
 * again from scratch: from the events this projection keeps in case_summary_events (and those earlier in the batch),
 * with the retractions applied as the command side applies them. The row then equals a fold of the whole stream with
 * retractions applied. Only retractions pay for a refold; every other event costs one more row written.
 */
import type { Transaction } from 'kysely';
import { FACT_RETRACTED } from '@thads/domain';
import type { RecordedEvent } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Projection, TableNames } from '../projection';
import { createCaseSummaryEventsTable, historyOf, keepHistory, type KeptEvent } from './case-summary-history';
import { passedOver, type CaseSummary } from './case-summary.fold';
import { foldRecordedEvent, isFolded, refoldCaseSummary } from './case-summary.refold';
import { caseSummaryFromRow, caseSummaryRow } from './case-summary.rows';

/** 18 columns × 500 rows stays far below SQLite's 32 766 bound parameters. */
const ROWS_PER_STATEMENT = 500;

/** The case_summary projection. */
export const caseSummaryProjection: Projection = {
  name: 'case_summary',
  // 2: the kept history (case_summary_events) and refolds on retractions; rows built by 1 missed both.
  version: 2,
  // The whole category, not the codec's list: a case event type added later reaches apply, which passes it over
  // until this projection learns it (and is rebuilt), instead of silently never being offered.
  handles: ['$ce-case'],
  tables: ['case_summary', 'case_summary_events'],
  createTables: createCaseSummaryTables,
  apply: applyCaseSummary,
  // The change feed names rows by their key, the case id, rather than by stream.
  changedKeys: (events) => events.map((event) => ({ key: caseIdOf(event), position: event.position })),
};

async function createCaseSummaryTables(trx: Transaction<ReadModelDatabase>, tables: TableNames): Promise<void> {
  const table = tables.physical('case_summary');
  await trx.schema
    .createTable(table)
    .addColumn('case_id', 'text', (column) => column.primaryKey())
    .addColumn('office_id', 'text', (column) => column.notNull())
    .addColumn('source', 'text', (column) => column.notNull())
    .addColumn('mode', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('officer_id', 'text')
    .addColumn('owed_vnd', 'text', (column) => column.notNull())
    .addColumn('collected_vnd', 'text', (column) => column.notNull())
    .addColumn('disbursed_vnd', 'text', (column) => column.notNull())
    .addColumn('received_on', 'text', (column) => column.notNull())
    .addColumn('decision_on', 'text')
    .addColumn('next_due_on', 'text')
    .addColumn('next_due_kind', 'text')
    .addColumn('last_event_type', 'text', (column) => column.notNull())
    .addColumn('last_effective_date', 'text', (column) => column.notNull())
    .addColumn('revision', 'bigint', (column) => column.notNull())
    .addColumn('position', 'bigint', (column) => column.notNull())
    .addColumn('tracking', 'text', (column) => column.notNull())
    .execute();
  // Lists filter by office (and often status) and sort by one of these; case_id ends each index as the tie-breaker.
  for (const columns of [
    ['office_id', 'status', 'case_id'],
    ['received_on', 'case_id'],
    ['next_due_on', 'case_id'],
    ['owed_vnd', 'case_id'],
    ['officer_id', 'case_id'],
  ]) {
    await trx.schema.createIndex(`${table}_by_${columns[0]}`).on(table).columns(columns).execute();
  }
  await createCaseSummaryEventsTable(trx, tables);
}

async function applyCaseSummary(
  events: readonly RecordedEvent[],
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
): Promise<void> {
  const table = tables.physical('case_summary');
  const summaries = await loadSummaries(trx, table, [...new Set(events.map(caseIdOf))]);
  const changed = new Set<string>();
  // The folded events of this batch, for the history; a refold later in the batch reads its case's from here.
  const kept: KeptEvent[] = [];
  for (const recorded of events) {
    const caseId = caseIdOf(recorded);
    const current = summaries.get(caseId);
    if (current && recorded.revision <= current.revision) continue;
    if (isFolded(recorded.type)) {
      summaries.set(
        caseId,
        recorded.type === FACT_RETRACTED
          ? await refolded(trx, tables, caseId, kept, recorded)
          : foldRecordedEvent(current, recorded),
      );
      kept.push({ caseId, event: recorded });
    } else if (current) {
      summaries.set(
        caseId,
        passedOver(current, recorded.type, { revision: recorded.revision, position: recorded.position }),
      );
    } else {
      continue; // Nothing to note on a case this model has not seen received.
    }
    changed.add(caseId);
  }
  await keepHistory(trx, tables, kept);
  const rows = [...changed].map((caseId) => caseSummaryRow(summaries.get(caseId) as CaseSummary));
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const slice = rows.slice(start, start + ROWS_PER_STATEMENT);
    // Replace, not upsert: the row is recomputed whole from the folded summary.
    await trx
      .deleteFrom(table)
      .where(
        'case_id',
        'in',
        slice.map((row) => row.case_id),
      )
      .execute();
    await trx.insertInto(table).values(slice).execute();
  }
}

/** The case folded again from its kept history, the batch's earlier events of it, and the retraction itself. */
async function refolded(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
  caseId: string,
  kept: readonly KeptEvent[],
  retraction: RecordedEvent,
): Promise<CaseSummary> {
  const earlierInBatch = kept.filter((entry) => entry.caseId === caseId).map((entry) => entry.event);
  return refoldCaseSummary([...(await historyOf(trx, tables, caseId)), ...earlierInBatch, retraction]);
}

async function loadSummaries(
  trx: Transaction<ReadModelDatabase>,
  table: 'case_summary',
  caseIds: readonly string[],
): Promise<Map<string, CaseSummary>> {
  const summaries = new Map<string, CaseSummary>();
  for (let start = 0; start < caseIds.length; start += ROWS_PER_STATEMENT) {
    const rows = await trx
      .selectFrom(table)
      .selectAll()
      .where('case_id', 'in', caseIds.slice(start, start + ROWS_PER_STATEMENT))
      .execute();
    for (const row of rows) summaries.set(row.case_id, caseSummaryFromRow(row));
  }
  return summaries;
}

/** The case of an event: `data.caseId` (on every case event), else the id in its `case-<id>` stream name. */
function caseIdOf(event: RecordedEvent): string {
  const { caseId } = event.data;
  if (typeof caseId === 'string' && caseId !== '') return caseId;
  return event.stream.slice('case-'.length);
}
