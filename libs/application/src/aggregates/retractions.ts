import { fold, withRetractionsApplied, type StoredEvent } from '@thads/domain';
import type { AggregateDefinition } from './aggregate-definition';

/**
 * The command side's fold of stored events. Retractions are honoured by the domain's `withRetractionsApplied`
 * (libs/domain shared/retractions.ts), the same function the read side folds with; handleCommand and loadAggregate
 * both fold through `foldRecorded`.
 */

/** The aggregate's state from its recorded events, retractions applied: the only fold of stored events for deciding. */
export function foldRecorded<Command extends { readonly type: string }, Event extends { readonly type: string }, State>(
  definition: AggregateDefinition<Command, Event, State>,
  recorded: readonly StoredEvent[],
): State {
  return fold(
    definition.decider,
    withRetractionsApplied(recorded).map((event) => definition.codec.decode(event)),
  );
}
