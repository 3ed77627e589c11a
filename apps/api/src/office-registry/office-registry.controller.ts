import { Controller, Get, Inject, Res } from '@nestjs/common';
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
import { ApiQueryAnswer } from '../docs/answers';
import { queryHeaders } from '../http/read-model-answer';
import { Refuses, refusalsOfKinds, STREAM_READ } from '../problem/refusals';
import { OfficeSuccessionsResponseDto } from './office-registry-responses.dto';
import { Access } from '../auth/access-policy';
import { STRUCTURE_CHANGE } from '../auth/policies';
import { commandResponse, type CommandResponse } from '../http/command-response';
import { IdParamPipe } from '../http/id-param.pipe';
import { addCommandRoutes, type SendsCommands } from '../http/routes';
import { OFFICE_REGISTRY_ROUTES } from './routes/office-registry.routes';

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
export class OfficeRegistryController implements SendsCommands {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

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

  /** Sends one structure command of the route table; every one is about the single registry stream. */
  async send(
    _officeId: string | undefined,
    command: { type: string; data: object },
    context: CommandContext,
    reply: FastifyReply,
  ): Promise<CommandResponse> {
    const result = await this.commands.execute(
      new ExecuteOfficeRegistryCommand(command as OfficeRegistryCommand, context),
    );
    return commandResponse(OFFICE_REGISTRY_ID, result, reply);
  }
}

addCommandRoutes(OfficeRegistryController, 'officeId', new IdParamPipe('officeId'), OFFICE_REGISTRY_ROUTES);
