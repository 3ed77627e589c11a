import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { queryAuditTrail } from '@thads/read-models';
import type { FastifyReply } from 'fastify';
import { ApiQueryAnswer } from '../docs/answers';
import { Access } from '../auth/access-policy';
import { AuditTrailResponseDto } from './dto/audit-responses.dto';
import { READ_AUDIT_TRAIL } from '../auth/policies';
import { jsonSafe } from '../http/json-safe';
import { asBadQueryParam, readModelAnswer } from '../http/read-model-answer';
import { ReadYourWrites } from '../read-models/read-your-writes';
import { AuditQueryDto } from './dto/audit.query';

/** The library's field names where the query parameter is named differently. */
const PARAM_OF_FIELD = { actorId: 'actor', officeId: 'office', eventType: 'type' } as const;

/** Every event with who, what, why and its hashes, from the audit_trail read model. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly readModels: ReadYourWrites) {}

  @Get()
  @Access(READ_AUDIT_TRAIL)
  @ApiOperation({
    summary:
      'Audit trail: every event with actor, role, office, command, correlation, reason, recorded and effective dates, hashes',
    description:
      "From the audit_trail read model, oldest first; filter by case, actor, the actor's office, event type and recorded-time range.",
  })
  @ApiQueryAnswer(AuditTrailResponseDto, 'A page of the trail; `position` is the log position the entries reflect')
  async audit(@Query() query: AuditQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.readModels.reflect(['audit_trail'], query.minPosition);
    const page = await queryAuditTrail(this.readModels.db, {
      caseId: query.caseId,
      actorId: query.actor,
      officeId: query.office,
      eventType: query.type,
      from: query.from,
      to: query.to,
      limit: query.limit === undefined ? undefined : Number(query.limit),
      cursor: query.cursor,
    }).catch((error: unknown) => asBadQueryParam(error, PARAM_OF_FIELD));
    return readModelAnswer(reply, page.position, { items: page.entries.map(jsonSafe), nextCursor: page.nextCursor });
  }
}
