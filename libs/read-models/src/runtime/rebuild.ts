/**
 * Rebuilding a projection into a new generation while readers keep the old one (docs/architecture.md).
 *
 * 1. Claim: in one transaction, mark `rebuild_generation = N+1` and create its tables. A rebuild already running
 *    elsewhere is refused unless its heartbeat is stale or `force` is set. When the code version differs from the one
 *    that built N, the live runner cannot feed N any more and the status shows `rebuilding`; otherwise the live
 *    runner keeps N current until the swap.
 * 2. Replay from the first event in pages, each page in its own transaction that also renews the claim.
 * 3. Swap: in one transaction, apply what arrived since, point the views at N+1, log one `$rebuilt` change, set the
 *    checkpoint, drop N.
 * Operator skips are honoured, so a rebuild passes over the same events the live projection did.
 */
import type { Kysely } from 'kysely';
import type { EventStore, RecordedEvent } from '@thads/event-store';
import { logRebuildSwap } from '../change-feed/change-log';
import type { ReadModelDatabase } from '../database/read-model-database';
import { projectionHandles, type Projection } from '../projection';
import { eventStoreHistory } from '../stream-history';
import { applyProjection } from './apply-projection';
import { lockProjectionRow } from '../database/sql-dialect';
import { ensureCheckpoint, loadCheckpoint, NO_POSITION } from './checkpoints';
import { resolveDeadLetters } from './dead-letters';
import { createGeneration, dropGeneration, pointViewsAt } from './generations';
import { isInfrastructureError } from './infrastructure-errors';
import { abandonRebuild, applyRebuildPage, RebuildRefused, RebuildTakenOver } from './rebuild-steps';
import { DEFAULT_BATCH_SIZE } from './projector-contract';
import { skippedPositions } from './skip';

export { RebuildPoisoned, RebuildRefused, RebuildTakenOver } from './rebuild-steps';

/** Progress after each page, for a progress bar. */
export interface RebuildProgress {
  readonly projection: string;
  readonly generation: number;
  readonly position: bigint;
  readonly headPosition: bigint;
  readonly eventsRead: number;
}

/** Options of rebuildProjection. */
export interface RebuildOptions {
  readonly eventStore: EventStore;
  readonly db: Kysely<ReadModelDatabase>;
  readonly projection: Projection;
  /** Events per page. Default DEFAULT_BATCH_SIZE. */
  readonly batchSize?: number;
  /** Take over a rebuild that looks alive. */
  readonly force?: boolean;
  /** A claim whose heartbeat is older than this is considered dead. Default 60 000 ms. */
  readonly staleAfterMs?: number;
  readonly onProgress?: (progress: RebuildProgress) => void | Promise<void>;
  /** Abandons the rebuild between pages; the new generation is dropped. */
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
}

/** What a finished rebuild swapped in. */
export interface RebuildResult {
  readonly projection: string;
  readonly generation: number;
  readonly previousGeneration: number;
  readonly version: number;
  readonly position: bigint;
  readonly eventsRead: number;
}

