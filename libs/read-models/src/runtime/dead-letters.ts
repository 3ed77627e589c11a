/**
 * Dead letters: the events that halted a projection, with the reason. Rows are kept after resolution, as history.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { RecordedEvent } from '@thads/event-store';
import type { ProjectionDeadLettersTable, ReadModelDatabase } from '../database/read-model-database';

/** An event a projection could not apply. */
export interface DeadLetter {
  readonly projection: string;
  readonly generation: number;
  readonly position: bigint;
  readonly eventId: string;
  readonly eventType: string;
  readonly stream: string;
  readonly reason: string;
  readonly recordedAt: string;
  readonly resolvedAt: string | null;
  readonly resolution: string | null;
}

type Reader = Kysely<ReadModelDatabase> | Transaction<ReadModelDatabase>;

/** Records that `event` could not be applied to the projection's `generation`. */
export async function insertDeadLetter(
  trx: Transaction<ReadModelDatabase>,
  entry: { projection: string; generation: number; event: RecordedEvent; reason: string; now: string },
): Promise<void> {
  await trx
    .insertInto('projection_dead_letters')
    .values({
      projection: entry.projection,
      generation: BigInt(entry.generation),
      position: entry.event.position,
      event_id: entry.event.id,
      event_type: entry.event.type,
      stream: entry.event.stream,
      reason: entry.reason,
      recorded_at: entry.now,
      resolved_at: null,
      resolution: null,
    })
    .execute();
}

/** Unresolved dead letters, of one projection or all, in position order. */
export async function openDeadLetters(db: Reader, projection?: string): Promise<DeadLetter[]> {
  let query = db.selectFrom('projection_dead_letters').selectAll().where('resolved_at', 'is', null);
  if (projection !== undefined) query = query.where('projection', '=', projection);
  const rows = await query.orderBy('projection').orderBy('position').execute();
  return rows.map(toDeadLetter);
}

/** Marks the projection's open dead letters at or before `position` resolved, with how. */
export async function resolveDeadLetters(
  trx: Transaction<ReadModelDatabase>,
  projection: string,
  position: bigint,
  resolution: string,
  now: string,
): Promise<void> {
  await trx
    .updateTable('projection_dead_letters')
    .set({ resolved_at: now, resolution })
    .where('projection', '=', projection)
    .where('resolved_at', 'is', null)
    .where('position', '<=', position)
    .execute();
}

/** The reason recorded for an error thrown by a projection: its name and message, never a stack. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `Non-error thrown: ${String(error)}`;
}

function toDeadLetter(row: Selectable<ProjectionDeadLettersTable>): DeadLetter {
  return {
    projection: row.projection,
    generation: Number(row.generation),
    position: BigInt(row.position),
    eventId: row.event_id,
    eventType: row.event_type,
    stream: row.stream,
    reason: row.reason,
    recordedAt: row.recorded_at,
    resolvedAt: row.resolved_at,
    resolution: row.resolution,
  };
}
