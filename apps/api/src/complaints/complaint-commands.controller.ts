import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CommandContext, deterministicUuid, ExecuteComplaintCommand, vietnamToday } from '@thads/application';
import type { ComplaintCommand } from '@thads/domain';
import type { FastifyReply } from 'fastify';
import { COMPLAINT_ERROR_KINDS } from '@thads/domain';
import { ApiCommandAnswer } from '../docs/answers';
import { Refuses, refusalsOfKinds } from '../problem/refusals';
import { Access } from '../auth/access-policy';
import { commandResponse, dated, type CommandResponse } from '../http/command-response';
import { IdParamPipe } from '../http/id-param.pipe';
import { RequestCommandContext } from '../http/request-context';
import { addCommandRoutes, type SendsCommands } from '../http/routes';
import { COMPLAINT_COMMAND_ROUTES } from './routes/complaint-command.routes';
import * as Dto from './dto/complaint.dtos';

/**
 * One POST per complaint command (Art. 140–153), within the office of the case complained about: FileComplaint here,
 * since it creates the complaint and chooses its id; the others are rows of ./routes/complaint-command.routes.ts.
 */
@ApiTags('complaints')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry-safe command id' })
@ApiHeader({ name: 'If-Match', required: false, description: 'Stream revision (ETag) the client last saw' })
@Refuses(refusalsOfKinds(COMPLAINT_ERROR_KINDS))
@Controller('complaints')
export class ComplaintCommandsController implements SendsCommands {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Access({ roles: ['officer', 'head'], office: 'case-in-body' })
  @ApiOperation({
    summary: 'FileComplaint against a decision or act in a case',
    description:
      'Law 2008 Art. 140(2): filed within the limit of its group (from receipt or knowledge of the act); the acceptance is then due within the limit of Art. 142 (docs/law-2026.md). The case must exist.',
  })
  @ApiCommandAnswer(201)
  async fileComplaint(
    @Body() body: Dto.FileComplaintDto,
    @RequestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const complaintId = body.complaintId ?? deterministicUuid(`complaint:${context.actor.id}:${context.commandId}`);
    const command: ComplaintCommand = {
      type: 'FileComplaint',
      data: Object.assign(dated(body, vietnamToday()), { complaintId }),
    };
    const result = await this.commands.execute(new ExecuteComplaintCommand(complaintId, command, context));
    void reply.status(201).header('location', `/api/v1/complaints/${complaintId}`);
    return commandResponse(complaintId, result, reply);
  }

  /** Sends one command of the route table about the complaint in the path. */
  async send(
    complaintId: string,
    command: { type: string; data: object },
    context: CommandContext,
    reply: FastifyReply,
  ): Promise<CommandResponse> {
    // The rows' DTOs are the commands' validated data; the decider checks them again.
    const result = await this.commands.execute(
      new ExecuteComplaintCommand(complaintId, command as ComplaintCommand, context),
    );
    return commandResponse(complaintId, result, reply);
  }
}

addCommandRoutes(ComplaintCommandsController, 'complaintId', new IdParamPipe('complaintId'), COMPLAINT_COMMAND_ROUTES);
