import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { DomainError, type ReportingCommand } from '@thads/domain';
import type { EventStore } from '@thads/event-store';
import { streamNameOf } from '../aggregates/aggregate-definition';
import { reportingAggregate } from '../aggregates/definitions';
import type { CommandContext, CommandResult } from '../command-handling/command-context';
import { handleCommand, readWholeStream } from '../command-handling/handle-command';
import { EVENT_STORE } from '../event-store/event-store.token';

/** Runs any reporting command (RegisterOffice, SetTarget, ClosePeriod) through the generic path. */
export class ExecuteReportingCommand extends Command<CommandResult> {
  constructor(
    readonly officeId: string,
    readonly command: ReportingCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ExecuteReportingCommand)
export class ExecuteReportingCommandHandler implements ICommandHandler<ExecuteReportingCommand, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ officeId, command, context }: ExecuteReportingCommand): Promise<CommandResult> {
    // The roll-up walks parents, so a parent must exist first; registering top-down also rules out cycles.
    // The parent's stream is only read, never written here.
    // A blank id or a self-reference is left to the decider (MISSING_FIELD, PARENT_IS_SELF).
    const parentOfficeId = command.type === 'RegisterOffice' ? command.data.parentOfficeId : undefined;
    if (parentOfficeId?.trim() && parentOfficeId !== officeId) {
      const parentEvents = await readWholeStream(this.store, streamNameOf(reportingAggregate.category, parentOfficeId));
      if (!parentEvents.length) {
        throw new DomainError('PARENT_OFFICE_NOT_REGISTERED', `Parent office ${parentOfficeId} is not registered`, {
          field: 'parentOfficeId',
          parentOfficeId,
        });
      }
    }
    return handleCommand(this.store, reportingAggregate, officeId, command, context);
  }
}
