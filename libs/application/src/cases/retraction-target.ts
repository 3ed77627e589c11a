import type { CorrectRecordedFact } from '@thads/domain';
import type { EventStore } from '@thads/event-store';
import { streamNameOf } from '../aggregates/aggregate-definition';
import { caseAggregate } from '../aggregates/definitions';
import { readWholeStream } from '../command-handling/handle-command';

/**
 * CorrectRecordedFact names the event it retracts by id, which the pure decider cannot see; this fills in the
 * command's `target` (the type and stored data of the event with that id in this case's stream, or none). Reading
 * before handleCommand's own read is race-free: a stored event never changes.
 */
export async function withRetractionTarget<Command extends CorrectRecordedFact>(
  store: EventStore,
  caseId: string,
  command: Command,
): Promise<Command> {
  const events = await readWholeStream(store, streamNameOf(caseAggregate.category, caseId));
  const target = events.find((event) => event.id === command.data.eventId);
  // A client-sent target is never trusted: it is replaced, or dropped when the stream has no such event.
  const data = Object.assign({}, command.data, {
    target: target ? { type: target.type, data: target.data } : undefined,
  });
  return { ...command, data };
}
