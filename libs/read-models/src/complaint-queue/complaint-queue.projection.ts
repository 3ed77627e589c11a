/**
 * complaint_queue: one row per complaint with its
 * level, status, deciding authority and due dates, for the queue of complaints an authority owes an act on.
 *
 * Like case_summary, a batch is folded in memory and each row remembers the stream revision of its last event, so a
 * batch applied twice leaves the rows as they were. Event types it does not fold are passed over, not poison: the
 * sweep's ComplaintDeadlineMissed only sets a flag, and types added later wait for this projection to learn them.
 */
import type { Transaction } from 'kysely';
import { complaintEventCodec, type JsonRecord } from '@thads/domain';
import type { RecordedEvent } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Projection, TableNames } from '../projection';
import {
  COMPLAINT_DEADLINE_MISSED,
  foldComplaintQueue,
  passedOver,
  type ComplaintLifecycleEvent,
  type ComplaintQueueRow,
} from './complaint-queue.fold';

/** 19 columns × 500 rows stays far below SQLite's 32 766 bound parameters. */
const ROWS_PER_STATEMENT = 500;

/** The complaint_queue projection. */
export const complaintQueueProjection: Projection = {
  name: 'complaint_queue',
  version: 1,
  // The whole category, not the codec's list: a complaint event type added later reaches apply, which passes it
  // over until this projection learns it (and is rebuilt), instead of silently never being offered.
  handles: ['$ce-complaint'],
  tables: ['complaint_queue'],
  createTables: createComplaintQueueTables,
  apply: applyComplaintQueue,
  // The change feed names rows by their key, the complaint id, rather than by stream.
  changedKeys: (events) => events.map((event) => ({ key: complaintIdOf(event), position: event.position })),
};

async function createComplaintQueueTables(trx: Transaction<ReadModelDatabase>, tables: TableNames): Promise<void> {
  const table = tables.physical('complaint_queue');
  await trx.schema
    .createTable(table)
    .addColumn('complaint_id', 'text', (column) => column.primaryKey())
    .addColumn('case_id', 'text', (column) => column.notNull())
    .addColumn('office_id', 'text', (column) => column.notNull())
    .addColumn('respondent_role', 'text', (column) => column.notNull())
    .addColumn('complaint_group', 'text', (column) => column.notNull())
    .addColumn('level', 'bigint', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('deciding_authority', 'text', (column) => column.notNull())
    .addColumn('filed_on', 'text', (column) => column.notNull())
    .addColumn('acceptance_due_on', 'text', (column) => column.notNull())
    .addColumn('resolution_due_on', 'text')
    .addColumn('escalation_deadline', 'text')
    .addColumn('next_due_on', 'text')
    .addColumn('last_act_on', 'text', (column) => column.notNull())
    .addColumn('deadline_missed', 'bigint', (column) => column.notNull())
    .addColumn('last_event_type', 'text', (column) => column.notNull())
    .addColumn('revision', 'bigint', (column) => column.notNull())
    .addColumn('position', 'bigint', (column) => column.notNull())
    .execute();
  // The queue is read in due-date order, often for one office; complaint_id ends each index as the tie-breaker.
  await trx.schema.createIndex(`${table}_by_next_due_on`).on(table).columns(['next_due_on', 'complaint_id']).execute();
  await trx.schema
    .createIndex(`${table}_by_office_id`)
    .on(table)
    .columns(['office_id', 'next_due_on', 'complaint_id'])
    .execute();
  await trx.schema.createIndex(`${table}_by_case_id`).on(table).columns(['case_id']).execute();
}

async function applyComplaintQueue(
  events: readonly RecordedEvent[],
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
): Promise<void> {
  const table = tables.physical('complaint_queue');
  const rows = await loadRows(trx, table, [...new Set(events.map(complaintIdOf))]);
  const changed = new Set<string>();
  for (const recorded of events) {
    const complaintId = complaintIdOf(recorded);
    const current = rows.get(complaintId);
    if (current && recorded.revision <= current.revision) continue;
    const place = { revision: recorded.revision, position: recorded.position };
    if (isFolded(recorded.type)) {
      const event = complaintEventCodec.decode({
        type: recorded.type,
        data: recorded.data as JsonRecord,
      }) as ComplaintLifecycleEvent;
      rows.set(complaintId, foldComplaintQueue(current, event, place));
    } else if (current) {
      rows.set(complaintId, passedOver(current, recorded.type, place));
    } else {
      continue; // Nothing to note on a complaint this model has not seen filed.
    }
    changed.add(complaintId);
  }
  const written = [...changed].map((complaintId) => rows.get(complaintId) as ComplaintQueueRow);
  for (let start = 0; start < written.length; start += ROWS_PER_STATEMENT) {
    const slice = written.slice(start, start + ROWS_PER_STATEMENT);
    // Replace, not upsert: each row is recomputed whole by the fold.
    await trx
      .deleteFrom(table)
      .where(
        'complaint_id',
        'in',
        slice.map((row) => row.complaint_id),
      )
      .execute();
    await trx.insertInto(table).values(slice).execute();
  }
}

/** Types the fold applies; the sweep's event and types unknown to the codec are passed over, never poison. */
function isFolded(type: string): boolean {
  return type !== COMPLAINT_DEADLINE_MISSED && (complaintEventCodec.eventTypes as readonly string[]).includes(type);
}

/** The complaint of an event: `data.complaintId` (on every complaint event), else the id in its stream name. */
function complaintIdOf(event: RecordedEvent): string {
  const { complaintId } = event.data;
  if (typeof complaintId === 'string' && complaintId !== '') return complaintId;
  return event.stream.slice('complaint-'.length);
}

async function loadRows(
  trx: Transaction<ReadModelDatabase>,
  table: 'complaint_queue',
  complaintIds: readonly string[],
): Promise<Map<string, ComplaintQueueRow>> {
  const rows = new Map<string, ComplaintQueueRow>();
  for (let start = 0; start < complaintIds.length; start += ROWS_PER_STATEMENT) {
    const found = await trx
      .selectFrom(table)
      .selectAll()
      .where('complaint_id', 'in', complaintIds.slice(start, start + ROWS_PER_STATEMENT))
      .execute();
    for (const row of found) rows.set(row.complaint_id, row);
  }
  return rows;
}
