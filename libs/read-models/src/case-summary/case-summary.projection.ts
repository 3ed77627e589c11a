/**
 * case_summary: one row per case with its status, office, officer, money, dates and the earliest open legal deadline,
 * for lists that filter, sort and page.
 *
 * Each case is folded as the command side folds it (case-folds: the domain's evolve, a retraction refolding the case
 * from its kept history), and its row is the domain's summary view of the folded state (libs/domain
 * case/views/case-summary-view.ts), plus where in the log it stands. A batch applied twice folds nothing again.
 */
import type { Insertable, Transaction } from 'kysely';
import { caseSummaryOf } from '@thads/domain';
import type { RecordedEvent } from '@thads/event-store';
import { caseIdOf, createCaseFoldTables, foldCaseEvents, type CaseFoldTableNames } from '../case-folds';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Projection, TableNames } from '../projection';
import type { StreamHistory } from '../stream-history';
import { caseSummaryRow } from './case-summary.rows';
import type { CaseSummaryTable } from './case-summary.table';

/** 17 columns × 500 rows stays far below SQLite's 32 766 bound parameters. */
const ROWS_PER_STATEMENT = 500;

const CASE_SUMMARY_FOLDS: CaseFoldTableNames = { states: 'case_summary_states' };

/** The case_summary projection. */
export const caseSummaryProjection: Projection = {
  name: 'case_summary',
  // 3: rows are the domain's summary view of the case folded as the command side folds it.
  // 4: no copy of the case events; a refold reads them from the log (stream-history.ts).
  version: 4,
  // The whole category, not the codec's list: a case event type added later reaches apply, which passes it over
  // until this projection learns it (and is rebuilt), instead of silently never being offered.
  handles: ['$ce-case'],
  tables: ['case_summary', 'case_summary_states'],
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
  await createCaseFoldTables(trx, tables, CASE_SUMMARY_FOLDS);
}

async function applyCaseSummary(
  events: readonly RecordedEvent[],
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
  history: StreamHistory,
): Promise<void> {
  const table = tables.physical('case_summary');
  // The row of each case after the batch's last event of it.
  const rows = new Map<string, Insertable<CaseSummaryTable>>();
  for (const { caseId, event, after } of await foldCaseEvents(trx, tables, CASE_SUMMARY_FOLDS, events, history)) {
    const summary = caseSummaryOf(after);
    if (summary === null) continue; // Nothing to show of a case not received yet.
    rows.set(
      caseId,
      caseSummaryRow(summary, { lastEventType: event.type, revision: event.revision, position: event.position }),
    );
  }
  const changed = [...rows.values()];
  for (let start = 0; start < changed.length; start += ROWS_PER_STATEMENT) {
    const slice = changed.slice(start, start + ROWS_PER_STATEMENT);
    // Replace, not upsert: the row is recomputed whole from the view.
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
