import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExecuteReportingCommand } from '@thads/application';
import type { ReportingCommand } from '@thads/domain';
import type { FastifyReply } from 'fastify';
import { commandResponse, dated, type CommandResponse } from '../http/command-response';
import { IdParamPipe } from '../http/id-param.pipe';
import { localToday } from '../http/local-today';
import { commandContextFrom } from '../http/request-context';
import { ClosePeriodDto, RegisterOfficeDto, SetTargetDto } from './dto/reporting.dtos';

type RequestHeaders = Record<string, string | undefined>;
const OfficeId = new IdParamPipe('officeId');

/** Offices for the statistics: registration in the hierarchy, targets per reporting year, closing periods. */
@ApiTags('offices')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry-safe command id' })
@ApiHeader({ name: 'If-Match', required: false, description: 'Stream revision (ETag) the client last saw' })
@Controller('offices')
export class ReportingCommandsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'RegisterOffice: an enforcement office and its parent (register parents first)' })
  async registerOffice(@Body() body: RegisterOfficeDto, @Headers() headers: RequestHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    void reply.status(201);
    return this.run(body.officeId, { type: 'RegisterOffice', data: dated(body, localToday()) }, headers, reply);
  }

  @Post(':officeId/targets') @HttpCode(200)
  @ApiOperation({ summary: 'SetTarget: completion-rate targets of a reporting year, by cases and by money' })
  setTarget(@Param('officeId', OfficeId) officeId: string, @Body() body: SetTargetDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(officeId, { type: 'SetTarget', data: { ...dated(body, localToday()), officeId } }, h, r);
  }

  @Post(':officeId/close-period') @HttpCode(200)
  @ApiOperation({ summary: 'ClosePeriod: freeze the office’s figures for a month-end period (TTLT 12/2021 Art. 10)' })
  closePeriod(@Param('officeId', OfficeId) officeId: string, @Body() body: ClosePeriodDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(officeId, { type: 'ClosePeriod', data: { ...dated(body, localToday()), officeId } }, h, r);
  }

  private async run(officeId: string, command: ReportingCommand, headers: RequestHeaders, reply: FastifyReply): Promise<CommandResponse> {
    const result = await this.commands.execute(new ExecuteReportingCommand(officeId, command, commandContextFrom(headers)));
    return commandResponse(officeId, result, reply);
  }
}
