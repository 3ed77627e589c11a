import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetCase, GetCaseEvents } from '@thads/application';
import type { FastifyReply } from 'fastify';
import { ApiQueryAnswer } from '../docs/answers';
import { Refuses, STREAM_READ } from '../problem/refusals';
import { Access } from '../auth/access-policy';
import { CaseEventsResponseDto, CaseStateResponseDto } from './dto/case-responses.dto';
import { READ_CASE } from '../auth/policies';
import { IdParamPipe } from '../http/id-param.pipe';
import { eventsAnswerJson } from '../http/events-answer-json';
import { jsonSafe } from '../http/json-safe';
import { streamAnswerHeaders } from '../http/read-model-answer';

const CaseId = new IdParamPipe('caseId');

@ApiTags('cases')
@ApiBearerAuth()
@Refuses(STREAM_READ)
@Controller('cases')
export class CaseQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':caseId')
  @Access(READ_CASE)
  @ApiOperation({
    summary: "A case's current state folded from its events, with its revision (also the ETag)",
    description:
      'Read from the event store, not a read model: always current. Retracted facts are folded as corrected (docs/corrections.md).',
  })
  @ApiQueryAnswer(CaseStateResponseDto, 'The folded state; X-Read-Model-Position is the position of its last event', {
    etag: true,
  })
  async getCase(@Param('caseId', CaseId) caseId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const loaded = await this.queries.execute(new GetCase(caseId));
    streamAnswerHeaders(reply, loaded);
    return {
      id: caseId,
      streamName: loaded.streamName,
      revision: loaded.revision.toString(),
      state: jsonSafe(loaded.state),
    };
  }

  @Get(':caseId/events')
  @Access(READ_CASE)
  @ApiOperation({
    summary: "A case's events in order, with envelope metadata and hash chain",
    description: 'Every stored event, retracted ones included (a retraction is an event of its own).',
  })
  @ApiQueryAnswer(CaseEventsResponseDto, 'The events in revision order', { etag: true })
  async getCaseEvents(@Param('caseId', CaseId) caseId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const loaded = await this.queries.execute(new GetCaseEvents(caseId));
    streamAnswerHeaders(reply, loaded);
    return eventsAnswerJson(
      reply,
      { id: caseId, streamName: loaded.streamName, revision: loaded.revision },
      loaded.events,
    );
  }
}
