import type { ReadAllOptions, RecordedEvent } from './event-store';
import { assertMaxCount, CommitNotifier, pollingSubscription, type SubscriptionSource } from './subscription';

/** A log of bare events at positions 1…n and a record of every query made against it. */
function fakeSource(initial: number) {
  const log: RecordedEvent[] = [];
  const queries: ReadAllOptions[] = [];
  const add = (count: number) => {
    for (let i = 0; i < count; i++) log.push({ position: BigInt(log.length + 1) } as RecordedEvent);
  };
  add(initial);
  let closed = false;
  const source: SubscriptionSource = {
    notifier: new CommitNotifier(),
    isClosed: () => closed,
    readAll: async (options) => {
      queries.push(options);
      const from = options.fromPosition ?? 0n;
      return log.filter((event) => event.position > from).slice(0, options.maxCount);
    },
  };
  return { source, queries, add, close: () => ((closed = true), source.notifier.close()) };
}

describe('pollingSubscription', () => {
  it('reads a page only when the consumer pulls past the previous one (backpressure)', async () => {
    const { source, queries } = fakeSource(10);
    const iterator = pollingSubscription(source, {}, { pageSize: 4 })[Symbol.asyncIterator]();
    expect(queries).toHaveLength(0);
    for (let i = 0; i < 4; i++) await iterator.next();
    expect(queries).toEqual([{ fromPosition: undefined, maxCount: 4, filter: undefined }]);
    await iterator.next();
    expect(queries.map((query) => query.fromPosition)).toEqual([undefined, 4n]);
    await iterator.return?.();
  });

  it('wakes on a commit notified after an empty read (no lost wake-up) and continues after the last position', async () => {
    const fake = fakeSource(2);
    const iterator = pollingSubscription(fake.source, { fromPosition: 1n }, { pageSize: 10 })[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.position).toBe(2n);
    const waiting = iterator.next();
    fake.add(1);
    fake.source.notifier.notify();
    expect((await waiting).value?.position).toBe(3n);
    expect(fake.queries.map((query) => query.fromPosition)).toEqual([1n, 2n]);
    await iterator.return?.();
  });

  it('polls when no notification comes (another process wrote)', async () => {
    const fake = fakeSource(0);
    const iterator = pollingSubscription(fake.source, {}, { pageSize: 10, pollIntervalMs: 5 })[Symbol.asyncIterator]();
    const waiting = iterator.next();
    fake.add(1); // no notify(): only the poll can find it
    expect((await waiting).value?.position).toBe(1n);
    await iterator.return?.();
  });

  it('returns when the store closes or a read fails because it closed', async () => {
    const fake = fakeSource(0);
    const iterator = pollingSubscription(fake.source, {}, { pageSize: 10 })[Symbol.asyncIterator]();
    const waiting = iterator.next();
    fake.close();
    await expect(waiting).resolves.toEqual({ done: true, value: undefined });
  });

  it('rethrows a read error while the store is open', async () => {
    const { source } = fakeSource(0);
    const failing = { ...source, readAll: () => Promise.reject(new Error('disk on fire')) };
    await expect(pollingSubscription(failing, {}, { pageSize: 1 })[Symbol.asyncIterator]().next()).rejects.toThrow(
      'disk on fire',
    );
  });
});

describe('CommitNotifier', () => {
  it('resolves at once when the version moved since it was read', async () => {
    const notifier = new CommitNotifier();
    const seen = notifier.version;
    notifier.notify();
    await expect(notifier.wait(seen)).resolves.toBeUndefined();
  });

  it('removes its abort listener and timer once woken', async () => {
    const notifier = new CommitNotifier();
    const controller = new AbortController();
    const removed = jest.spyOn(controller.signal, 'removeEventListener');
    const waiting = notifier.wait(notifier.version, controller.signal, 60_000);
    notifier.notify();
    await waiting;
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
  });
});

describe('assertMaxCount', () => {
  it('accepts absent or non-negative integers only', () => {
    expect(() => assertMaxCount(undefined)).not.toThrow();
    expect(() => assertMaxCount(0)).not.toThrow();
    expect(() => assertMaxCount(-1)).toThrow(RangeError);
    expect(() => assertMaxCount(1.5)).toThrow(RangeError);
  });
});
