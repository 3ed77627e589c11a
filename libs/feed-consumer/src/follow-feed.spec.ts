import { FeedProtocolError, type FeedChange } from './feed-change';
import { ApiProblemError } from '@thads/api-client';
import { followFeed, type FeedEvent, type FeedSink, type FollowFeedOptions } from './follow-feed';
import { recordingClock, startFakeFeedServer, type FakeFeedServer, type ScriptStep } from './testing/fake-feed-server';

/** A sink in memory: what was applied, and where it stands. */
function memorySink(startAt?: string, failOn?: string): FeedSink & { applied: FeedChange[] } {
  const applied: FeedChange[] = [];
  return {
    applied,
    lastAppliedId: async () => applied.at(-1)?.id ?? startAt,
    apply: async (change) => {
      if (change.id === failOn) throw new Error(`cannot apply ${change.id}`);
      applied.push(change);
    },
  };
}

describe('followFeed against a scripted server', () => {
  let server: FakeFeedServer | undefined;
  afterEach(() => server?.close());

  /** Runs the consumer until it has applied `untilId` (or failed); returns what it did. */
  async function follow(script: ScriptStep[], untilId: string, overrides: Partial<FollowFeedOptions> = {}) {
    server = await startFakeFeedServer(script);
    const stop = new AbortController();
    const events: FeedEvent[] = [];
    const { clock, sleeps } = recordingClock();
    const sink = (overrides.sink as ReturnType<typeof memorySink> | undefined) ?? memorySink();
    await followFeed({
      baseUrl: server.baseUrl,
      token: 'the-token',
      projection: 'completion_stats',
      clock,
      random: () => 0.5,
      signal: stop.signal,
      ...overrides,
      sink,
      onEvent: (event) => {
        events.push(event);
        if (event.type === 'applied' && event.change.id === untilId) stop.abort();
      },
    });
    const lastEventIds = server.requests.map((request) => request.headers['last-event-id']);
    return { sink, sleeps, events, lastEventIds, requests: server.requests };
  }

  it('applies in order, and after a dropped or broken stream resumes after the last applied id; a repeat is skipped', async () => {
    const run = await follow(
      [
        { send: 2, then: 'end' },
        { send: 1, then: 'break', repeatLast: true },
        { send: 1, then: 'hold' },
      ],
      '4',
    );
    expect(run.sink.applied.map((change) => change.id)).toEqual(['1', '2', '3', '4']);
    expect(run.sink.applied[0]).toEqual({ id: '1', projection: 'completion_stats', key: 'case-1', position: '1' });
    expect(run.lastEventIds).toEqual(['0', '2', '3']);
    const drops = run.events.flatMap((event) => (event.type === 'disconnected' ? [event.reason] : []));
    expect(drops).toEqual(['the server ended the stream', expect.stringMatching(/^stream failed: /), 'stopped']);
    expect(run.requests[0].url).toBe('/api/v1/feeds/read-models?projection=completion_stats');
    expect(run.requests[0].headers.authorization).toBe('Bearer the-token');
    // A connection that worked resets the backoff: each reconnect waits the first step (1000 ms, half jittered).
    expect(run.sleeps).toEqual([750, 750]);
  });

  it('waits exactly what Retry-After says on 503 and 429 (seconds or an HTTP-date), and backs off without one', async () => {
    const run = await follow(
      [
        { status: 503, retryAfter: '7', code: 'READ_MODEL_BEHIND' },
        { status: 429, retryAfter: 'Sat, 05 Dec 2026 07:00:30 GMT' },
        { status: 503 },
        { status: 502 },
        { send: 9, then: 'hold' },
      ],
      '9',
    );
    expect(run.sleeps).toEqual([7000, 30_000, 3000, 6000]);
    const waits = run.events.filter((event) => event.type === 'waiting');
    expect(waits[0]).toEqual({ type: 'waiting', ms: 7000, why: 'retry-after', status: 503, code: 'READ_MODEL_BEHIND' });
    expect(waits[2]).toMatchObject({ why: 'backoff', status: 503 });
    expect(run.sink.applied.map((change) => change.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('backs off exponentially with jitter on network errors, from the injected random', async () => {
    let failuresLeft = 4;
    const flaky: typeof fetch = (input, init) =>
      failuresLeft-- > 0 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init);
    const run = await follow([{ send: 1, then: 'hold' }], '1', { fetch: flaky, random: () => 0 });
    expect(run.sleeps).toEqual([500, 1000, 2000, 4000]);
    expect(run.events.find((event) => event.type === 'disconnected')).toEqual({
      type: 'disconnected',
      reason: 'request failed: fetch failed',
    });
  });

  it('resumes from the sink, not from since, after a restart', async () => {
    const run = await follow([{ send: 1, then: 'hold' }], '6', {
      sink: memorySink('5'),
      since: '0',
    });
    expect(run.lastEventIds).toEqual(['5']);
  });

  it('reopens a stream that stays silent longer than idleTimeoutMs', async () => {
    const run = await follow(
      [
        { send: 0, then: 'hold' },
        { send: 1, then: 'hold' },
      ],
      '1',
      { idleTimeoutMs: 50 },
    );
    expect(run.events).toContainEqual({ type: 'disconnected', reason: 'no data for 50 ms' });
    expect(run.sink.applied.map((change) => change.id)).toEqual(['1']);
  });

  it('stops on a refusal waiting cannot fix, naming status and code, without retrying', async () => {
    server = await startFakeFeedServer([{ status: 401, code: 'UNAUTHENTICATED' }]);
    const { clock, sleeps } = recordingClock();
    const failure = followFeed({ baseUrl: server.baseUrl, token: 'expired', sink: memorySink(), clock });
    await expect(failure).rejects.toThrow(ApiProblemError);
    await expect(failure).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(sleeps).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('stops when apply fails, with the failed change not acknowledged', async () => {
    server = await startFakeFeedServer([{ send: 3, then: 'hold' }]);
    const sink = memorySink(undefined, '2');
    await expect(
      followFeed({ baseUrl: server.baseUrl, token: 't', sink, clock: recordingClock().clock }),
    ).rejects.toThrow('cannot apply 2');
    expect(await sink.lastAppliedId()).toBe('1');
  });

  it('stops on a change message without an id: it could not be resumed after', async () => {
    server = await startFakeFeedServer([
      {
        raw: 'event: read-model-change\ndata: {"projection":"p","key":"k","position":"1"}\n\n',
        send: 0,
        then: 'hold',
      },
    ]);
    await expect(
      followFeed({ baseUrl: server.baseUrl, token: 't', sink: memorySink(), clock: recordingClock().clock }),
    ).rejects.toThrow(FeedProtocolError);
  });
});
