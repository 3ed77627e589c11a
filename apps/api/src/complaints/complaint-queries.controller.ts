import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetComplaint } from '@thads/application';
import type { FastifyReply } from 'fastify';
import { ApiQueryAnswer } from '../docs/answers';
import { Refuses, STREAM_READ } from '../problem/refusals';
import { Access } from '../auth/access-policy';
import { ComplaintResponseDto } from './dto/complaint-responses.dto';
import { READ_COMPLAINT } from '../auth/policies';
import { IdParamPipe } from '../http/id-param.pipe';
import { jsonSafe } from '../http/json-safe';
import { streamAnswerHeaders } from '../http/read-model-answer';
import { recordedEventView } from '../http/recorded-event-view';

const ComplaintId = new IdParamPipe('complaintId');

@ApiTags('complaints')
@ApiBearerAuth()
@Refuses(STREAM_READ)
@Controller('complaints')
export class ComplaintQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':complaintId')
  @Access(READ_COMPLAINT)
  @ApiOperation({
    summary: "A complaint's state (level, deciding authority, due dates), revision and events",
    description: 'Folded from its stream in the event store: always current.',
  })
  @ApiQueryAnswer(ComplaintResponseDto, 'The folded state and the events', { etag: true })
  async getComplaint(
    @Param('complaintId', ComplaintId) complaintId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const loaded = await this.queries.execute(new GetComplaint(complaintId));
    streamAnswerHeaders(reply, { revision: loaded.revision, position: loaded.events.at(-1)?.position ?? -1n });
    return {
      id: complaintId,
      streamName: loaded.streamName,
      revision: loaded.revision.toString(),
      state: jsonSafe(loaded.state),
      events: loaded.events.map(recordedEventView),
    };
  }
}
