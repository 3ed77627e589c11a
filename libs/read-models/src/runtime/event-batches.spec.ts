import type { RecordedEvent } from '@thads/event-store';
import { eventBatches } from './event-batches';

/** Just enough of a RecordedEvent for batching, which looks at positions only. */
const at = (position: number) => ({ position: BigInt(position) }) as RecordedEvent;

async function* subscription(positions: readonly number[]): AsyncGenerator<RecordedEvent> {
  for (const position of positions) yield at(position);
}

async function collect(positions: readonly number[], batchSize: number, heads: readonly number[]): Promise<number[][]> {
  const headReads = [...heads];
  const head = async () => BigInt(headReads.length > 1 ? (headReads.shift() as number) : headReads[0]);
  const batches: number[][] = [];
  for await (const batch of eventBatches(subscription(positions), batchSize, head))
    batches.push(batch.map((event) => Number(event.position)));
  return batches;
}

describe('eventBatches', () => {
  it('cuts full batches while behind the head', async () => {
    expect(await collect([1, 2, 3, 4, 5, 6, 7], 3, [7])).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('ends a batch early when it reaches the head, instead of waiting for it to fill', async () => {
    expect(await collect([1, 2, 3], 10, [2, 2, 3])).toEqual([[1, 2], [3]]);
  });

  it('re-reads the head on reaching the old one and keeps filling if the log grew meanwhile', async () => {
    expect(await collect([1, 2, 3, 4], 10, [2, 4])).toEqual([[1, 2, 3, 4]]);
  });

  it('yields nothing for an empty subscription', async () => {
    expect(await collect([], 3, [-1])).toEqual([]);
  });
});
