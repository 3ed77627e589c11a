import type { Decider, EventCodec } from '@thads/domain';

/**
 * What the generic command path needs to know about one aggregate: its stream category, its decider and
 * the codec between its events and their stored JSON.
 */
export interface AggregateDefinition<
  Command extends { readonly type: string },
  Event extends { readonly type: string },
  State,
> {
  /** Stream category, one word: streams are `<category>-<id>`. */
  readonly category: string;
  readonly decider: Decider<Command, Event, State>;
  readonly codec: EventCodec<Event>;
  /** Stored event schema version written into metadata. Bump with an upcaster when a shape changes. */
  readonly schemaVersion: number;
  /**
   * Rules a whole history must keep, checked (throwing a DomainError) when a command retracts or corrects an earlier
   * event: deciders check one step at a time, and a correction changes a step they already allowed. It folds the
   * corrected history itself, so that a history that no longer folds is its refusal too.
   */
  readonly ensureConsistentAfterCorrection?: (foldCorrected: () => State) => void;
}

/** `case-<id>` for category `case`. */
export function streamNameOf(category: string, id: string): string {
  return `${category}-${id}`;
}
