import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { CaseCommand } from '@thads/domain';
import type { EventStore } from '@thads/event-store';
import type { CommandContext, CommandResult } from '../command-handling/command-context';
import { executeCommand } from '../command-handling/execute-command';
import { EVENT_STORE } from '../event-store/event-store.token';

/** Runs any case command on the command bus. */
export class ExecuteCaseCommand extends Command<CommandResult> {
  constructor(
    readonly caseId: string,
    readonly command: CaseCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A thin adapter: the command bus hands the command to executeCommand, the one command path. */
@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ caseId, command, context }: ExecuteCaseCommand): Promise<CommandResult> {
    return executeCommand(this.store, { aggregate: 'case', id: caseId, command }, context);
  }
}
