import { FACT_RETRACTED } from '@thads/domain';
import { WrongExpectedRevision, type EventStore } from '@thads/event-store';
import { streamNameOf, type AggregateDefinition } from '../aggregates/aggregate-definition';
import { foldRecorded } from '../aggregates/retractions';
import type { CommandContext, CommandResult } from './command-context';
import { ConcurrencyConflict, IdempotencyKeyReused, RevisionMismatch } from './command-errors';
import { fingerprintOf } from './command-fingerprint';
import { inAppendSpan } from './command-spans';
import { eventsToAppend } from './events-to-append';
import { readWholeStream } from './read-whole-stream';
import { inStreamLane } from './stream-lanes';
import { loadStreamState, type EventRef } from './stream-states';

export { readWholeStream };

export interface RetryPolicy {
  readonly maxAttempts: number;
  /** Base delay; attempt n waits base × 2^(n-1) plus up to as much again at random (jitter). */
  readonly baseDelayMs: number;
}

/**
 * Within one process, writers of a stream queue (stream-lanes.ts), so a retry is needed only against other processes:
 * 8 attempts, 5 ms doubling with jitter (at most about 1.3 s in all), outlast a burst of writers from a few replicas.
 */
const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 5 };

/**
 * Load → fold → decide → append at the loaded revision, written once for every aggregate. Edges reach it through
 * executeCommand (execute-command.ts), which resolves what the pure decider cannot see first.
 *
 * - Idempotency: a command id this actor already used on this stream returns the original outcome and writes
 *   nothing, whatever the stream's revision now (so also when If-Match is sent with the retry). When the stored
 *   fingerprint differs from this request's, the key was reused for another request: IdempotencyKeyReused, and
 *   nothing is written. A retry racing its own first attempt in another process loses the append's revision check,
 *   reloads and finds the first attempt's events there, so it too writes nothing.
 * - With `context.expectedRevision` (If-Match) a stale stream fails with RevisionMismatch: at once when loaded
 *   stale, after one reload (for the retry check above) when the race is lost at the append.
 * - Without it, a lost race (WrongExpectedRevision) reloads and decides again, a bounded number of times.
 * - A DomainError from the decider (or from the aggregate's consistency check after a correction) propagates
 *   untouched, and nothing is written.
 */
export async function handleCommand<
  Command extends { readonly type: string },
  Event extends { readonly type: string },
  State,
>(
  store: EventStore,
  definition: AggregateDefinition<Command, Event, State>,
  aggregateId: string,
  command: Command,
  context: CommandContext,
  retry: RetryPolicy = DEFAULT_RETRY,
): Promise<CommandResult> {
  const streamName = streamNameOf(definition.category, aggregateId);
  return inStreamLane(store, streamName, () => decideAndAppend(store, definition, streamName, command, context, retry));
}

async function decideAndAppend<
  Command extends { readonly type: string },
  Event extends { readonly type: string },
  State,
>(
  store: EventStore,
  definition: AggregateDefinition<Command, Event, State>,
  streamName: string,
  command: Command,
  context: CommandContext,
  retry: RetryPolicy,
): Promise<CommandResult> {
  const fingerprint = context.fingerprint ?? fingerprintOf(command);
  for (let attempt = 1; ; attempt += 1) {
    // The folded state is cached between commands (stream-states.ts): only events appended since are read.
    const loaded = await loadStreamState(store, definition, streamName);
    const currentRevision = loaded.revision;

    const earlier = (loaded.byCommand.get(context.commandId) ?? []).filter((ref) => ref.actorId === context.actor.id);
    if (earlier.length) {
      // Events written before fingerprints were stored carry none: those can only be taken for a retry.
      const stored = earlier[0].commandDigest;
      if (stored !== undefined && stored !== fingerprint) throw new IdempotencyKeyReused(streamName, context.commandId);
      return resultOf(streamName, earlier, true);
    }

    if (context.expectedRevision !== undefined && context.expectedRevision !== currentRevision) {
      throw new RevisionMismatch(streamName, context.expectedRevision, currentRevision ?? 'no_stream');
    }

    // Retracted events stay in the stream but are not folded (retractions.ts).
    const decided = definition.decider.decide(command, loaded.state);
    if (!decided.length) {
      return {
        streamName,
        nextRevision: currentRevision ?? -1n,
        position: loaded.position,
        events: [],
        replayed: false,
      };
    }

    const toAppend = eventsToAppend(definition, streamName, decided, context, fingerprint, Date.now());

    // A correction rewrites an earlier step: the history it leaves must still keep the aggregate's rules.
    if (definition.ensureConsistentAfterCorrection && toAppend.some((event) => event.type === FACT_RETRACTED)) {
      const recorded = await readWholeStream(store, streamName);
      definition.ensureConsistentAfterCorrection(() => foldRecorded(definition, [...recorded, ...toAppend]));
    }

    try {
      const appended = await inAppendSpan(
        streamName,
        toAppend.map((event) => event.id),
        context.correlationId,
        () =>
          store.append(streamName, toAppend, {
            expectedRevision: currentRevision === undefined ? 'no_stream' : currentRevision,
          }),
      );
      const firstRevision = appended.nextRevision - BigInt(toAppend.length) + 1n;
      return {
        streamName,
        nextRevision: appended.nextRevision,
        position: appended.position,
        events: toAppend.map((event, index) => ({ type: event.type, revision: firstRevision + BigInt(index) })),
        replayed: false,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      if (context.expectedRevision !== undefined) {
        // One reload, only to find this command's own first attempt; the loop's top then replays it or refuses.
        if (attempt > 1) throw new RevisionMismatch(streamName, context.expectedRevision, error.actual);
        continue;
      }
      if (attempt >= retry.maxAttempts) throw new ConcurrencyConflict(streamName, attempt);
      await backoff(retry, attempt);
    }
  }
}

function resultOf(streamName: string, events: readonly EventRef[], replayed: boolean): CommandResult {
  const last = events[events.length - 1];
  return {
    streamName,
    nextRevision: last.revision,
    position: last.position,
    events: events.map((event) => ({ type: event.type, revision: event.revision })),
    replayed,
  };
}

function backoff(retry: RetryPolicy, attempt: number): Promise<void> {
  const delay = retry.baseDelayMs * 2 ** (attempt - 1);
  // Jitter spreads racers apart so the same ones do not collide again.
  return new Promise((resolve) => setTimeout(resolve, delay + Math.random() * delay));
}
