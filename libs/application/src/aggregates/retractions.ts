import { DomainError, fold, withRetractionsApplied, type StoredEvent } from '@thads/domain';
import { StoredEventInvalid } from '../command-handling/command-errors';
import type { AggregateDefinition } from './aggregate-definition';

/**
 * The command side's fold of stored events. Retractions are honoured by the domain's `withRetractionsApplied`
 * (libs/domain shared/retractions.ts), the same function the read side folds with; handleCommand and loadAggregate
 * both fold through `foldRecorded`.
 */

/** A stored event as the command side reads it: the domain's view plus what says whether this build can read it. */
export interface RecordedForFold extends StoredEvent {
  readonly metadata?: { readonly schemaVersion?: number };
  /** Set by the store when the event's JSON is damaged (RecordedEvent.unreadable). */
  readonly unreadable?: string;
}

/** The aggregate's state from its recorded events, retractions applied: the only fold of stored events for deciding. */
export function foldRecorded<Command extends { readonly type: string }, Event extends { readonly type: string }, State>(
  definition: AggregateDefinition<Command, Event, State>,
  recorded: readonly RecordedForFold[],
): State {
  return fold(
    definition.decider,
    withRetractionsApplied(recorded.map((event) => readable(definition, event))).map((event) =>
      decodeStored(definition, event),
    ),
  );
}

/**
 * `state` advanced by events appended after it (none of them a retraction): the incremental twin of foldRecorded,
 * refusing what this build cannot read exactly as it does.
 */
export function evolveRecorded<
  Command extends { readonly type: string },
  Event extends { readonly type: string },
  State,
>(definition: AggregateDefinition<Command, Event, State>, state: State, recorded: readonly RecordedForFold[]): State {
  let next = state;
  for (const event of recorded)
    next = definition.decider.evolve(next, decodeStored(definition, readable(definition, event)));
  return next;
}

/** The event, if this build can read it: refuses damaged JSON and a schema version newer than the aggregate's. */
function readable<Stored extends RecordedForFold>(
  definition: { readonly schemaVersion: number },
  event: Stored,
): Stored {
  if (event.unreadable !== undefined) throw new StoredEventInvalid(event.id, event.type, event.unreadable);
  const version = event.metadata?.schemaVersion;
  if (typeof version === 'number' && version > definition.schemaVersion) {
    const reason = `schema version ${version} is newer than this build reads (${definition.schemaVersion})`;
    throw new StoredEventInvalid(event.id, event.type, reason);
  }
  return event;
}

/** Decodes a stored event; the codec's refusal (unknown type, malformed money) is the store's fault here. */
function decodeStored<Command extends { readonly type: string }, Event extends { readonly type: string }, State>(
  definition: AggregateDefinition<Command, Event, State>,
  event: StoredEvent,
): Event {
  try {
    return definition.codec.decode(event);
  } catch (error) {
    if (error instanceof DomainError) throw new StoredEventInvalid(event.id, event.type, error.message);
    throw error;
  }
}
