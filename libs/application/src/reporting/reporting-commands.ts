import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { ReportingCommand } from '@thads/domain';
import type { EventStore } from '@thads/event-store';
import type { CommandContext, CommandResult } from '../command-handling/command-context';
import { executeCommand } from '../command-handling/execute-command';
import { EVENT_STORE } from '../event-store/event-store.token';

/** Runs any reporting command (RegisterOffice, SetTarget, ClosePeriod) on the command bus. */
export class ExecuteReportingCommand extends Command<CommandResult> {
  constructor(
    readonly officeId: string,
    readonly command: ReportingCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A thin adapter: the command bus hands the command to executeCommand, the one command path. */
@CommandHandler(ExecuteReportingCommand)
export class ExecuteReportingCommandHandler implements ICommandHandler<ExecuteReportingCommand, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ officeId, command, context }: ExecuteReportingCommand): Promise<CommandResult> {
    return executeCommand(this.store, { aggregate: 'reporting', id: officeId, command }, context);
  }
}
