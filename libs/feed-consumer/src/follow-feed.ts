import { systemClock, type FeedClock } from './clock';
import { changeOf, compareChangeIds, isChangeId, READ_MODEL_CHANGE_EVENT, type FeedChange } from './feed-change';
import { FeedRequestError } from './feed-request-error';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, retryAfterMs, type RetryPolicy } from './retry-policy';
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

export interface FollowFeedOptions {
  /** The API's base URL with its prefix, e.g. `http://localhost:3000/api/v1`. */
  readonly baseUrl: string;
  /** The bearer token, or a function asked before every connection (so an expiring token can be renewed). */
  readonly token: string | (() => string | Promise<string>);
  readonly sink: FeedSink;
  /** Only this read model's changes (`?projection=`); default every read model. */
  readonly projection?: string;
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
 * answer waiting will not fix (FeedRequestError), on a malformed message (FeedProtocolError) and when `apply` throws:
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
    const told = attempt.retryAfter === undefined ? undefined : retryAfterMs(attempt.retryAfter, clock.now(), policy);
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
    const token = typeof options.token === 'function' ? await options.token() : options.token;
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(feedUrl(options), {
        headers: { accept: 'text/event-stream', authorization: `Bearer ${token}`, 'last-event-id': afterId },
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
    const problem = await problemOf(response);
    if (!RETRYABLE.has(response.status))
      throw new FeedRequestError(response.status, problem.code, problem.detail ?? (response.statusText || type));
    emit({ type: 'disconnected', reason: `${response.status}${problem.code ? ` ${problem.code}` : ''}` });
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

function feedUrl(options: FollowFeedOptions): string {
  const url = new URL(`${options.baseUrl.replace(/\/+$/, '')}/feeds/read-models`);
  if (options.projection !== undefined) url.searchParams.set('projection', options.projection);
  return url.toString();
}

/** The problem+json `code` and `detail` of a refusal, if the body is one. */
async function problemOf(response: Response): Promise<{ code?: string; detail?: string }> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { code?: unknown; detail?: unknown };
    return {
      code: typeof body.code === 'string' ? body.code : undefined,
      detail: typeof body.detail === 'string' ? body.detail : undefined,
    };
  } catch {
    return { detail: text.slice(0, 200) || undefined };
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
