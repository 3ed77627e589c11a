/**
 * complaint_queue: one row per complaint with its level, status, deciding authority and due dates, for the queue of
 * complaints an authority owes an act on. Rows are the domain's complaintQueueView of each complaint's folded state
 * (complaint-queue.fold.ts); the states are kept beside the rows (complaint_queue_states) so a batch folds on from
 * them, and each remembers the stream revision of its last event, so a batch applied twice changes nothing. Event
 * types this build does not know are passed over, not poison: they wait for this projection to learn them.
 */
import type { Transaction } from 'kysely';
import type { ComplaintState } from '@thads/domain';
import type { RecordedEvent } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Projection, TableNames } from '../projection';
import { complaintQueueView } from '@thads/domain';
import { complaintQueueRow, evolveStoredComplaintEvent, type ComplaintQueueRow } from './complaint-queue.fold';

/** 19 columns × 500 rows stays far below SQLite's 32 766 bound parameters. */
const ROWS_PER_STATEMENT = 500;

/** The complaint_queue projection. */
export const complaintQueueProjection: Projection = {
  name: 'complaint_queue',
  version: 2,
  // The whole category, not the codec's list: a complaint event type added later reaches apply, which passes it
  // over until this projection learns it (and is rebuilt), instead of silently never being offered.
  handles: ['$ce-complaint'],
  tables: ['complaint_queue', 'complaint_queue_states'],
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
  await trx.schema
    .createTable(tables.physical('complaint_queue_states'))
    .addColumn('complaint_id', 'text', (column) => column.primaryKey())
    .addColumn('revision', 'bigint', (column) => column.notNull())
    .addColumn('state', 'text', (column) => column.notNull())
    .execute();
}

async function applyComplaintQueue(
  events: readonly RecordedEvent[],
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
): Promise<void> {
  const states = await loadStates(trx, tables, [...new Set(events.map(complaintIdOf))]);
  const changed = new Map<string, ComplaintQueueRow>();
  for (const recorded of events) {
    const complaintId = complaintIdOf(recorded);
    const current = states.get(complaintId);
    if (current && recorded.revision <= current.revision) continue;
    const state = evolveStoredComplaintEvent(current?.state, recorded.type, recorded.data);
    if (state === undefined || state.status === 'none') continue; // nothing to show before ComplaintFiled
    states.set(complaintId, { revision: recorded.revision, state });
    const place = { revision: recorded.revision, position: recorded.position };
    changed.set(complaintId, complaintQueueRow(complaintQueueView(state), recorded.type, place));
  }
  const ids = [...changed.keys()];
  for (let start = 0; start < ids.length; start += ROWS_PER_STATEMENT) {
    const slice = ids.slice(start, start + ROWS_PER_STATEMENT);
    // Replace, not upsert: each row and state is recomputed whole.
    await trx.deleteFrom(tables.physical('complaint_queue')).where('complaint_id', 'in', slice).execute();
    await trx.deleteFrom(tables.physical('complaint_queue_states')).where('complaint_id', 'in', slice).execute();
    await trx
      .insertInto(tables.physical('complaint_queue'))
      .values(slice.map((id) => changed.get(id) as ComplaintQueueRow))
      .execute();
    await trx
      .insertInto(tables.physical('complaint_queue_states'))
      .values(slice.map((id) => ({ complaint_id: id, ...encodeState(states.get(id) as KeptState) })))
      .execute();
  }
}

interface KeptState {
  readonly revision: bigint;
  readonly state: ComplaintState;
}

function encodeState(kept: KeptState): { revision: bigint; state: string } {
  return { revision: kept.revision, state: JSON.stringify(kept.state) };
}

/** The complaint of an event: `data.complaintId` (on every complaint event), else the id in its stream name. */
function complaintIdOf(event: RecordedEvent): string {
  const { complaintId } = event.data;
  if (typeof complaintId === 'string' && complaintId !== '') return complaintId;
  return event.stream.slice('complaint-'.length);
}

async function loadStates(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
  complaintIds: readonly string[],
): Promise<Map<string, KeptState>> {
  const states = new Map<string, KeptState>();
  for (let start = 0; start < complaintIds.length; start += ROWS_PER_STATEMENT) {
    const found = await trx
      .selectFrom(tables.physical('complaint_queue_states') as 'complaint_queue_states')
      .selectAll()
      .where('complaint_id', 'in', complaintIds.slice(start, start + ROWS_PER_STATEMENT))
      .execute();
    for (const row of found)
      states.set(row.complaint_id, { revision: BigInt(row.revision), state: JSON.parse(row.state) as ComplaintState });
  }
  return states;
}
