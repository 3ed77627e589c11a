import { createApiClient, problemFromResponse, type GetRequest } from '@thads/api-client';
import { systemClock, type FeedClock } from './clock';
import { changeOf, compareChangeIds, isChangeId, READ_MODEL_CHANGE_EVENT, type FeedChange } from './feed-change';
import { backoffDelayMs, cappedRetryAfterMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { SseParser } from './sse-parser';

/**
 * Where changes go, and where the consumer resumes from. `apply` must make the change's effect and its id durable
 * together before it resolves (one database transaction holding the mirrored rows and the id is exact: nothing
 * twice, nothing missed); `lastAppliedId` must return the id of the last change `apply` finished.
 */
export interface FeedSink {
  lastAppliedId(): Promise<string | undefined>;
  apply(change: FeedChange): Promise<void>;
}

/** What the consumer is doing, for logs and tests. */
export type FeedEvent =
  | { readonly type: 'connecting'; readonly afterId: string }
  | { readonly type: 'connected'; readonly afterId: string }
  | { readonly type: 'applied'; readonly change: FeedChange }
  | { readonly type: 'disconnected'; readonly reason: string }
  | {
      readonly type: 'waiting';
      readonly ms: number;
      /** `retry-after`: the server said how long; `backoff`: our own doubling delay with jitter. */
      readonly why: 'retry-after' | 'backoff';
      readonly status?: number;
      readonly code?: string;
    };

/** The query of GET /feeds/read-models, as docs/openapi.json declares it. */
type FeedQuery = NonNullable<GetRequest<'/api/v1/feeds/read-models'>['query']>;

/** A read model the feed can be filtered to (`case_summary`, `completion_stats`, …). */
export type FeedProjection = NonNullable<FeedQuery['projection']>;

export interface FollowFeedOptions {
  /** Where the API's root is (`http://localhost:3000`): the feed is at `/api/v1/feeds/read-models` under it. */
  readonly baseUrl: string;
  /** The bearer token, or a function asked before every connection (so an expiring token can be renewed). */
  readonly token: string | (() => string | Promise<string>);
  readonly sink: FeedSink;
  /** Only this read model's changes (`?projection=`); default every read model. */
  readonly projection?: FeedProjection;
  /** Where to start when the sink has applied nothing yet: the last id already had. Default `0`, every change. */
  readonly since?: string;
  /** Ends the consumer: followFeed resolves once the change being applied is done. */
  readonly signal?: AbortSignal;
  readonly retry?: Partial<RetryPolicy>;
  /** A stream silent this long is taken as dead and reopened. The server comments every 15 s. Default 45 s. */
  readonly idleTimeoutMs?: number;
  readonly clock?: FeedClock;
  /** In [0, 1), for the backoff's jitter. */
  readonly random?: () => number;
  readonly fetch?: typeof fetch;
  readonly onEvent?: (event: FeedEvent) => void;
}

/** Statuses worth waiting out: overload, a gateway between us and the API, a server restarting. */
const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * Follows GET /feeds/read-models until `signal` aborts, applying every change once, in id order. After a dropped
 * stream, a 5xx or a network error it reconnects with `Last-Event-ID` set to the last applied id (after a restart,
 * the sink's), waiting `Retry-After` when the server sends one and a jittered doubling delay otherwise. Rejects on an
 * answer waiting will not fix (ApiProblemError), on a malformed message (FeedProtocolError) and when `apply` throws:
 * nothing past the last applied change is acknowledged, so a restarted consumer carries on from there.
 */
export async function followFeed(options: FollowFeedOptions): Promise<void> {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const stop = options.signal ?? new AbortController().signal;
  const emit = options.onEvent ?? (() => undefined);
  const since = options.since ?? '0';
  if (!isChangeId(since)) throw new RangeError(`since must be a change id (a whole number), got "${since}"`);
  let lastId = (await options.sink.lastAppliedId()) ?? since;
  let failures = 0;
  while (!stop.aborted) {
    emit({ type: 'connecting', afterId: lastId });
    const attempt = await connectOnce(options, lastId, stop, (id) => (lastId = id), emit);
    if (stop.aborted) return;
    if (attempt.connected) failures = 0;
    failures += 1;
    const told = cappedRetryAfterMs(attempt.retryAfter, clock.now(), policy);
    const ms = told ?? backoffDelayMs(failures, policy, random);
    emit({
      type: 'waiting',
      ms,
      why: told === undefined ? 'backoff' : 'retry-after',
      status: attempt.status,
      code: attempt.code,
    });
    await clock.sleep(ms, stop);
  }
}

/** How one connection ended, when it ended in a way worth retrying. */
interface Attempt {
  /** The server answered 200 with an event stream. */
  readonly connected: boolean;
  readonly status?: number;
  readonly code?: string;
  readonly retryAfter?: string;
}

async function connectOnce(
  options: FollowFeedOptions,
  afterId: string,
  stop: AbortSignal,
  applied: (id: string) => void,
  emit: (event: FeedEvent) => void,
): Promise<Attempt> {
  const connection = new AbortController();
  const cut = () => connection.abort();
  stop.addEventListener('abort', cut, { once: true });
  try {
    const api = createApiClient({ baseUrl: options.baseUrl, token: options.token });
    const query: FeedQuery = { projection: options.projection };
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(api.url('/api/v1/feeds/read-models', { query }), {
        headers: { accept: 'text/event-stream', ...(await api.authorization()), 'last-event-id': afterId },
        signal: connection.signal,
      });
    } catch (error) {
      emit({ type: 'disconnected', reason: `request failed: ${reasonOf(error)}` });
      return { connected: false };
    }
    const type = response.headers.get('content-type') ?? '';
    if (response.status === 200 && type.startsWith('text/event-stream') && response.body) {
      emit({ type: 'connected', afterId });
      const reason = await readStream(response.body, options, afterId, stop, connection, applied, emit);
      emit({ type: 'disconnected', reason });
      return { connected: true };
    }
    const problem = await problemFromResponse(response);
    if (!RETRYABLE.has(response.status)) throw problem;
    emit({ type: 'disconnected', reason: `${response.status} ${problem.code}` });
    return {
      connected: false,
      status: response.status,
      code: problem.code,
      retryAfter: response.headers.get('retry-after') ?? undefined,
    };
  } finally {
    stop.removeEventListener('abort', cut);
    connection.abort();
  }
}

/** Reads messages until the stream ends, goes silent too long or `stop` aborts; applies each change in turn. */
async function readStream(
  body: ReadableStream<Uint8Array>,
  options: FollowFeedOptions,
  afterId: string,
  stop: AbortSignal,
  connection: AbortController,
  applied: (id: string) => void,
  emit: (event: FeedEvent) => void,
): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  const idleMs = options.idleTimeoutMs ?? 45_000;
  let lastId = afterId;
  let silent = false;
  let idle = setTimeout(() => ((silent = true), connection.abort()), idleMs);
  try {
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        return silent ? `no data for ${idleMs} ms` : `stream failed: ${reasonOf(error)}`;
      }
      if (chunk.done) return 'the server ended the stream';
      clearTimeout(idle);
      const { messages } = parser.push(decoder.decode(chunk.value, { stream: true }));
      for (const message of messages) {
        if (message.event !== READ_MODEL_CHANGE_EVENT) continue;
        const change = changeOf(message);
        // Defence in depth: the server never repeats, but a replaying proxy must not make us apply twice.
        if (compareChangeIds(change.id, lastId) <= 0) continue;
        if (stop.aborted) return 'stopped';
        await options.sink.apply(change);
        lastId = change.id;
        applied(change.id);
        emit({ type: 'applied', change });
      }
      if (stop.aborted) return 'stopped';
      idle = setTimeout(() => ((silent = true), connection.abort()), idleMs);
    }
  } finally {
    clearTimeout(idle);
    reader.cancel().catch(() => undefined);
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
