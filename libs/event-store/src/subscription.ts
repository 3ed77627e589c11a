/**
 * subscribeToAll built on readAll, for stores whose positions become visible in order (SQLite: one writer at a time;
 * the in-memory store). PostgreSQL's concurrent transactions commit out of position order; its adapter uses this loop
 * only because its readAll serves nothing at or above a visibility horizon (postgres/visibility.ts), which restores
 * in-order visibility.
 */
import type { ReadAllOptions, RecordedEvent, SubscribeOptions } from './event-store';

/**
 * Wakes waiting subscriptions after a commit. `version` increases on every notify, so a subscriber that read it
 * before querying can tell whether a commit happened since: no wake-up is lost between "page was empty" and "wait".
 */
export class CommitNotifier {
  private currentVersion = 0;
  private closed = false;
  private readonly waiters = new Set<() => void>();

  /** Increases on every notify(). */
  get version(): number {
    return this.currentVersion;
  }

  /** Called by the adapter after each commit that wrote events. */
  notify(): void {
    this.currentVersion += 1;
    this.wakeAll();
  }

  /** Wakes everyone for good: the store is closing. */
  close(): void {
    this.closed = true;
    this.wakeAll();
  }

  /**
   * Resolves once version ≠ seenVersion, the notifier is closed, the signal aborts or `timeoutMs` passes (the poll
   * fallback for commits by another process, which this notifier cannot see). Never rejects.
   */
  wait(seenVersion: number, signal?: AbortSignal, timeoutMs?: number): Promise<void> {
    if (this.closed || this.currentVersion !== seenVersion || signal?.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        this.waiters.delete(done);
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
      if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) timer = setTimeout(done, timeoutMs);
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }
}

/** What a polling subscription needs from its store. */
export interface SubscriptionSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  isClosed(): boolean;
  readonly notifier: CommitNotifier;
}

/** Tuning of a polling subscription. */
export interface SubscriptionTuning {
  /** Events read per query; also the most a subscription holds in memory. */
  readonly pageSize: number;
  /** Re-read at least this often while live (commits by other processes); omit to rely on notifications only. */
  readonly pollIntervalMs?: number;
}

/**
 * A catch-up-then-live subscription. The same loop serves both phases: read the next page after the last yielded
 * position, and when a page comes back short, wait for a commit. Because every read starts strictly after the last
 * yielded position and positions become visible in order, the switch to live has no gap and no duplicate.
 *
 * Pull-based: a page is read only when the consumer asks for the next event and the previous page is used up, so a
 * slow consumer holds at most one page. Ends (returns) when the signal aborts, the consumer breaks, or the store
 * closes. Each `for await` over the returned iterable starts its own subscription from `fromPosition`.
 */
export function pollingSubscription(
  source: SubscriptionSource,
  options: SubscribeOptions,
  tuning: SubscriptionTuning,
): AsyncIterable<RecordedEvent> {
  return { [Symbol.asyncIterator]: () => run(source, options, tuning) };
}

async function* run(
  source: SubscriptionSource,
  options: SubscribeOptions,
  tuning: SubscriptionTuning,
): AsyncGenerator<RecordedEvent, void, undefined> {
  const { signal, filter } = options;
  let cursor = options.fromPosition;
  while (!signal?.aborted && !source.isClosed()) {
    // Read the version before the query: a commit landing after the query bumps it and the wait returns at once.
    const seen = source.notifier.version;
    let page: RecordedEvent[];
    try {
      page = await source.readAll({ fromPosition: cursor, maxCount: tuning.pageSize, filter });
    } catch (error) {
      if (source.isClosed()) return;
      throw error;
    }
    for (const event of page) {
      if (signal?.aborted) return;
      yield event;
      cursor = event.position;
    }
    if (page.length < tuning.pageSize) await source.notifier.wait(seen, signal, tuning.pollIntervalMs);
  }
}

/** Throws RangeError unless maxCount is absent or a non-negative safe integer. */
export function assertMaxCount(maxCount: number | undefined): void {
  if (maxCount !== undefined && (!Number.isSafeInteger(maxCount) || maxCount < 0)) {
    throw new RangeError(`maxCount must be a non-negative integer, got ${String(maxCount)}`);
  }
}
