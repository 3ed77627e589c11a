import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CommandContext, deterministicUuid, ExecuteCaseCommand, vietnamToday } from '@thads/application';
import type { CaseCommand } from '@thads/domain';
import type { FastifyReply } from 'fastify';
import { CASE_ERROR_KINDS } from '@thads/domain';
import { ApiCommandAnswer } from '../docs/answers';
import { Refuses, refusalsOfKinds } from '../problem/refusals';
import { Access } from '../auth/access-policy';
import { commandResponse, dated, type CommandResponse } from '../http/command-response';
import { IdParamPipe } from '../http/id-param.pipe';
import { addCommandRoutes, type SendsCommands } from '../http/routes';
import { RequestCommandContext } from '../http/request-context';
import { ReceiveCaseDto } from './dto/receive-case.dto';
import { CASE_DECISION_ROUTES } from './routes/case-decision.routes';
import { CASE_ENFORCEMENT_ROUTES } from './routes/case-enforcement.routes';
import { CASE_STATUS_ROUTES } from './routes/case-status.routes';

/**
 * One POST per case command (docs/architecture.md): ReceiveCase here, since it creates the case and chooses its id;
 * every other command is a row of the route tables in ./routes (route, command, DTO, policy, OpenAPI text). Decisions
 * of the head (§4.1 rule 15) are HEAD_DECISION_ON_CASE; the officer's case work is CASE_WORK; both within the case's office.
 */
@ApiTags('cases')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry-safe command id' })
@ApiHeader({ name: 'If-Match', required: false, description: 'Stream revision (ETag) the client last saw' })
@Refuses(refusalsOfKinds(CASE_ERROR_KINDS))
@Controller('cases')
export class CaseCommandsController implements SendsCommands {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Access({ roles: ['officer', 'head'], office: 'office-in-body' })
  @ApiOperation({
    summary: 'ReceiveCase: register a judgment or an enforcement request',
    description:
      'Records CaseReceived. The enforcement decision is due within 5 working days of receipt (Law 2008 Art. 36). `caseId` may be omitted: the server derives one from the caller and the Idempotency-Key, so a retried creation makes one case.',
  })
  @ApiCommandAnswer(201)
  async receiveCase(
    @Body() body: ReceiveCaseDto,
    @RequestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const caseId = body.caseId ?? deterministicUuid(`case:${context.actor.id}:${context.commandId}`);
    // dated() returns a new object; caseId is added to it in place (a spread that adds keys is slow: change 50).
    const data = Object.assign(dated(body, vietnamToday()), {
      caseId,
      obligations: body.obligations.map((item) => ({ ...item, amount: BigInt(item.amount) })),
    });
    const result = await this.commands.execute(new ExecuteCaseCommand(caseId, { type: 'ReceiveCase', data }, context));
    void reply.status(201).header('location', `/api/v1/cases/${caseId}`);
    return commandResponse(caseId, result, reply);
  }

  /** Sends one command of the route table about the case in the path. */
  async send(
    caseId: string,
    command: { type: string; data: object },
    context: CommandContext,
    reply: FastifyReply,
  ): Promise<CommandResponse> {
    // The rows' DTOs are the commands' validated data; the decider checks them again.
    const result = await this.commands.execute(new ExecuteCaseCommand(caseId, command as CaseCommand, context));
    return commandResponse(caseId, result, reply);
  }
}

addCommandRoutes(CaseCommandsController, 'caseId', new IdParamPipe('caseId'), [
  ...CASE_DECISION_ROUTES,
  ...CASE_ENFORCEMENT_ROUTES,
  ...CASE_STATUS_ROUTES,
]);
