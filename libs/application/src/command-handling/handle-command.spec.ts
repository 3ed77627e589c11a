import { DomainError, moneyFieldCodec, type Decider } from '@thads/domain';
import { createInMemoryEventStore, WrongExpectedRevision, type EventStore } from '@thads/event-store';
import type { AggregateDefinition } from '../aggregates/aggregate-definition';
import type { CommandContext, CommandResult } from './command-context';
import { ConcurrencyConflict, IdempotencyKeyReused, RevisionMismatch } from './command-errors';
import { handleCommand } from './handle-command';

// A counter aggregate keeps these tests about the command path, not about THADS rules.
type CounterCommand = { type: 'Add'; data: { amount: bigint } };
type CounterEvent = { type: 'Added'; data: { amount: bigint } };
type CounterState = { total: bigint };
const counter: Decider<CounterCommand, CounterEvent, CounterState> = {
  initialState: { total: 0n },
  evolve: (state, event) => ({ total: state.total + event.data.amount }),
  decide: (command, state) => {
    if (state.total + command.data.amount > 10n) throw new DomainError('LIMIT_EXCEEDED', 'The counter stops at 10');
    return [{ type: 'Added', data: { amount: command.data.amount } }];
  },
};
const definition: AggregateDefinition<CounterCommand, CounterEvent, CounterState> = {
  category: 'counter',
  decider: counter,
  codec: moneyFieldCodec<CounterEvent>({ Added: ['amount'] }),
  schemaVersion: 1,
};
const add = (amount: bigint): CounterCommand => ({ type: 'Add', data: { amount } });
const context = (commandId: string, extra: Partial<CommandContext> = {}): CommandContext => ({
  commandId,
  correlationId: commandId,
  actor: { id: 'officer-1', role: 'officer', officeId: 'HP' },
  ...extra,
});
const noWait = { maxAttempts: 4, baseDelayMs: 0 };

