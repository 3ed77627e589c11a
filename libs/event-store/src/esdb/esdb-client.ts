/**
 * The binding of the narrow client (client-port.ts) to `@eventstore/db-client` 6.x: the only file that imports the
 * library. It passes values and errors through; every decision lives in the adapter's pure modules. Moving to
 * `@kurrent/kurrentdb-client` means rewriting this file against the successor's (near-identical) API.
 */
import {
  EventStoreDBClient,
  eventTypeFilter,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type Filter,
  type JSONType,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type {
  EsdbClient,
  EsdbProposedEvent,
  EsdbRecordedEvent,
  EsdbServerFilter,
  EsdbSubscription,
} from './client-port';

/**
 * Opens a client for a connection string (`esdb://host:2113?tls=false`, `esdb+discover://…` for a cluster).
 * Lazy, like the library: nothing connects until the first call. Throws at once for a malformed string.
 */
export function connectEsdbClient(connectionString: string): EsdbClient {
  return bindEsdbClient(EventStoreDBClient.connectionString(connectionString));
}

/** Binds an already constructed library client (for callers that need its constructor's options). */
export function bindEsdbClient(client: EventStoreDBClient): EsdbClient {
  return {
    async appendToStream(streamName, events, expectedRevision) {
      // throwOnAppendFailure stays at its default (true): a failed check rejects with WrongExpectedVersionError.
      const result = await client.appendToStream(streamName, events.map(toEventData), { expectedRevision });
      return { nextExpectedRevision: result.nextExpectedRevision, position: result.position };
    },

    readStream(streamName, options) {
      return recordedEvents(client.readStream(streamName, Object.assign({}, options, { resolveLinkTos: false })));
    },

    readAll(options) {
      return recordedEvents(client.readAll(Object.assign({}, options, { resolveLinkTos: false })));
    },

    subscribeToAll(options): EsdbSubscription {
      const subscription = client.subscribeToAll({
        fromPosition: options.fromPosition,
        filter: toFilter(options.filter),
        resolveLinkTos: false,
      });
      return {
        [Symbol.asyncIterator]: () => unwrapping(subscription[Symbol.asyncIterator]()),
        unsubscribe: () => subscription.unsubscribe(),
      };
    },

    dispose: () => client.dispose(),
  };
}

function toEventData(event: EsdbProposedEvent) {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data as JSONType,
    metadata: event.metadata as JSONType,
  });
}

/** The client's filter helpers take mutable arrays; the narrow filter is read-only. */
function toFilter(filter: EsdbServerFilter): Filter {
  const create = filter.filterOn === 'streamName' ? streamNameFilter : eventTypeFilter;
  return 'regex' in filter ? create({ regex: filter.regex }) : create({ prefixes: [...filter.prefixes] });
}

/**
 * Unwraps ResolvedEvent to its event. With link resolution off, `event` is absent only for a link whose target is
 * gone; there are no links in our own streams, and $> link events are system events the adapter filters out anyway.
 */
async function* recordedEvents(
  source: AsyncIterable<ResolvedEvent | AllStreamResolvedEvent>,
): AsyncGenerator<EsdbRecordedEvent> {
  for await (const resolved of source) {
    if (resolved.event) yield fromClientEvent(resolved.event);
  }
}

/**
 * The subscription's own iterator, unwrapped event by event. Not an async generator: a generator's return() waits
 * behind a pending next(), whereas the readable's return() destroys the stream and settles that next() at once.
 */
function unwrapping(inner: AsyncIterator<AllStreamResolvedEvent>): AsyncIterator<EsdbRecordedEvent> {
  return {
    async next() {
      for (;;) {
        const step = await inner.next();
        if (step.done) return { done: true, value: undefined };
        if (step.value.event) return { done: false, value: fromClientEvent(step.value.event) };
      }
    },
    async return() {
      await inner.return?.();
      return { done: true, value: undefined };
    },
  };
}

/** Exported for the binding's spec: the client's RecordedEvent, as the narrow interface names it. */
export function fromClientEvent(event: NonNullable<ResolvedEvent['event']>): EsdbRecordedEvent {
  return {
    streamId: event.streamId,
    id: event.id,
    revision: event.revision,
    type: event.type,
    isJson: event.isJson,
    data: event.data,
    metadata: event.metadata,
    position: event.position,
  };
}
