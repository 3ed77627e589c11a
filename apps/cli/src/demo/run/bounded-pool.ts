/**
 * Runs work items with at most `concurrency` in flight. With many cases in flight, the appends of one event-loop
 * turn reach the SQLite store together and share one group commit (libs/event-store README), which is where the
 * demo's throughput comes from; one case's commands still run strictly in order inside its worker.
 */

/** Runs `work` on every item, `concurrency` at a time; stops taking new items after the first failure and rethrows it. */
export async function runBounded<Item>(
  items: readonly Item[],
  concurrency: number,
  work: (item: Item) => Promise<void>,
  onDone: (done: number) => void = () => undefined,
): Promise<void> {
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new RangeError(`concurrency must be a whole number from 1, got ${concurrency}`);
  let next = 0;
  let done = 0;
  const failure: { error?: unknown; failed: boolean } = { failed: false };
  const worker = async () => {
    while (!failure.failed && next < items.length) {
      const item = items[next];
      next += 1;
      try {
        await work(item);
      } catch (error) {
        if (!failure.failed) Object.assign(failure, { failed: true, error });
        return;
      }
      done += 1;
      onDone(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failure.failed) throw failure.error;
}
