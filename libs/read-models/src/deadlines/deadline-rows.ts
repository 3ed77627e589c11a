/**
 * A batch's deadline changes applied to the rows of the streams it touches in memory, then written back at once: one
 * read of those rows and one upsert per 500 changed rows, instead of a statement per change (docs/performance.md,
 * change 28). Each change keeps the rule its own statement had, in log order:
 * - open: inserts the row, or reopens it (status open, no closing) when it has not seen this event;
 * - close: closes the stream's open rows of the kind (of the level, or the due date, when given) not seen yet;
 * - missed / unmissed: sets or clears the day the miss was recorded on the row, when not seen yet.
 * A row remembers the position of the last event applied to it (updated_position), so a replay changes nothing.
 */
import type { Insertable, Transaction } from 'kysely';
import { assertNever } from '@thads/domain';
import type { RecordedEvent } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { DeadlineChange, DeadlineEventChanges } from './deadline-changes';
import type { DeadlinesTable } from './deadlines.table';

/** 12 columns × 500 rows = 6 000 bound parameters, far below SQLite's 32 766 (and PostgreSQL's 65 535). */
const ROWS_PER_STATEMENT = 500;

type DeadlineRow = Insertable<DeadlinesTable> & { level: bigint; updated_position: bigint };

/** The changes one event makes, in the order the log gives them. */
export interface PlacedDeadlineChanges {
  readonly event: RecordedEvent;
  readonly placed: DeadlineEventChanges;
}

/** Applies the changes, in the order given, to the generation's deadlines table. */
export async function applyDeadlineChanges(
  trx: Transaction<ReadModelDatabase>,
  table: 'deadlines',
  placedEvents: readonly PlacedDeadlineChanges[],
): Promise<void> {
  const streams = [
    ...new Set(placedEvents.filter(({ placed }) => placed.changes.length > 0).map(({ event }) => event.stream)),
  ];
  if (streams.length === 0) return;
  const rows = await loadRows(trx, table, streams);
  const changed = new Set<DeadlineRow>();
  for (const { event, placed } of placedEvents) {
    for (const change of placed.changes) applyChange(rows, event, placed, change, changed);
  }
  await saveRows(trx, table, [...changed]);
}

function applyChange(
  rows: Map<string, DeadlineRow[]>,
  event: RecordedEvent,
  placed: DeadlineEventChanges,
  change: DeadlineChange,
  changed: Set<DeadlineRow>,
): void {
  const { position, stream } = event;
  const ofStream = rows.get(stream) ?? [];
  rows.set(stream, ofStream);
  const unseen = (row: DeadlineRow) => row.updated_position < position;
  switch (change.change) {
    case 'open': {
      const row = ofStream.find((candidate) => sameDeadline(candidate, change.kind, change.level, change.dueOn));
      if (row === undefined) {
        const opened: DeadlineRow = {
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
        };
        ofStream.push(opened);
        changed.add(opened);
      } else if (unseen(row)) {
        // A row the case owes again (a resumption back to `decided`, a retracted act) reopens.
        Object.assign(row, { status: 'open', closed_by: null, closed_on: null, updated_position: position });
        changed.add(row);
      }
      return;
    }
    case 'close':
      for (const row of ofStream) {
        if (row.kind !== change.kind || row.status !== 'open' || !unseen(row)) continue;
        if (change.level !== undefined && row.level !== BigInt(change.level)) continue;
        if (change.dueOn !== undefined && row.due_on !== change.dueOn) continue;
        Object.assign(row, {
          status: 'closed',
          closed_by: change.by,
          closed_on: placed.effectiveDate,
          updated_position: position,
        });
        changed.add(row);
      }
      return;
    case 'missed':
    case 'unmissed': {
      const row = ofStream.find((candidate) => sameDeadline(candidate, change.kind, change.level, change.dueOn));
      if (row === undefined || !unseen(row)) return;
      row.missed_on = change.change === 'missed' ? placed.effectiveDate : null;
      row.updated_position = position;
      changed.add(row);
      return;
    }
    default:
      assertNever(change, 'deadline change');
  }
}

function sameDeadline(row: DeadlineRow, kind: string, level: number, dueOn: string): boolean {
  return row.kind === kind && row.level === BigInt(level) && row.due_on === dueOn;
}

async function loadRows(
  trx: Transaction<ReadModelDatabase>,
  table: 'deadlines',
  streams: readonly string[],
): Promise<Map<string, DeadlineRow[]>> {
  const rows = new Map<string, DeadlineRow[]>();
  for (let start = 0; start < streams.length; start += ROWS_PER_STATEMENT) {
    const found = await trx
      .selectFrom(table)
      .selectAll()
      .where('stream', 'in', streams.slice(start, start + ROWS_PER_STATEMENT))
      .execute();
    for (const row of found) {
      const typed: DeadlineRow = { ...row, level: BigInt(row.level), updated_position: BigInt(row.updated_position) };
      const ofStream = rows.get(row.stream);
      if (ofStream) ofStream.push(typed);
      else rows.set(row.stream, [typed]);
    }
  }
  return rows;
}

/** Writes the changed rows whole: inserted when new, every other column replaced when the key exists. */
async function saveRows(
  trx: Transaction<ReadModelDatabase>,
  table: 'deadlines',
  changed: readonly DeadlineRow[],
): Promise<void> {
  for (let start = 0; start < changed.length; start += ROWS_PER_STATEMENT) {
    await trx
      .insertInto(table)
      .values(changed.slice(start, start + ROWS_PER_STATEMENT))
      .onConflict((conflict) =>
        conflict.columns(['stream', 'kind', 'level', 'due_on']).doUpdateSet((eb) => ({
          aggregate_id: eb.ref('excluded.aggregate_id'),
          case_id: eb.ref('excluded.case_id'),
          status: eb.ref('excluded.status'),
          closed_by: eb.ref('excluded.closed_by'),
          closed_on: eb.ref('excluded.closed_on'),
          missed_on: eb.ref('excluded.missed_on'),
          opened_position: eb.ref('excluded.opened_position'),
          updated_position: eb.ref('excluded.updated_position'),
        })),
      )
      .execute();
  }
}
