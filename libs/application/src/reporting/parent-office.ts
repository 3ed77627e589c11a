import { DomainError, type ReportingCommand } from '@thads/domain';
import type { EventStore } from '@thads/event-store';
import { streamNameOf } from '../aggregates/aggregate-definition';
import { reportingAggregate } from '../aggregates/definitions';
import { readWholeStream } from '../command-handling/handle-command';

/**
 * The roll-up walks parents, so a parent must be registered first; registering top-down also rules out cycles.
 * The parent's stream is only read, never written here. A blank id or a self-reference is left to the decider
 * (MISSING_FIELD, PARENT_IS_SELF).
 */
export async function ensureParentOfficeRegistered(
  store: EventStore,
  officeId: string,
  command: ReportingCommand,
): Promise<void> {
  const parentOfficeId = command.type === 'RegisterOffice' ? command.data.parentOfficeId : undefined;
  if (!parentOfficeId?.trim() || parentOfficeId === officeId) return;
  const parentEvents = await readWholeStream(store, streamNameOf(reportingAggregate.category, parentOfficeId));
  if (!parentEvents.length) {
    throw new DomainError('PARENT_OFFICE_NOT_REGISTERED', `Parent office ${parentOfficeId} is not registered`, {
      field: 'parentOfficeId',
      parentOfficeId,
    });
  }
}