describe('handleCommand', () => {
  let store: EventStore;
  beforeEach(() => {
    store = createInMemoryEventStore();
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('given an empty stream, when a command decides events, then it appends them from revision 0 with full metadata', async () => {
    const result = await handleCommand(store, definition, 'c1', add(3n), context('cmd-1'));
    expect(result).toMatchObject({
      streamName: 'counter-c1',
      nextRevision: 0n,
      replayed: false,
      events: [{ type: 'Added', revision: 0n }],
    });
    const [stored] = await store.readStream('counter-c1');
    expect(stored.data).toEqual({ amount: '3' });
    expect(stored.metadata).toMatchObject({
      actor: { id: 'officer-1' },
      commandId: 'cmd-1',
      correlationId: 'cmd-1',
      causationId: 'cmd-1',
      schemaVersion: 1,
    });
  });

  it('given a command already handled, when it is retried, then it returns the original result and writes nothing', async () => {
    await handleCommand(store, definition, 'c1', add(3n), context('cmd-1'));
    const first = await handleCommand(store, definition, 'c1', add(4n), context('cmd-2'));
    const retry = await handleCommand(store, definition, 'c1', add(4n), context('cmd-2'));
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await store.readStream('counter-c1')).toHaveLength(2);
  });

  it('given a command already handled, when it is retried with If-Match too, then it replays instead of refusing the revision', async () => {
    const first = await handleCommand(store, definition, 'c1', add(3n), context('cmd-1'));
    await handleCommand(store, definition, 'c1', add(1n), context('cmd-2'));
    const retry = await handleCommand(store, definition, 'c1', add(3n), context('cmd-1', { expectedRevision: 5n }));
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await store.readStream('counter-c1')).toHaveLength(2);
  });

  it('given a command id already used, when it comes back with another command, then IdempotencyKeyReused and nothing is written', async () => {
    const first = await handleCommand(store, definition, 'c1', add(3n), context('cmd-1'));
    await expect(handleCommand(store, definition, 'c1', add(4n), context('cmd-1'))).rejects.toBeInstanceOf(
      IdempotencyKeyReused,
    );
    expect(await store.headPosition()).toBe(first.position);
  });

  it('compares the fingerprint the edge gives, not the command: a retry whose defaults filled in differently replays', async () => {
    const first = await handleCommand(store, definition, 'c1', add(3n), context('cmd-1', { fingerprint: 'request-a' }));
    const retry = await handleCommand(store, definition, 'c1', add(2n), context('cmd-1', { fingerprint: 'request-a' }));
    expect(retry).toEqual({ ...first, replayed: true });
    await expect(
      handleCommand(store, definition, 'c1', add(3n), context('cmd-1', { fingerprint: 'request-b' })),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('scopes a command id to its actor: another actor sending the same id runs a command of its own', async () => {
    await handleCommand(store, definition, 'c1', add(3n), context('cmd-1'));
    const other = await handleCommand(store, definition, 'c1', add(4n), {
      ...context('cmd-1'),
      actor: { id: 'officer-2', role: 'officer', officeId: 'HP' },
    });
    expect(other).toMatchObject({ replayed: false, nextRevision: 1n });
    const events = await store.readStream('counter-c1');
    expect(events.map((event) => event.metadata.actor.id)).toEqual(['officer-1', 'officer-2']);
    expect(new Set(events.map((event) => event.id)).size).toBe(2);
  });

  it('stores the fingerprint with the events, and a retry racing its own first attempt appends once', async () => {
    const [one, two] = await Promise.all([
      handleCommand(store, definition, 'c1', add(3n), context('cmd-1')),
      handleCommand(store, definition, 'c1', add(3n), context('cmd-1')),
    ]);
    expect(one.position).toBe(two.position);
    const events = await store.readStream('counter-c1');
    expect(events).toHaveLength(1);
    expect(events[0].metadata.commandDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('given a rule the command breaks, then the DomainError propagates and nothing is written', async () => {
    const first = await handleCommand(store, definition, 'c1', add(9n), context('cmd-1'));
    await expect(handleCommand(store, definition, 'c1', add(5n), context('cmd-2'))).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
    });
    expect(await store.headPosition()).toBe(first.position);
  });

  it('given an If-Match revision that is stale, then it fails with RevisionMismatch at once', async () => {
    await handleCommand(store, definition, 'c1', add(1n), context('cmd-1'));
    await handleCommand(store, definition, 'c1', add(1n), context('cmd-2'));
    const stale = handleCommand(store, definition, 'c1', add(1n), context('cmd-3', { expectedRevision: 0n }));
    await expect(stale).rejects.toBeInstanceOf(RevisionMismatch);
    const fresh = await handleCommand(store, definition, 'c1', add(1n), context('cmd-4', { expectedRevision: 1n }));
    expect(fresh.nextRevision).toBe(2n);
  });

  it('given a writer that wins the race once, then it reloads, decides again on the new state and succeeds', async () => {
    const racing = raceOnce(store, async () => {
      await handleCommand(store, definition, 'c1', add(6n), context('rival'));
    });
    const result = await handleCommand(racing, definition, 'c1', add(3n), context('cmd-1'), noWait);
    expect(result.nextRevision).toBe(1n);
    const events = await store.readStream('counter-c1');
    expect(events.map((e) => e.metadata.commandId)).toEqual(['rival', 'cmd-1']);
  });

  it('given a retry racing its own first attempt in another process, then it replays that attempt and writes nothing', async () => {
    ticking();
    let first: CommandResult | undefined;
    const racing = raceOnce(store, async () => {
      first = await handleCommand(store, definition, 'c1', add(3n), context('cmd-1'));
    });
    const retry = await handleCommand(racing, definition, 'c1', add(3n), context('cmd-1'), noWait);
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await store.readStream('counter-c1')).toHaveLength(1);
  });

  it('given such a race with If-Match, then the retry still replays the first attempt instead of refusing', async () => {
    ticking();
    await handleCommand(store, definition, 'c1', add(1n), context('cmd-0'));
    let first: CommandResult | undefined;
    const racing = raceOnce(store, async () => {
      first = await handleCommand(store, definition, 'c1', add(3n), context('cmd-1', { expectedRevision: 0n }));
    });
    const retry = await handleCommand(racing, definition, 'c1', add(3n), context('cmd-1', { expectedRevision: 0n }));
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await store.readStream('counter-c1')).toHaveLength(2);
  });

  it('given an If-Match race lost to another command, then RevisionMismatch names the revision that won', async () => {
    await handleCommand(store, definition, 'c1', add(1n), context('cmd-0'));
    const racing = raceOnce(store, async () => {
      await handleCommand(store, definition, 'c1', add(1n), context('rival'));
    });
    const attempt = handleCommand(racing, definition, 'c1', add(3n), context('cmd-1', { expectedRevision: 0n }));
    await expect(attempt).rejects.toBeInstanceOf(RevisionMismatch);
    await expect(attempt).rejects.toMatchObject({ actual: 1n });
    expect(await store.readStream('counter-c1')).toHaveLength(2);
  });

  it('given a rival whose write breaks the rule on reload, then the retry surfaces the DomainError', async () => {
    const racing = raceOnce(store, async () => {
      await handleCommand(store, definition, 'c1', add(9n), context('rival'));
    });
    await expect(handleCommand(racing, definition, 'c1', add(3n), context('cmd-1'), noWait)).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
    });
  });

  it('given writers that always win, then it gives up after the bounded attempts with ConcurrencyConflict', async () => {
    const alwaysLosing: EventStore = {
      ...store,
      readStream: (...args) => store.readStream(...args),
      append: async (stream) => {
        throw new WrongExpectedRevision(stream, 'no_stream', 0n);
      },
    };
    const attempt = handleCommand(alwaysLosing, definition, 'c1', add(1n), context('cmd-1'), noWait);
    await expect(attempt).rejects.toBeInstanceOf(ConcurrencyConflict);
    await expect(attempt).rejects.toMatchObject({ attempts: 4 });
  });
});

/**
 * Every reading of the clock a millisecond later, so the two attempts of a racing retry get different event ids (as
 * two processes would) and the test shows the retry found by its command id, not deduplicated by the store.
 */
function ticking(): void {
  let now = Date.UTC(2026, 11, 7);
  jest.spyOn(Date, 'now').mockImplementation(() => (now += 1));
}

/** A store whose first append lets `rival` write first, so the caller's expected revision is stale. */
function raceOnce(store: EventStore, rival: () => Promise<void>): EventStore {
  let raced = false;
  return {
    ...store,
    readStream: (...args) => store.readStream(...args),
    headPosition: () => store.headPosition(),
    append: async (stream, events, options) => {
      if (!raced) {
        raced = true;
        await rival();
      }
      return store.append(stream, events, options);
    },
  };
}
