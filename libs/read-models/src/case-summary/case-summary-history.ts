/**
 * case_summary_events: the history case_summary keeps so that a retraction can refold its case. The summary row
 * moves forward event by event; a FactRetracted may undo any earlier event (or lay corrected data over it), which
 * no forward step can do, so the projection folds the case again from these events with the retractions applied.
 *
 * Only the events the fold applies are kept, as recorded (retracted ones included: the retraction is applied when
 * folding, as the command side does). Written in the batch transaction beside the summary rows.
 */
import type { Transaction } from 'kysely';
import type { JsonRecord } from '@thads/domain';
import type { RecordedEvent } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { TableNames } from '../projection';
import type { FoldableEvent } from './case-summary.refold';

/** 6 columns × 1 000 rows = 6 000 bound parameters, far below SQLite's 32 766 (and PostgreSQL's 65 535). */
const ROWS_PER_STATEMENT = 1_000;

/** A folded event and the case it belongs to. */
export interface KeptEvent {
  readonly caseId: string;
  readonly event: RecordedEvent;
}

/** Creates the generation's case_summary_events table, keyed by (case_id, revision). */
export async function createCaseSummaryEventsTable(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
): Promise<void> {
  const table = tables.physical('case_summary_events');
  await trx.schema
    .createTable(table)
    .addColumn('position', 'bigint', (column) => column.notNull())
    .addColumn('case_id', 'text', (column) => column.notNull())
    .addColumn('revision', 'bigint', (column) => column.notNull())
    .addColumn('event_id', 'text', (column) => column.notNull())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('data', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint(`${table}_pk`, ['case_id', 'revision'])
    .execute();
}

/**
 * Keeps `events` (each paired with its case) in the history. A batch applied twice inserts nothing new: the summary's
 * revision guard passes its events over, and a row already there is left alone (ON CONFLICT DO NOTHING).
 */
export async function keepHistory(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
  events: readonly KeptEvent[],
): Promise<void> {
  const table = tables.physical('case_summary_events');
  for (let start = 0; start < events.length; start += ROWS_PER_STATEMENT) {
    const rows = events.slice(start, start + ROWS_PER_STATEMENT).map(({ caseId, event }) => ({
      position: event.position,
      case_id: caseId,
      revision: event.revision,
      event_id: event.id,
      type: event.type,
      data: JSON.stringify(event.data),
    }));
    await trx
      .insertInto(table)
      .values(rows)
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  }
}

/** The kept events of one case, in stream order. Metadata is not kept: no fold reads it. */
export async function historyOf(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
  caseId: string,
): Promise<FoldableEvent[]> {
  const rows = await trx
    .selectFrom(tables.physical('case_summary_events'))
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('revision')
    .execute();
  return rows.map((row) => ({
    id: row.event_id,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
    type: row.type,
    data: JSON.parse(row.data) as JsonRecord,
  }));
}
