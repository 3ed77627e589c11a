import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { queryComplaintQueue } from '@thads/read-models';
import type { FastifyReply } from 'fastify';
import { ApiQueryAnswer } from '../docs/answers';
import { Access } from '../auth/access-policy';
import { ComplaintQueueResponseDto } from './dto/complaint-responses.dto';
import { READ_OFFICE_LIST } from '../auth/policies';
import { jsonSafe } from '../http/json-safe';
import { vietnamToday } from '@thads/application';
import { asBadQueryParam, readModelAnswer } from '../http/read-model-answer';
import { ReadYourWrites } from '../read-models/read-your-writes';
import { ComplaintQueueQueryDto } from './dto/complaint-queue.query';

/** The complaint queue from the complaint_queue read model (one complaint, folded from its events, is GET /complaints/{id}). */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintQueueController {
  constructor(private readonly readModels: ReadYourWrites) {}

  @Get()
  @Access(READ_OFFICE_LIST)
  @ApiOperation({
    summary: 'Complaint queue: level, status, deciding authority, acceptance and resolution due dates, overdue on asOf',
    description:
      'From the complaint_queue read model, soonest due first; complaints owing no act come last. Due dates are those the events carry ' +
      '(working-day calendar). `overdue` is judged against `asOf` (default: today in Asia/Ho_Chi_Minh): an open acceptance or ' +
      'resolution whose due date is before it. `deadlineMissed` stays true once the deadline sweep recorded a miss.',
  })
  @ApiQueryAnswer(ComplaintQueueResponseDto, 'A page of the queue; `position` is the log position the rows reflect')
  async queue(@Query() query: ComplaintQueueQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.readModels.reflect(['complaint_queue'], query.minPosition);
    // "Today" is read here, at the edge; the read model and its query never read a clock.
    const asOf = query.asOf ?? vietnamToday();
    const page = await queryComplaintQueue(this.readModels.db, {
      asOf,
      overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      level: query.level === undefined ? undefined : Number(query.level),
      office: query.office,
      status: query.status,
      limit: query.limit === undefined ? undefined : Number(query.limit),
      cursor: query.cursor,
    }).catch((error: unknown) => asBadQueryParam(error));
    return readModelAnswer(reply, page.position, {
      items: page.items.map(jsonSafe),
      nextCursor: page.nextCursor,
      asOf: page.asOf,
    });
  }
}
