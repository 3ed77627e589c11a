import { DomainError, type ComplaintCommand } from '@thads/domain';
import type { EventStore } from '@thads/event-store';
import { streamNameOf } from '../aggregates/aggregate-definition';
import { caseAggregate } from '../aggregates/definitions';
import { readWholeStream } from '../command-handling/handle-command';

/** A complaint is about a case that must exist; the case stream is only read, never written here. */
export async function ensureComplainedCaseExists(store: EventStore, command: ComplaintCommand): Promise<void> {
  if (command.type !== 'FileComplaint') return;
  const caseEvents = await readWholeStream(store, streamNameOf(caseAggregate.category, command.data.caseId));
  if (!caseEvents.length) {
    throw new DomainError('CASE_NOT_FOUND', `Case ${command.data.caseId} does not exist`, {
      field: 'caseId',
      caseId: command.data.caseId,
    });
  }
}
