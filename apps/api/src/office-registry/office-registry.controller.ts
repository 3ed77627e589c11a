import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  EVENT_STORE,
  ExecuteOfficeRegistryCommand,
  readOfficeRegistry,
  OFFICE_REGISTRY_ID,
  type CommandContext,
} from '@thads/application';
import { OFFICE_REGISTRY_ERROR_KINDS, type OfficeRegistryCommand } from '@thads/domain';
import type { EventStore } from '@thads/event-store';
import type { FastifyReply } from 'fastify';
import { ApiCommandAnswer, ApiQueryAnswer } from '../docs/answers';
import { queryHeaders } from '../http/read-model-answer';
import { Refuses, refusalsOfKinds, STREAM_READ } from '../problem/refusals';
import { OfficeSuccessionsResponseDto } from './office-registry-responses.dto';
import { Access } from '../auth/access-policy';
import { STRUCTURE_CHANGE } from '../auth/policies';
import { commandResponse, type CommandResponse } from '../http/command-response';
import { IdParamPipe } from '../http/id-param.pipe';
import { RequestCommandContext } from '../http/request-context';
import { MergeOfficesDto, RenameOfficeDto, SplitOfficeDto } from './office-registry.dtos';

const OfficeId = new IdParamPipe('officeId');

/**
 * Changes of the office structure (docs/domain.md "Offices and succession"): mergers, splits and renames, each with
 * its effective date and legal act, in the one registry stream. Admins only: they follow the Ministry's acts.
 */
@ApiTags('offices')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry-safe command id' })
@ApiHeader({ name: 'If-Match', required: false, description: 'Registry stream revision (ETag) the client last saw' })
@Refuses(refusalsOfKinds(OFFICE_REGISTRY_ERROR_KINDS), STREAM_READ)
@Controller('offices')
export class OfficeRegistryController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post('merge')
  @HttpCode(200)
  @Access(STRUCTURE_CHANGE)
  @ApiOperation({
    summary: 'MergeOffices: offices pass their open cases to a successor from the effective date',
    description:
      "Admins only, carrying out the Ministry's act: from the effective date the successor acts on the predecessors' open cases and reports roll up under it (docs/domain.md, Offices and succession). Every office named must be registered by then.",
  })
  @ApiCommandAnswer()
  merge(
    @Body() body: MergeOfficesDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run({ type: 'MergeOffices', data: body }, c, r);
  }

  @Post('split')
  @HttpCode(200)
  @Access(STRUCTURE_CHANGE)
  @ApiOperation({
    summary: 'SplitOffice: an office divided between successors; its open cases pass to one of them',
    description:
      "Admins only: the split office's open cases pass whole to the successor the act names, from the effective date.",
  })
  @ApiCommandAnswer()
  split(
    @Body() body: SplitOfficeDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run({ type: 'SplitOffice', data: body }, c, r);
  }

  @Post(':officeId/rename')
  @HttpCode(200)
  @Access(STRUCTURE_CHANGE)
  @ApiOperation({
    summary: 'RenameOffice: a new name from the effective date; id, cases and place stay',
    description: 'Admins only: reports name the office by the name in force on their date.',
  })
  @ApiCommandAnswer()
  rename(
    @Param('officeId', OfficeId) officeId: string,
    @Body() body: RenameOfficeDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run({ type: 'RenameOffice', data: { ...body, officeId } }, c, r);
  }

  @Get('successions')
  @Access(STRUCTURE_CHANGE)
  @ApiOperation({
    summary: 'Every succession and rename recorded, with its effective date and legal act',
    description: 'Read from the registry stream of the event store: always current.',
  })
  @ApiQueryAnswer(OfficeSuccessionsResponseDto, 'Successions and renames in the order they were recorded')
  async successions(@Res({ passthrough: true }) reply: FastifyReply) {
    const { state, position } = await readOfficeRegistry(this.store);
    queryHeaders(reply, position);
    return { successions: state.successions, renames: state.renames };
  }

  private async run(
    command: OfficeRegistryCommand,
    context: CommandContext,
    reply: FastifyReply,
  ): Promise<CommandResponse> {
    const result = await this.commands.execute(new ExecuteOfficeRegistryCommand(command, context));
    return commandResponse(OFFICE_REGISTRY_ID, result, reply);
  }
}
