import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { CaseCommand } from '@thads/domain';
import type { EventStore } from '@thads/event-store';
import { caseAggregate } from '../aggregates/definitions';
import type { CommandContext, CommandResult } from '../command-handling/command-context';
import { handleCommand } from '../command-handling/handle-command';
import { EVENT_STORE } from '../event-store/event-store.token';
import { withRetractionTarget } from './retraction-target';

/** Runs any case command through the generic path. */
export class ExecuteCaseCommand extends Command<CommandResult> {
  constructor(
    readonly caseId: string,
    readonly command: CaseCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ caseId, command, context }: ExecuteCaseCommand): Promise<CommandResult> {
    const resolved =
      command.type === 'CorrectRecordedFact' ? await withRetractionTarget(this.store, caseId, command) : command;
    return handleCommand(this.store, caseAggregate, caseId, resolved, context);
  }
}
