import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { deterministicUuid, ExecuteComplaintCommand } from '@thads/application';
import type { ComplaintCommand } from '@thads/domain';
import type { FastifyReply } from 'fastify';
import { commandResponse, dated, type CommandResponse } from '../http/command-response';
import { IdParamPipe } from '../http/id-param.pipe';
import { localToday } from '../http/local-today';
import { commandContextFrom } from '../http/request-context';
import * as Dto from './dto/complaint.dtos';

type RequestHeaders = Record<string, string | undefined>;
const ComplaintId = new IdParamPipe('complaintId');

/** One POST per complaint command (Art. 140–153). */
@ApiTags('complaints')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry-safe command id' })
@ApiHeader({ name: 'If-Match', required: false, description: 'Stream revision (ETag) the client last saw' })
@Controller('complaints')
export class ComplaintCommandsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'FileComplaint against a decision or act in a case' })
  async fileComplaint(@Body() body: Dto.FileComplaintDto, @Headers() headers: RequestHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    const context = commandContextFrom(headers);
    const complaintId = body.complaintId ?? deterministicUuid(`complaint:${context.commandId}`);
    const command: ComplaintCommand = { type: 'FileComplaint', data: { ...dated(body, localToday()), complaintId } };
    const result = await this.commands.execute(new ExecuteComplaintCommand(complaintId, command, context));
    void reply.status(201).header('location', `/api/v1/complaints/${complaintId}`);
    return commandResponse(complaintId, result, reply);
  }

  @Post(':complaintId/accept') @HttpCode(200)
  accept(@Param('complaintId', ComplaintId) id: string, @Body() body: Dto.AcceptComplaintDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'AcceptComplaint', data: dated(body, localToday()) }, h, r);
  }

  @Post(':complaintId/decline') @HttpCode(200)
  decline(@Param('complaintId', ComplaintId) id: string, @Body() body: Dto.DeclineComplaintDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'DeclineComplaint', data: dated(body, localToday()) }, h, r);
  }

  @Post(':complaintId/decide') @HttpCode(200)
  decide(@Param('complaintId', ComplaintId) id: string, @Body() body: Dto.DecideComplaintDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'DecideComplaint', data: dated(body, localToday()) }, h, r);
  }

  @Post(':complaintId/escalate') @HttpCode(200)
  escalate(@Param('complaintId', ComplaintId) id: string, @Body() body: Dto.EscalateComplaintDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'EscalateComplaint', data: dated(body, localToday()) }, h, r);
  }

  @Post(':complaintId/withdraw') @HttpCode(200)
  withdraw(@Param('complaintId', ComplaintId) id: string, @Body() body: Dto.WithdrawComplaintDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'WithdrawComplaint', data: dated(body, localToday()) }, h, r);
  }

  private async run(complaintId: string, command: ComplaintCommand, headers: RequestHeaders, reply: FastifyReply): Promise<CommandResponse> {
    const result = await this.commands.execute(new ExecuteComplaintCommand(complaintId, command, commandContextFrom(headers)));
    return commandResponse(complaintId, result, reply);
  }
}
