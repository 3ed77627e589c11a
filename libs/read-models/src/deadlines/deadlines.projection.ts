/**
 * deadlines (DESIGN.md §6): one row per legal deadline the sweep watches (verification, periodic re-verification,
 * complaint acceptance and resolution), open until its act happens or its case or complaint moves on, with the day a
 * miss was recorded. The deadline sweep reads its open, overdue rows (deadlines.queries.ts).
 *
 * Idempotent by position: each row keeps the position of the last event applied to it, and an update applies only to
 * rows it has not seen; an opening inserts or does nothing. So applying a batch twice leaves the rows as they were.
 */
import { sql, type Transaction } from 'kysely';
import { assertNever } from '@thads/domain';
import type { RecordedEvent } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Projection, TableNames } from '../projection';
import {
  DEADLINE_EVENT_TYPES,
  deadlineChangesOf,
  type DeadlineChange,
  type DeadlineEventChanges,
} from './deadline-changes';

/** The deadlines projection. */
export const deadlinesProjection: Projection = {
  name: 'deadlines',
  version: 1,
  handles: DEADLINE_EVENT_TYPES,
  tables: ['deadlines'],
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
}

async function applyDeadlines(
  events: readonly RecordedEvent[],
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
): Promise<void> {
  for (const event of events) {
    const placed = deadlineChangesOf(event);
    for (const change of placed.changes) await applyChange(trx, tables.physical('deadlines'), event, placed, change);
  }
}

async function applyChange(
  trx: Transaction<ReadModelDatabase>,
  table: 'deadlines',
  event: RecordedEvent,
  placed: DeadlineEventChanges,
  change: DeadlineChange,
): Promise<void> {
  const { position, stream } = event;
  // Every update is limited to rows that have not seen this event (updated_position below it): a replay changes nothing.
  switch (change.change) {
    case 'open':
      await trx
        .insertInto(table)
        .values({
          stream,
          aggregate_id: placed.aggregateId,
          case_id: placed.caseId,
          kind: change.kind,
          level: BigInt(change.level),
          due_on: change.dueOn,
          status: 'open',
          closed_by: null,
          closed_on: null,
          missed_on: null,
          opened_position: position,
          updated_position: position,
        })
        .onConflict((conflict) => conflict.doNothing())
        .execute();
      return;
    case 'close': {
      let query = trx
        .updateTable(table)
        .set({ status: 'closed', closed_by: change.by, closed_on: placed.effectiveDate, updated_position: position })
        .where('stream', '=', stream)
        .where('kind', '=', change.kind)
        .where('status', '=', 'open')
        .where('updated_position', '<', position);
      if (change.level !== undefined) query = query.where('level', '=', BigInt(change.level));
      await query.execute();
      return;
    }
    case 'reopen':
      await trx
        .updateTable(table)
        .set({ status: 'open', closed_by: null, closed_on: null, updated_position: position })
        .where('stream', '=', stream)
        .where('kind', '=', change.kind)
        .where('closed_by', '=', 'PAUSED')
        .where('updated_position', '<', position)
        .execute();
      return;
    case 'missed':
      await trx
        .updateTable(table)
        .set({ missed_on: placed.effectiveDate, updated_position: position })
        .where('stream', '=', stream)
        .where('kind', '=', change.kind)
        .where('level', '=', BigInt(change.level))
        .where('due_on', '=', change.dueOn)
        .where('updated_position', '<', position)
        .execute();
      return;
    default:
      assertNever(change, 'deadline change');
  }
}
