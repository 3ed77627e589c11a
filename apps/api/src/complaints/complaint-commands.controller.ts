import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { deterministicUuid, ExecuteComplaintCommand, type CommandContext } from '@thads/application';
import type { ComplaintCommand } from '@thads/domain';
import type { FastifyReply } from 'fastify';
import { COMPLAINT_ERROR_KINDS } from '@thads/domain';
import { ApiCommandAnswer } from '../docs/answers';
import { Refuses, refusalsOfKinds } from '../problem/refusals';
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
@Refuses(refusalsOfKinds(COMPLAINT_ERROR_KINDS))
@Controller('complaints')
export class ComplaintCommandsController {
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
    const command: ComplaintCommand = { type: 'FileComplaint', data: { ...dated(body, localToday()), complaintId } };
    const result = await this.commands.execute(new ExecuteComplaintCommand(complaintId, command, context));
    void reply.status(201).header('location', `/api/v1/complaints/${complaintId}`);
    return commandResponse(complaintId, result, reply);
  }

  @Post(':complaintId/accept')
  @HttpCode(200)
  @Access(HEAD_DECISION_ON_COMPLAINT)
  @ApiOperation({
    summary: 'AcceptComplaint: the competent head accepts the complaint for resolution',
    description:
      "Law 2008 Art. 142, 145: the head of the office holding the current level's deciding authority (escalation matrix); the resolution is then due within its limit. Anyone else: `<AUTHORITY>_REQUIRED` (403).",
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'DeclineComplaint: the competent head declines to accept the complaint',
    description:
      "Law 2008 Art. 141: on the grounds the law lists (out of time, not the complainant's matter, already resolved…).",
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'DecideComplaint: the resolution decision of the current level',
    description:
      "Law 2008 Art. 142, 143: within the level's limit; a level-1 decision may be escalated once, a level-2 decision is final.",
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'EscalateComplaint: the complainant takes an unresolved or contested complaint to level 2',
    description:
      'Law 2008 Art. 140(2), 142: within the limit after the level-1 decision (or its missed deadline); level 2 is decided by the office above.',
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'WithdrawComplaint: the complainant withdraws the complaint',
    description: 'Law 2008 Art. 146: resolution stops; the complaint is closed.',
  })
  @ApiCommandAnswer()
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
