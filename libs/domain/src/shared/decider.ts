/**
 * The decider pattern: an aggregate is three pure values.
 * `decide` turns a command and the current state into new events (or throws a DomainError);
 * `evolve` folds one event into the state; `initialState` is the state of a stream with no events.
 */
export interface Decider<Command, Event, State> {
  readonly decide: (command: Command, state: State) => readonly Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: State;
}

/** A command or event: a plain readonly `{ type, data }` value. */
export interface Message<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** Folds events into a state with a decider's `evolve`, starting at its `initialState`. */
export function fold<Command, Event, State>(decider: Decider<Command, Event, State>, events: Iterable<Event>): State {
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event);
  return state;
}

/** Compile-time proof that a `switch` handled every case; throws if reached at run time. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
