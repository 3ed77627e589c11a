import { DomainError, fold, type Decider } from '@thads/domain';

/**
 * Given/when/then for deciders, after Emmett's DeciderSpecification:
 *
 *   const spec = deciderSpec(caseDecider);
 *   spec.given([received, decided]).when(seize).then([assetSeized]);
 *   spec.given([received]).when(seize).thenThrows('VOLUNTARY_PERIOD_RUNNING');
 */
export function deciderSpec<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(events: readonly Event[]) {
      return {
        when(command: Command) {
          const run = () => decider.decide(command, fold(decider, events));
          return {
            /** Asserts the exact events produced. */
            then(expected: readonly Event[]): void {
              expect(run()).toEqual(expected);
            },
            /** Asserts the events with a custom check; returns them for further assertions. */
            thenEvents(check: (events: readonly Event[]) => void): readonly Event[] {
              const produced = run();
              check(produced);
              return produced;
            },
            /** Asserts a DomainError with this stable code (and, optionally, these details). */
            thenThrows(code: string, details?: Record<string, unknown>): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(DomainError);
              expect((thrown as DomainError).code).toBe(code);
              if (details) expect((thrown as DomainError).details).toMatchObject(details);
            },
          };
        },
      };
    },
  };
}

/** The state after folding `events`: for asserting on `evolve`. */
export function stateAfter<Command, Event, State>(
  decider: Decider<Command, Event, State>,
  events: readonly Event[],
): State {
  return fold(decider, events);
}
