import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { ComplaintCommand } from '@thads/domain';
import type { EventStore } from '@thads/event-store';
import type { CommandContext, CommandResult } from '../command-handling/command-context';
import { executeCommand } from '../command-handling/execute-command';
import { EVENT_STORE } from '../event-store/event-store.token';

/** Runs any complaint command on the command bus. */
export class ExecuteComplaintCommand extends Command<CommandResult> {
  constructor(
    readonly complaintId: string,
    readonly command: ComplaintCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A thin adapter: the command bus hands the command to executeCommand, the one command path. */
@CommandHandler(ExecuteComplaintCommand)
export class ExecuteComplaintCommandHandler implements ICommandHandler<ExecuteComplaintCommand, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ complaintId, command, context }: ExecuteComplaintCommand): Promise<CommandResult> {
    return executeCommand(this.store, { aggregate: 'complaint', id: complaintId, command }, context);
  }
}
