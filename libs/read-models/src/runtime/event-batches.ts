/**
 * Cutting a subscription into batches without timers: a batch ends when it is full or when it reaches the head of
 * the log (the subscription has caught up, so waiting would only add latency). The head is re-read only when a
 * batch reaches the previously known head, so a busy log costs one head query per batch at most.
 */
import type { RecordedEvent } from '@thads/event-store';

/** Yields batches of at most `batchSize` events; the last partial batch is yielded when the subscription ends. */
export async function* eventBatches(
  events: AsyncIterable<RecordedEvent>,
  batchSize: number,
  headPosition: () => Promise<bigint>,
): AsyncGenerator<RecordedEvent[], void, undefined> {
  let batch: RecordedEvent[] = [];
  let knownHead = await headPosition();
  for await (const event of events) {
    batch.push(event);
    if (batch.length < batchSize) {
      if (event.position < knownHead) continue;
      knownHead = await headPosition();
      if (event.position < knownHead) continue;
    }
    yield batch;
    batch = [];
  }
  if (batch.length > 0) yield batch;
}
