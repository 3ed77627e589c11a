import { KeyedQueue } from '../stream-queue';

/** A promise the test settles by hand. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('KeyedQueue', () => {
  it('runs tasks of one key one at a time in call order; a failure does not block the next', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const first = deferred();
    const a = queue.run('case-1', async () => (log.push('a start'), await first.promise, log.push('a end')));
    const b = queue.run('case-1', async () => {
      log.push('b');
      throw new Error('b failed');
    });
    const c = queue.run('case-1', async () => log.push('c'));
    await Promise.resolve();
    expect(log).toEqual(['a start']);
    first.resolve();
    await a;
    await expect(b).rejects.toThrow('b failed');
    await c;
    expect(log).toEqual(['a start', 'a end', 'b', 'c']);
  });

  it('runs different keys concurrently, and drain waits for all of them', async () => {
    const queue = new KeyedQueue();
    const blocked = deferred();
    const log: string[] = [];
    const slow = queue.run('case-1', async () => (await blocked.promise, log.push('case-1')));
    await queue.run('case-2', async () => log.push('case-2'));
    expect(log).toEqual(['case-2']);
    let drained = false;
    const draining = queue.drain().then(() => (drained = true));
    await Promise.resolve();
    expect(drained).toBe(false);
    blocked.resolve();
    await Promise.all([slow, draining]);
    expect(log).toEqual(['case-2', 'case-1']);
  });
});
