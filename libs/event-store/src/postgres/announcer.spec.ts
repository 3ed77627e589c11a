import { CommitAnnouncer } from './announcer';

/** A pool whose NOTIFYs stay in flight until the test settles them. */
function fakePool() {
  const sent: Array<{ settle: (error?: Error) => void }> = [];
  const pool = {
    query: jest.fn(
      () =>
        new Promise<void>((resolve, reject) => {
          sent.push({ settle: (error) => (error ? reject(error) : resolve()) });
        }),
    ),
  };
  return { pool, sent };
}

/** Lets the announcer's promise callbacks run. */
const flush = () => Promise.resolve().then(() => undefined);

describe('CommitAnnouncer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends the first NOTIFY at once, on the store channel', () => {
    const { pool } = fakePool();
    new CommitAnnouncer(pool as never, 'es.events', 5).announce();
    expect(pool.query).toHaveBeenCalledWith('SELECT pg_notify($1, $2)', ['es.events', '']);
  });

  it('announces every commit made while one is in flight with one more NOTIFY, no sooner than the spacing', async () => {
    const { pool, sent } = fakePool();
    const announcer = new CommitAnnouncer(pool as never, 'c', 5);
    announcer.announce();
    announcer.announce();
    announcer.announce();
    expect(pool.query).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(2);
    sent[0].settle();
    await flush();
    expect(pool.query).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(3);
    expect(pool.query).toHaveBeenCalledTimes(2);
    sent[1].settle();
    await flush();
    jest.advanceTimersByTime(50);
    expect(pool.query).toHaveBeenCalledTimes(2);
  });

  it('sends at once again after a quiet spell', async () => {
    const { pool, sent } = fakePool();
    const announcer = new CommitAnnouncer(pool as never, 'c', 5);
    announcer.announce();
    sent[0].settle();
    await flush();
    jest.advanceTimersByTime(10);
    announcer.announce();
    expect(pool.query).toHaveBeenCalledTimes(2);
  });

  it('settled() sends a NOTIFY still waiting out the spacing at once and resolves when none is in flight', async () => {
    const { pool, sent } = fakePool();
    const announcer = new CommitAnnouncer(pool as never, 'c', 5);
    announcer.announce();
    sent[0].settle();
    await flush();
    announcer.announce();
    expect(pool.query).toHaveBeenCalledTimes(1);
    let settled = false;
    const done = announcer.settled().then(() => (settled = true));
    expect(pool.query).toHaveBeenCalledTimes(2);
    await flush();
    expect(settled).toBe(false);
    sent[1].settle();
    await done;
    expect(settled).toBe(true);
  });

  it('never rejects when a NOTIFY fails: the subscribers poll', async () => {
    const { pool, sent } = fakePool();
    const announcer = new CommitAnnouncer(pool as never, 'c', 5);
    announcer.announce();
    sent[0].settle(new Error('connection lost'));
    await expect(announcer.settled()).resolves.toBeUndefined();
  });
});
