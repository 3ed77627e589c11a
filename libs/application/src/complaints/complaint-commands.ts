import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { DomainError, type ComplaintCommand } from '@thads/domain';
import type { EventStore } from '@thads/event-store';
import { caseAggregate, complaintAggregate } from '../aggregates/definitions';
import { streamNameOf } from '../aggregates/aggregate-definition';
import type { CommandContext, CommandResult } from '../command-handling/command-context';
import { handleCommand, readWholeStream } from '../command-handling/handle-command';
import { EVENT_STORE } from '../event-store/event-store.token';

/** Runs any complaint command through the generic path. */
export class ExecuteComplaintCommand extends Command<CommandResult> {
  constructor(
    readonly complaintId: string,
    readonly command: ComplaintCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ExecuteComplaintCommand)
export class ExecuteComplaintCommandHandler implements ICommandHandler<ExecuteComplaintCommand, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ complaintId, command, context }: ExecuteComplaintCommand): Promise<CommandResult> {
    // A complaint is about a case that must exist; the case stream is only read, never written here.
    if (command.type === 'FileComplaint') {
      const caseEvents = await readWholeStream(this.store, streamNameOf(caseAggregate.category, command.data.caseId));
      if (!caseEvents.length) {
        throw new DomainError('CASE_NOT_FOUND', `Case ${command.data.caseId} does not exist`, {
          field: 'caseId',
          caseId: command.data.caseId,
        });
      }
    }
    return handleCommand(this.store, complaintAggregate, complaintId, command, context);
  }
}
