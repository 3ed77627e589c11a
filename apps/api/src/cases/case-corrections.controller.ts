import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { ExecuteCaseCommand, type CommandContext } from '@thads/application';
import type { CaseCommand } from '@thads/domain';
import type { FastifyReply } from 'fastify';
import { CASE_ERROR_KINDS } from '@thads/domain';
import { Refuses, refusalsOfKinds } from '../problem/refusals';
import { commandResponse, type CommandResponse } from '../http/command-response';
import { IdParamPipe } from '../http/id-param.pipe';
import { addCommandRoutes, type SendsCommands } from '../http/routes';
import { CASE_CORRECTION_ROUTES } from './routes/case-correction.routes';

/**
 * Corrective commands: admins only, each with a mandatory reason that goes both
 * into the command (the decider refuses a blank one: REASON_REQUIRED) and into the event metadata (CommandContext.reason),
 * where GET /cases/{id}/events and the history show it. Nothing is erased (Law 2008 Art. 37; TT 04/2023 Art. 36).
 * A correction without effectiveDate is dated by the domain at the act it corrects, never today: a correction recorded
 * now must not block the back-dated ordinary entries still to come on the case.
 */
@ApiTags('cases')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry-safe command id' })
@ApiHeader({ name: 'If-Match', required: false, description: 'Stream revision (ETag) the client last saw' })
@Refuses(refusalsOfKinds(CASE_ERROR_KINDS))
@Controller('cases')
export class CaseCorrectionsController implements SendsCommands {
  constructor(private readonly commands: CommandBus) {}

  /** Sends one corrective command of the route table; its reason also goes into the events' metadata. */
  async send(
    caseId: string,
    command: { type: string; data: object },
    context: CommandContext,
    reply: FastifyReply,
  ): Promise<CommandResponse> {
    // Every corrective DTO requires `reason`; the decider refuses a blank one (REASON_REQUIRED).
    const { reason } = command.data as { readonly reason: string };
    const result = await this.commands.execute(
      new ExecuteCaseCommand(caseId, command as CaseCommand, Object.assign({}, context, { reason })),
    );
    return commandResponse(caseId, result, reply);
  }
}

addCommandRoutes(CaseCorrectionsController, 'caseId', new IdParamPipe('caseId'), CASE_CORRECTION_ROUTES);
