import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CommandContext, ExecuteReportingCommand, vietnamToday } from '@thads/application';
import { REPORTING_ERROR_KINDS, type ReportingCommand } from '@thads/domain';
import type { FastifyReply } from 'fastify';
import { ApiCommandAnswer } from '../docs/answers';
import { Refuses, refusalsOfKinds } from '../problem/refusals';
import { Access } from '../auth/access-policy';
import { commandResponse, dated, type CommandResponse } from '../http/command-response';
import { IdParamPipe } from '../http/id-param.pipe';
import { RequestCommandContext } from '../http/request-context';
import { RegisterOfficeDto } from './dto/reporting.dtos';
import { addCommandRoutes, type SendsCommands } from '../http/routes';
import { OFFICE_REPORTING_ROUTES } from './routes/office-reporting.routes';

/**
 * Offices for the statistics: registration in the hierarchy, targets per reporting year, closing periods. Admins, or
 * the head of the office above: an office is registered and given its target by its parent; a period is closed by
 * the office's own head or its parent's (docs/authorization.md).
 */
@ApiTags('offices')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry-safe command id' })
@ApiHeader({ name: 'If-Match', required: false, description: 'Stream revision (ETag) the client last saw' })
@Refuses(refusalsOfKinds(REPORTING_ERROR_KINDS))
@Controller('offices')
export class ReportingCommandsController implements SendsCommands {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Access({ roles: ['head', 'admin'], office: 'parent-in-body' })
  @ApiOperation({
    summary: 'RegisterOffice: an enforcement office and its parent (register parents first)',
    description:
      'Registered by the head of the parent office (admins for the top of the tree); the roll-up of statistics follows the tree.',
  })
  // An office has no address of its own to read it at (the report and lists name it), so no Location.
  @ApiCommandAnswer(201, { location: false })
  async registerOffice(
    @Body() body: RegisterOfficeDto,
    @RequestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    void reply.status(201);
    return this.run(body.officeId, { type: 'RegisterOffice', data: dated(body, vietnamToday()) }, context, reply);
  }

  private async run(
    officeId: string,
    command: ReportingCommand,
    context: CommandContext,
    reply: FastifyReply,
  ): Promise<CommandResponse> {
    const result = await this.commands.execute(new ExecuteReportingCommand(officeId, command, context));
    return commandResponse(officeId, result, reply);
  }

  /** Sends one command of the route table about the office in the path. */
  send(
    officeId: string | undefined,
    command: { type: string; data: object },
    context: CommandContext,
    reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.run(officeId as string, command as ReportingCommand, context, reply);
  }
}

addCommandRoutes(ReportingCommandsController, 'officeId', new IdParamPipe('officeId'), OFFICE_REPORTING_ROUTES);