/**
 * Rebuilds the projection from position 0 into a new generation and swaps it in when caught up. Throws
 * RebuildRefused (another live rebuild), RebuildPoisoned (an event failed; the new generation is dropped, and when
 * the live runner cannot run the old generation either, the projection halts with a dead letter) or
 * RebuildTakenOver (someone forced a new rebuild meanwhile).
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { db, projection } = options;
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  await ensureCheckpoint(db, projection, now());
  const generation = await claim(options, now);
  const skipped = await skippedPositions(db, projection.name);
  let position = NO_POSITION;
  let eventsRead = 0;
  try {
    for (;;) {
      if (options.signal?.aborted) throw options.signal.reason ?? new Error('Rebuild aborted');
      const page = await readPage(options, position);
      if (page.length > 0) {
        await applyRebuildPage(
          db,
          projection,
          generation,
          page.filter((event) => wanted(projection, skipped, event)),
          now,
          eventStoreHistory(options.eventStore),
        );
        position = page[page.length - 1].position;
        eventsRead += page.length;
        await options.onProgress?.({
          projection: projection.name,
          generation,
          position,
          headPosition: await options.eventStore.headPosition(),
          eventsRead,
        });
      }
      if (page.length < (options.batchSize ?? DEFAULT_BATCH_SIZE)) {
        const swapped = await trySwap(options, generation, skipped, position, now);
        if (swapped) return Object.assign({}, swapped, { eventsRead: eventsRead + swapped.remainder });
      }
    }
  } catch (error) {
    if (!(error instanceof RebuildTakenOver)) await abandonRebuild(db, projection, generation, error, now());
    throw error;
  }
}

async function claim(options: RebuildOptions, now: () => string): Promise<number> {
  const { db, projection } = options;
  return db.transaction().execute(async (trx) => {
    await lockProjectionRow(trx, projection.name);
    const checkpoint = await loadCheckpoint(trx, projection.name);
    if (!checkpoint) throw new Error(`Projection ${projection.name} has no checkpoint row`);
    if (checkpoint.rebuildGeneration !== null) {
      const heartbeat = Date.parse(checkpoint.rebuildHeartbeatAt ?? '') || 0;
      const alive = Date.parse(now()) - heartbeat < (options.staleAfterMs ?? 60_000);
      if (alive && !options.force)
        throw new RebuildRefused(projection.name, checkpoint.rebuildGeneration, checkpoint.rebuildHeartbeatAt);
      await dropGeneration(trx, projection, checkpoint.rebuildGeneration);
    }
    const generation = Math.max(checkpoint.activeGeneration, checkpoint.rebuildGeneration ?? 0) + 1;
    await createGeneration(trx, projection, generation);
    const liveCannotRun = checkpoint.version !== projection.version && checkpoint.status === 'running';
    await trx
      .updateTable('projection_checkpoints')
      .set({
        rebuild_generation: BigInt(generation),
        rebuild_heartbeat_at: now(),
        status: liveCannotRun ? 'rebuilding' : checkpoint.status,
        updated_at: now(),
      })
      .where('name', '=', projection.name)
      .execute();
    return generation;
  });
}

/**
 * Applies the remainder and swaps, all in one transaction so no event can slip in between. Returns undefined when
 * the remainder failed to apply: the caller's next page then finds the poison event outside the transaction.
 */
async function trySwap(
  options: RebuildOptions,
  generation: number,
  skipped: ReadonlySet<bigint>,
  from: bigint,
  now: () => string,
): Promise<(Omit<RebuildResult, 'eventsRead'> & { remainder: number }) | undefined> {
  const { db, projection } = options;
  let remainderSeen = false;
  try {
    return await db.transaction().execute(async (trx) => {
      await lockProjectionRow(trx, projection.name);
      const checkpoint = await loadCheckpoint(trx, projection.name);
      if (checkpoint?.rebuildGeneration !== generation) throw new RebuildTakenOver(projection.name, generation);
      let position = from;
      let remainder = 0;
      for (let page = await readPage(options, position); page.length > 0; page = await readPage(options, position)) {
        const events = page.filter((event) => wanted(projection, skipped, event));
        if (events.length > 0)
          await applyProjection(trx, projection, generation, events, eventStoreHistory(options.eventStore));
        remainderSeen = true;
        position = page[page.length - 1].position;
        remainder += page.length;
      }
      await pointViewsAt(trx, projection, generation);
      await trx
        .updateTable('projection_checkpoints')
        .set({
          position,
          version: BigInt(projection.version),
          status: 'running',
          active_generation: BigInt(generation),
          rebuild_generation: null,
          rebuild_heartbeat_at: null,
          updated_at: now(),
        })
        .where('name', '=', projection.name)
        .execute();
      await resolveDeadLetters(
        trx,
        projection.name,
        position,
        `superseded by rebuild into generation ${generation} (version ${projection.version})`,
        now(),
      );
      await dropGeneration(trx, projection, checkpoint.activeGeneration);
      // The replayed history logs no changes; the swap logs one marker, since a new version may change every row.
      // Last in the transaction: on PostgreSQL it takes the change-log lock, which must not be held while waiting.
      await logRebuildSwap(trx, projection.name, position, now());
      return {
        projection: projection.name,
        generation,
        previousGeneration: checkpoint.activeGeneration,
        version: projection.version,
        position,
        remainder,
      };
    });
  } catch (error) {
    // A projection error in the remainder: the caller's next page holds those events and isolates the poison one.
    if (remainderSeen && !(error instanceof RebuildTakenOver) && !isInfrastructureError(error)) return undefined;
    throw error;
  }
}

function readPage(options: RebuildOptions, after: bigint): Promise<RecordedEvent[]> {
  return options.eventStore.readAll({
    fromPosition: after < 0n ? undefined : after,
    maxCount: options.batchSize ?? DEFAULT_BATCH_SIZE,
  });
}

function wanted(projection: Projection, skipped: ReadonlySet<bigint>, event: RecordedEvent): boolean {
  return projectionHandles(projection, event) && !skipped.has(event.position);
}
