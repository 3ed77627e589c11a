/**
 * The one call of a projection's `apply` (live batches, rebuild pages, the rebuild's swap): the generation's tables,
 * and the log's history as this projection sees it, without the events an operator skipped for it (skip.ts), so a
 * case folded again after a retraction leaves out what its first fold left out.
 */
import type { Transaction } from 'kysely';
import type { RecordedEvent } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import { tableNamesFor, type Projection } from '../projection';
import type { StreamHistory } from '../stream-history';
import { skippedPositions } from './skip';

export async function applyProjection(
  trx: Transaction<ReadModelDatabase>,
  projection: Projection,
  generation: number,
  events: readonly RecordedEvent[],
  log: StreamHistory,
): Promise<void> {
  await projection.apply(events, trx, tableNamesFor(projection, generation), withoutSkips(log, trx, projection.name));
}

function withoutSkips(log: StreamHistory, trx: Transaction<ReadModelDatabase>, projection: string): StreamHistory {
  let skipped: Set<bigint> | undefined;
  return {
    async eventsBefore(stream, revision) {
      const events = await log.eventsBefore(stream, revision);
      skipped ??= await skippedPositions(trx, projection); // read once per batch, and only if a refold asks
      return skipped.size === 0 ? events : events.filter((event) => !skipped?.has(event.position));
    },
  };
}
