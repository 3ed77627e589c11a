import { DomainError } from '@thads/domain';
import type { EventStore, RecordedEvent } from '@thads/event-store';
import { readWholeStream } from '../command-handling/handle-command';
import { streamNameOf, type AggregateDefinition } from './aggregate-definition';
import { foldRecorded } from './retractions';

export interface LoadedAggregate<State> {
  readonly id: string;
  readonly streamName: string;
  readonly state: State;
  /** Revision of the last event: the ETag a client sends back in If-Match. */
  readonly revision: bigint;
  readonly events: readonly RecordedEvent[];
}

/** Reads and folds one aggregate's stream (retractions applied). Throws `<CATEGORY>_NOT_FOUND` (e.g. CASE_NOT_FOUND) when it has no events. */
export async function loadAggregate<
  Command extends { readonly type: string },
  Event extends { readonly type: string },
  State,
>(
  store: EventStore,
  definition: AggregateDefinition<Command, Event, State>,
  id: string,
): Promise<LoadedAggregate<State>> {
  const streamName = streamNameOf(definition.category, id);
  const events = await readWholeStream(store, streamName);
  if (!events.length) {
    const code = `${definition.category.toUpperCase()}_NOT_FOUND`;
    throw new DomainError(code, `No ${definition.category} with id ${id}`, { id });
  }
  // The same fold as handleCommand: retracted events stay in `events` but not in the state.
  const state = foldRecorded(definition, events);
  return { id, streamName, state, revision: events[events.length - 1].revision, events };
}
