import { runBounded } from './bounded-pool';

/** A promise the test settles by hand, so the pool's progress can be watched without timers. */
function gate(): { promise: Promise<void>; open: () => void; fail: (error: Error) => void } {
  let open = () => undefined as void;
  let fail = (_error: Error) => undefined as void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('runBounded', () => {
  it('keeps at most `concurrency` items in flight and reports each one done', async () => {
    const gates = Array.from({ length: 5 }, gate);
    const started: number[] = [];
    const done: number[] = [];
    const running = runBounded(
      [0, 1, 2, 3, 4],
      2,
      async (item) => {
        started.push(item);
        await gates[item].promise;
      },
      (count) => done.push(count),
    );
    await settle();
    expect(started).toEqual([0, 1]);
    gates[1].open();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((entry) => entry.open());
    await running;
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(done).toEqual([1, 2, 3, 4, 5]);
  });

  it('takes no new item after a failure, lets the ones in flight finish and rethrows the first failure', async () => {
    const gates = Array.from({ length: 4 }, gate);
    const started: number[] = [];
    const running = runBounded([0, 1, 2, 3], 2, async (item) => {
      started.push(item);
      await gates[item].promise;
    });
    await settle();
    gates[0].fail(new Error('refused'));
    await settle();
    gates[1].open();
    await expect(running).rejects.toThrow('refused');
    expect(started).toEqual([0, 1]);
  });
});
