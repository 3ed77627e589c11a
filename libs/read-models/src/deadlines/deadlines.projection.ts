/**
 * deadlines (docs/architecture.md): one row per legal deadline the sweep watches (verification, periodic re-verification,
 * complaint acceptance and resolution), open until its act happens or its case or complaint moves on, with the day a
 * miss was recorded. The deadline sweep reads its open, overdue rows (deadlines.queries.ts).
 *
 * Idempotent by position: each row keeps the position of the last event applied to it, and a change applies only to
 * rows it has not seen (deadline-rows.ts). So applying a batch twice leaves the rows as they were.
 */
import { sql, type Transaction } from 'kysely';
import { streamCategory, type RecordedEvent } from '@thads/event-store';
import { createCaseFoldTables, foldCaseEvents, type CaseFoldTableNames } from '../case-folds';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Projection, TableNames } from '../projection';
import type { StreamHistory } from '../stream-history';
import { caseDeadlineChangesOf, COMPLAINT_DEADLINE_EVENT_TYPES, complaintDeadlineChangesOf } from './deadline-changes';
import { applyDeadlineChanges, type PlacedDeadlineChanges } from './deadline-rows';

const DEADLINES_CASE_FOLDS: CaseFoldTableNames = { states: 'deadlines_case_states' };

/** The deadlines projection. */
export const deadlinesProjection: Projection = {
  name: 'deadlines',
  // 2: case rows follow the domain's open deadlines view of the case folded as the command side folds it.
  // 3: no copy of the case events; a refold reads them from the log (stream-history.ts).
  version: 3,
  handles: ['$ce-case', ...COMPLAINT_DEADLINE_EVENT_TYPES],
  tables: ['deadlines', 'deadlines_case_states'],
  createTables: createDeadlinesTables,
  apply: applyDeadlines,
};

async function createDeadlinesTables(trx: Transaction<ReadModelDatabase>, tables: TableNames): Promise<void> {
  const table = tables.physical('deadlines');
  await trx.schema
    .createTable(table)
    .addColumn('stream', 'text', (column) => column.notNull())
    .addColumn('aggregate_id', 'text', (column) => column.notNull())
    .addColumn('case_id', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('level', 'integer', (column) => column.notNull())
    .addColumn('due_on', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('closed_by', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('missed_on', 'text')
    .addColumn('opened_position', 'bigint', (column) => column.notNull())
    .addColumn('updated_position', 'bigint', (column) => column.notNull())
    .addPrimaryKeyConstraint(`${table}_pk`, ['stream', 'kind', 'level', 'due_on'])
    .execute();
  // The sweep asks for open rows due before a date.
  await trx.schema.createIndex(`${table}_open_by_due_on`).on(table).columns(['status', 'due_on']).execute();
  await createCaseFoldTables(trx, tables, DEADLINES_CASE_FOLDS);
}

async function applyDeadlines(
  events: readonly RecordedEvent[],
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
  history: StreamHistory,
): Promise<void> {
  const caseEvents = events.filter((event) => streamCategory(event.stream) === 'case');
  const placedEvents: PlacedDeadlineChanges[] = (
    await foldCaseEvents(trx, tables, DEADLINES_CASE_FOLDS, caseEvents, history)
  ).map((folded) => ({
    event: folded.event,
    placed: caseDeadlineChangesOf(folded),
  }));
  for (const event of events) {
    if (streamCategory(event.stream) === 'case') continue;
    placedEvents.push({ event, placed: complaintDeadlineChangesOf(event) });
  }
  // Rows of a case and rows of a complaint never meet, but each row sees its changes in log order.
  placedEvents.sort((a, b) => (a.event.position < b.event.position ? -1 : 1));
  await applyDeadlineChanges(trx, tables.physical('deadlines'), placedEvents);
}
