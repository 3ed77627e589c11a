/**
 * The transactional steps of a rebuild that are not the claim or the swap: applying a page under the claim, and
 * cleaning up when the rebuild fails.
 */
import type { Kysely, Transaction } from 'kysely';
import type { RecordedEvent } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Projection } from '../projection';
import type { StreamHistory } from '../stream-history';
import { applyProjection } from './apply-projection';
import { lockProjectionRow } from '../database/sql-dialect';
import { loadCheckpoint } from './checkpoints';
import { describeError, insertDeadLetter } from './dead-letters';
import { dropGeneration } from './generations';
import { isInfrastructureError } from './infrastructure-errors';

/** Another rebuild of the projection is alive. */
export class RebuildRefused extends Error {
  override readonly name = 'RebuildRefused';
  constructor(
    readonly projection: string,
    readonly generation: number,
    readonly heartbeatAt: string | null,
  ) {
    super(
      `Projection ${projection} is already being rebuilt into generation ${generation} (last heartbeat ${heartbeatAt ?? 'never'}); use --force if that rebuild died`,
    );
  }
}

/** A forced rebuild took this one's generation over; this one stops without touching anything. */
export class RebuildTakenOver extends Error {
  override readonly name = 'RebuildTakenOver';
  constructor(
    readonly projection: string,
    readonly generation: number,
  ) {
    super(`The rebuild of projection ${projection} into generation ${generation} was taken over by another rebuild`);
  }
}

/** An event failed during a rebuild. */
export class RebuildPoisoned extends Error {
  override readonly name = 'RebuildPoisoned';
  constructor(
    readonly projection: string,
    readonly event: RecordedEvent,
    readonly reason: string,
  ) {
    super(
      `Rebuild of projection ${projection} failed at position ${event.position} (${event.type}, ${event.id}): ${reason}`,
    );
  }
}

/**
 * Applies a page to the rebuild's generation in one transaction that also renews the claim (heartbeat). If the
 * projection throws, replays the page one event per transaction and throws RebuildPoisoned at the event that fails.
 */
export async function applyRebuildPage(
  db: Kysely<ReadModelDatabase>,
  projection: Projection,
  generation: number,
  events: readonly RecordedEvent[],
  now: () => string,
  log: StreamHistory,
): Promise<void> {
  try {
    await applyUnderClaim(db, projection, generation, events, now(), log);
  } catch (error) {
    if (error instanceof RebuildTakenOver || isInfrastructureError(error)) throw error;
    for (const event of events) {
      try {
        await applyUnderClaim(db, projection, generation, [event], now(), log);
      } catch (single) {
        if (single instanceof RebuildTakenOver || isInfrastructureError(single)) throw single;
        throw new RebuildPoisoned(projection.name, event, describeError(single));
      }
    }
  }
}

async function applyUnderClaim(
  db: Kysely<ReadModelDatabase>,
  projection: Projection,
  generation: number,
  events: readonly RecordedEvent[],
  at: string,
  log: StreamHistory,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await renewClaim(trx, projection.name, generation, at);
    if (events.length > 0) await applyProjection(trx, projection, generation, events, log);
  });
}

async function renewClaim(
  trx: Transaction<ReadModelDatabase>,
  name: string,
  generation: number,
  at: string,
): Promise<void> {
  const result = await trx
    .updateTable('projection_checkpoints')
    .set({ rebuild_heartbeat_at: at })
    .where('name', '=', name)
    .where('rebuild_generation', '=', BigInt(generation))
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) throw new RebuildTakenOver(name, generation);
}

/**
 * Drops the failed generation and releases the claim. When the failure is a poison event and the live runner
 * cannot run the old generation either (the code version changed), the projection halts with a dead letter, so
 * the failure shows in health and an operator can skip the event; otherwise the live projection is left as it was.
 */
export async function abandonRebuild(
  db: Kysely<ReadModelDatabase>,
  projection: Projection,
  generation: number,
  error: unknown,
  at: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockProjectionRow(trx, projection.name);
    const checkpoint = await loadCheckpoint(trx, projection.name);
    if (checkpoint?.rebuildGeneration !== generation) return;
    await dropGeneration(trx, projection, generation);
    const liveCannotRun = checkpoint.version !== projection.version;
    const halt = error instanceof RebuildPoisoned && liveCannotRun;
    if (halt)
      await insertDeadLetter(trx, {
        projection: projection.name,
        generation,
        event: error.event,
        reason: error.reason,
        now: at,
      });
    const status = halt ? 'halted' : checkpoint.status === 'rebuilding' ? 'running' : checkpoint.status;
    await trx
      .updateTable('projection_checkpoints')
      .set({ rebuild_generation: null, rebuild_heartbeat_at: null, status, updated_at: at })
      .where('name', '=', projection.name)
      .execute();
  });
}
