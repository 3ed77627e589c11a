import type { EventStore, RecordedEvent } from '@thads/event-store';
import type { AggregateDefinition } from '../aggregates/aggregate-definition';
import { FACT_RETRACTED } from '@thads/domain';
import { evolveRecorded, foldRecorded } from '../aggregates/retractions';
import { readWholeStream } from './read-whole-stream';
import { RecentStreams } from './recent-streams';

/** An event as the command path remembers it: enough to answer a replayed command. */
export interface EventRef {
  readonly type: string;
  readonly revision: bigint;
  readonly position: bigint;
  /** Idempotency keys are scoped to the actor who sent them. */
  readonly actorId: string;
  /** The request's fingerprint stored with the events (absent on events written before fingerprints were). */
  readonly commandDigest?: string;
}

/** A stream folded up to `revision`, as the command path needs it to decide the next command. */
export interface StreamState<State> {
  /** Revision of the last event, undefined for a stream with no events. */
  readonly revision: bigint | undefined;
  /** Position of the last event, −1n for none. */
  readonly position: bigint;
  /** The aggregate's state, retractions applied: exactly foldRecorded of the stream's events. */
  readonly state: State;
  /** The events each command id produced in this stream (Idempotency-Key). */
  readonly byCommand: ReadonlyMap<string, readonly EventRef[]>;
}

/**
 * Folded stream states kept between commands, per store instance, so a command reads only the events appended since
 * the last one it saw instead of the whole stream, and never folds a long stream again: the cost of
 * loading a case stays flat however long its history grows.
 *
 * Why it is always right: a stream is append-only, so a state folded from its first n events stays the fold of
 * those n events forever; reading from revision n (by whoever appended: another process, replica or the CLI) and
 * folding on top gives the fold of the whole stream. The one event that changes earlier steps is FactRetracted
 * (a retraction or a correction): when one is among the new events the state is refolded from the whole stream, as
 * foldRecorded does. A restarted process starts empty and folds each stream once (the cold cost). How much is kept:
 * recent-streams.ts.
 */
const caches = new WeakMap<EventStore, RecentStreams<StreamState<unknown>>>();

/** The stream's state, folded from the cached state plus the events after it (or from scratch when not cached). */
export async function loadStreamState<
  Command extends { readonly type: string },
  Event extends { readonly type: string },
  State,
>(
  store: EventStore,
  definition: AggregateDefinition<Command, Event, State>,
  streamName: string,
): Promise<StreamState<State>> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new RecentStreams()));
  const cached = cache.get(streamName) as StreamState<State> | undefined;
  const loaded = cached
    ? await advance(store, definition, streamName, cached)
    : await foldWhole(store, definition, streamName);
  if (loaded.revision !== undefined && (cached === undefined || loaded.revision >= (cached.revision ?? -1n))) {
    cache.set(streamName, loaded as StreamState<unknown>);
  }
  return loaded;
}

async function advance<Command extends { readonly type: string }, Event extends { readonly type: string }, State>(
  store: EventStore,
  definition: AggregateDefinition<Command, Event, State>,
  streamName: string,
  cached: StreamState<State>,
): Promise<StreamState<State>> {
  const fromRevision = cached.revision === undefined ? 0n : cached.revision + 1n;
  const newer = await store.readStream(streamName, { fromRevision });
  if (newer.length === 0) return cached;
  if (newer.some((event) => event.type === FACT_RETRACTED)) return foldWhole(store, definition, streamName);
  const state = evolveRecorded(definition, cached.state, newer);
  // byCommand only ever grows with the stream, so the cached map is extended in place rather than copied per command.
  return summarise(state, newer, cached.byCommand as Map<string, readonly EventRef[]>);
}

async function foldWhole<Command extends { readonly type: string }, Event extends { readonly type: string }, State>(
  store: EventStore,
  definition: AggregateDefinition<Command, Event, State>,
  streamName: string,
): Promise<StreamState<State>> {
  const recorded = await readWholeStream(store, streamName);
  return summarise(foldRecorded(definition, recorded), recorded, new Map());
}

function summarise<State>(
  state: State,
  events: readonly RecordedEvent[],
  byCommand: Map<string, readonly EventRef[]>,
): StreamState<State> {
  for (const event of events) {
    const { commandDigest } = event.metadata;
    const ref: EventRef = {
      type: event.type,
      revision: event.revision,
      position: event.position,
      actorId: event.metadata.actor.id,
      ...(commandDigest === undefined ? {} : { commandDigest }),
    };
    byCommand.set(event.metadata.commandId, [...(byCommand.get(event.metadata.commandId) ?? []), ref]);
  }
  const last = events.at(-1);
  return { revision: last?.revision, position: last?.position ?? -1n, state, byCommand };
}
