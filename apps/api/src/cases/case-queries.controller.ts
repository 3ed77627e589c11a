import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetCase, GetCaseEvents } from '@thads/application';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access-policy';
import { READ_CASE } from '../auth/policies';
import { IdParamPipe } from '../http/id-param.pipe';
import { jsonSafe } from '../http/json-safe';
import { streamAnswerHeaders } from '../http/read-model-answer';
import { recordedEventView } from '../http/recorded-event-view';

const CaseId = new IdParamPipe('caseId');

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':caseId')
  @Access(READ_CASE)
  @ApiOperation({ summary: "A case's current state folded from its events, with its revision (also the ETag)" })
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
  @ApiOperation({ summary: "A case's events in order, with envelope metadata and hash chain" })
  async getCaseEvents(@Param('caseId', CaseId) caseId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const loaded = await this.queries.execute(new GetCaseEvents(caseId));
    streamAnswerHeaders(reply, loaded);
    return {
      id: caseId,
      streamName: loaded.streamName,
      revision: loaded.revision.toString(),
      events: loaded.events.map(recordedEventView),
    };
  }
}
