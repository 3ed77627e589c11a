import type { EventCodec } from '@thads/domain';
import type { EventToAppend } from '@thads/event-store';
import type { CommandContext } from './command-context';
import { eventIdFor } from './event-ids';

/**
 * The envelopes of the events one command decided: encoded data, a time-ordered id (event-ids.ts; `atMs` is when the
 * command was handled), and the metadata an auditor reads, command id and fingerprint included (what recognises a
 * retry). Written once: the command path and the bench's bulk seeder (test/bench) build envelopes here.
 */
export function eventsToAppend<Event extends { readonly type: string }>(
  definition: { readonly codec: EventCodec<Event>; readonly schemaVersion: number },
  streamName: string,
  decided: readonly Event[],
  context: CommandContext,
  fingerprint: string,
  atMs: number,
): EventToAppend[] {
  return decided.map((event, index) => {
    const encoded = definition.codec.encode(event);
    return {
      id: eventIdFor(streamName, `${context.actor.id}#${context.commandId}#${fingerprint}`, index, atMs),
      type: encoded.type,
      data: encoded.data,
      metadata: {
        actor: context.actor,
        commandId: context.commandId,
        correlationId: context.correlationId,
        causationId: context.commandId,
        schemaVersion: definition.schemaVersion,
        ...(context.reason !== undefined ? { reason: context.reason } : {}),
        commandDigest: fingerprint,
      },
    };
  });
}
