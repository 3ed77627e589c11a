/**
 * subscribeToAll on EventStoreDB: the server's catch-up subscription to $all, filtered on the server (filters.ts),
 * exposed as the port's pull-based async iterable.
 *
 * The checkpoint is the caller's (the projector keeps it with its read models, not in ESDB): the subscription starts
 * strictly after `fromPosition`. ESDB itself switches from catch-up to live without a gap or a duplicate. Backpressure:
 * the client's subscription is a readable stream piped from gRPC, so an idle consumer fills its small buffer and the
 * transport stops reading; nothing here buffers more than one event.
 */
import type { RecordedEvent, SubscribeOptions } from '../event-store';
import type { EsdbRecordedEvent, EsdbSubscription } from './client-port';
import { mapEsdbError } from './error-mapping';
import { toRecordedEvent } from './event-mapping';
import type { EsdbReadContext } from './esdb-reads';
import { acceptsEvent, matchesNothing, serverFilter } from './filters';
import { fromEsdbPosition, toEsdbStartPosition } from './revisions';

/** Resolves when the store closes; subscriptions end then, like the SQL adapters'. */
export interface StoreLifecycle {
  readonly closed: Promise<void>;
  isClosed(): boolean;
}

const STOPPED: unique symbol = Symbol('stopped');

/** The port's subscribeToAll. Each `for await` opens its own server subscription from `fromPosition`. */
export function esdbSubscription(
  context: EsdbReadContext,
  options: SubscribeOptions,
  lifecycle: StoreLifecycle,
): AsyncIterable<RecordedEvent> {
  return { [Symbol.asyncIterator]: () => run(context, options, lifecycle) };
}

async function* run(
  context: EsdbReadContext,
  options: SubscribeOptions,
  lifecycle: StoreLifecycle,
): AsyncGenerator<RecordedEvent, void, undefined> {
  const { signal, filter } = options;
  if (signal?.aborted || lifecycle.isClosed()) return;
  const stop = stopWhen(signal, lifecycle.closed);
  let subscription: EsdbSubscription | undefined;
  let iterator: AsyncIterator<EsdbRecordedEvent> | undefined;
  try {
    // An empty category or type list matches nothing: no server call, just wait to be stopped.
    if (matchesNothing(filter)) return void (await stop.promise);
    const from = options.fromPosition !== undefined && options.fromPosition >= 0n ? options.fromPosition : undefined;
    try {
      subscription = context.client.subscribeToAll({
        fromPosition: toEsdbStartPosition(from),
        filter: serverFilter(filter, context.namespace),
      });
    } catch (error) {
      throw mapEsdbError(error);
    }
    iterator = subscription[Symbol.asyncIterator]();
    while (!signal?.aborted && !lifecycle.isClosed()) {
      const pending = iterator.next();
      // If the race is won by stop, the pending read settles later (or rejects as the stream is torn down): unheard.
      pending.catch(() => undefined);
      let step: Awaited<typeof pending> | typeof STOPPED;
      try {
        step = await Promise.race([pending, stop.promise]);
      } catch (error) {
        throw mapEsdbError(error);
      }
      if (step === STOPPED || step.done) return;
      const event = step.value;
      const position = fromEsdbPosition(event.position);
      // ESDB starts after the checkpoint already; the check makes that independent of the server's reading of it.
      if (position === undefined || (from !== undefined && position <= from)) continue;
      const stream = acceptsEvent(event, filter, context.namespace);
      if (stream !== undefined) yield toRecordedEvent(event, stream);
    }
  } finally {
    stop.dispose();
    // Ends the server subscription whether we stopped, the consumer broke out, or the stream failed.
    await subscription?.unsubscribe().catch(() => undefined);
    // Releases the client's buffer too; not awaited, a client may settle it only when its stream is torn down.
    iterator?.return?.().catch(() => undefined);
  }
}

/** A promise that resolves with STOPPED when the signal aborts or the store closes; dispose removes the listener. */
function stopWhen(
  signal: AbortSignal | undefined,
  closed: Promise<void>,
): { promise: Promise<typeof STOPPED>; dispose(): void } {
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<typeof STOPPED>((resolve) => {
    onAbort = () => resolve(STOPPED);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  return {
    promise: Promise.race([aborted, closed.then((): typeof STOPPED => STOPPED)]),
    dispose: () => {
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    },
  };
}
