import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { deterministicUuid, ExecuteComplaintCommand, type CommandContext } from '@thads/application';
import type { ComplaintCommand } from '@thads/domain';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access-policy';
import { COMPLAINT_RECORDING, HEAD_DECISION_ON_COMPLAINT } from '../auth/policies';
import { commandResponse, dated, type CommandResponse } from '../http/command-response';
import { IdParamPipe } from '../http/id-param.pipe';
import { localToday } from '../http/local-today';
import { RequestCommandContext } from '../http/request-context';
import * as Dto from './dto/complaint.dtos';

const ComplaintId = new IdParamPipe('complaintId');

/** One POST per complaint command (Art. 140–153), within the office of the case complained about. */
@ApiTags('complaints')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry-safe command id' })
@ApiHeader({ name: 'If-Match', required: false, description: 'Stream revision (ETag) the client last saw' })
@Controller('complaints')
export class ComplaintCommandsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Access({ roles: ['officer', 'head'], office: 'case-in-body' })
  @ApiOperation({ summary: 'FileComplaint against a decision or act in a case' })
  async fileComplaint(
    @Body() body: Dto.FileComplaintDto,
    @RequestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const complaintId = body.complaintId ?? deterministicUuid(`complaint:${context.actor.id}:${context.commandId}`);
    const command: ComplaintCommand = { type: 'FileComplaint', data: { ...dated(body, localToday()), complaintId } };
    const result = await this.commands.execute(new ExecuteComplaintCommand(complaintId, command, context));
    void reply.status(201).header('location', `/api/v1/complaints/${complaintId}`);
    return commandResponse(complaintId, result, reply);
  }

  @Post(':complaintId/accept')
  @HttpCode(200)
  @Access(HEAD_DECISION_ON_COMPLAINT)
  accept(
    @Param('complaintId', ComplaintId) id: string,
    @Body() body: Dto.AcceptComplaintDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'AcceptComplaint', data: dated(body, localToday()) }, c, r);
  }

  @Post(':complaintId/decline')
  @HttpCode(200)
  @Access(HEAD_DECISION_ON_COMPLAINT)
  decline(
    @Param('complaintId', ComplaintId) id: string,
    @Body() body: Dto.DeclineComplaintDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'DeclineComplaint', data: dated(body, localToday()) }, c, r);
  }

  @Post(':complaintId/decide')
  @HttpCode(200)
  @Access(HEAD_DECISION_ON_COMPLAINT)
  decide(
    @Param('complaintId', ComplaintId) id: string,
    @Body() body: Dto.DecideComplaintDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'DecideComplaint', data: dated(body, localToday()) }, c, r);
  }

  @Post(':complaintId/escalate')
  @HttpCode(200)
  @Access(COMPLAINT_RECORDING)
  escalate(
    @Param('complaintId', ComplaintId) id: string,
    @Body() body: Dto.EscalateComplaintDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'EscalateComplaint', data: dated(body, localToday()) }, c, r);
  }

  @Post(':complaintId/withdraw')
  @HttpCode(200)
  @Access(COMPLAINT_RECORDING)
  withdraw(
    @Param('complaintId', ComplaintId) id: string,
    @Body() body: Dto.WithdrawComplaintDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'WithdrawComplaint', data: dated(body, localToday()) }, c, r);
  }

  private async run(
    complaintId: string,
    command: ComplaintCommand,
    context: CommandContext,
    reply: FastifyReply,
  ): Promise<CommandResponse> {
    const result = await this.commands.execute(new ExecuteComplaintCommand(complaintId, command, context));
    return commandResponse(complaintId, result, reply);
  }
}
