/**
 * The operator's way past a poison event: `projections skip <name> <position> --reason "…"`. The skip is recorded
 * (who, when, why, which event) in projection_skips; that row is the audit fact, and rebuilds honour it.
 */
import type { Kysely } from 'kysely';
import type { ReadModelDatabase } from '../database/read-model-database';
import { lockProjectionRow } from '../database/sql-dialect';
import { loadCheckpoint } from './checkpoints';
import { openDeadLetters, resolveDeadLetters } from './dead-letters';

/** A skip, as recorded. */
export interface SkipRecord {
  readonly projection: string;
  readonly position: bigint;
  readonly eventId: string;
  readonly eventType: string;
  readonly reason: string;
  readonly actor: string;
  readonly skippedAt: string;
}

/** The skip was not done; the message says why (no reason, nothing halted there, …). */
export class SkipRefused extends Error {
  override readonly name = 'SkipRefused';
}

/** What to skip, who asks and why. */
export interface SkipRequest {
  readonly projection: string;
  readonly position: bigint;
  readonly reason: string;
  readonly actor: string;
  readonly now?: () => Date;
}

/**
 * Passes over the event at `position` for one projection: records the skip, resolves its dead letter and resumes the
 * projection just after it. Only an unresolved dead letter can be skipped, and only with a reason. A running
 * projector picks the change up on its next control poll (or at once with `projector.refresh()`).
 */
export async function skipPoisonEvent(db: Kysely<ReadModelDatabase>, request: SkipRequest): Promise<SkipRecord> {
  const reason = request.reason.trim();
  const actor = request.actor.trim();
  if (!reason)
    throw new SkipRefused('A skip needs a reason (--reason "…"); it is recorded as the audit fact of the skip');
  if (!actor) throw new SkipRefused('A skip needs an actor (--actor or $USER)');
  const skippedAt = (request.now ?? (() => new Date()))().toISOString();
  return db.transaction().execute(async (trx) => {
    await lockProjectionRow(trx, request.projection);
    const checkpoint = await loadCheckpoint(trx, request.projection);
    if (!checkpoint) throw new SkipRefused(`Projection ${request.projection} has no checkpoint: it never ran here`);
    const open = await openDeadLetters(trx, request.projection);
    const letters = open.filter((letter) => letter.position === request.position);
    if (letters.length === 0) {
      const listed = open.map((letter) => letter.position.toString()).join(', ') || 'none';
      throw new SkipRefused(
        `Projection ${request.projection} has no unresolved dead letter at position ${request.position} (open: ${listed})`,
      );
    }
    const record: SkipRecord = {
      projection: request.projection,
      position: request.position,
      eventId: letters[0].eventId,
      eventType: letters[0].eventType,
      reason,
      actor,
      skippedAt,
    };
    await trx
      .insertInto('projection_skips')
      .values({
        projection: record.projection,
        position: record.position,
        event_id: record.eventId,
        event_type: record.eventType,
        reason,
        actor,
        skipped_at: skippedAt,
      })
      .execute();
    await resolveDeadLetters(trx, request.projection, request.position, `skipped by ${actor}: ${reason}`, skippedAt);
    if (checkpoint.status === 'halted') {
      // A dead letter of the active generation: resume right after the poison event. One from a failed rebuild
      // leaves the position alone; the runner starts the rebuild again and it now passes over the event.
      const resumesActive =
        letters.some((letter) => letter.generation === checkpoint.activeGeneration) &&
        checkpoint.position < request.position;
      await trx
        .updateTable('projection_checkpoints')
        .set({
          status: 'running',
          position: resumesActive ? request.position : checkpoint.position,
          updated_at: skippedAt,
        })
        .where('name', '=', request.projection)
        .execute();
    }
    return record;
  });
}

/** Every skip recorded for a projection (or all), oldest first. */
export async function listSkips(db: Kysely<ReadModelDatabase>, projection?: string): Promise<SkipRecord[]> {
  let query = db.selectFrom('projection_skips').selectAll();
  if (projection !== undefined) query = query.where('projection', '=', projection);
  const rows = await query.orderBy('id').execute();
  return rows.map((row) => ({
    projection: row.projection,
    position: BigInt(row.position),
    eventId: row.event_id,
    eventType: row.event_type,
    reason: row.reason,
    actor: row.actor,
    skippedAt: row.skipped_at,
  }));
}

/** The positions skipped for a projection; rebuilds and refolds leave them out. */
export async function skippedPositions(db: Kysely<ReadModelDatabase>, projection: string): Promise<Set<bigint>> {
  const rows = await db
    .selectFrom('projection_skips')
    .select('position')
    .where('projection', '=', projection)
    .execute();
  return new Set(rows.map((row) => BigInt(row.position)));
}
