import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { DomainError } from '@thads/domain';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { queryCaseSummaries } from '@thads/read-models';
import type { FastifyReply } from 'fastify';
import { ApiQueryAnswer } from '../docs/answers';
import { Access } from '../auth/access-policy';
import { READ_CASE_SUMMARY, READ_OFFICE_LIST } from '../auth/policies';
import { IdParamPipe } from '../http/id-param.pipe';
import { jsonSafe } from '../http/json-safe';
import { asBadQueryParam, readModelAnswer } from '../http/read-model-answer';
import { ReadYourWrites } from '../read-models/read-your-writes';
import { CaseListQueryDto, CaseSummaryQueryDto } from './dto/case-list.query';
import { CaseListResponseDto, CaseSummaryResponseDto } from './dto/case-responses.dto';

const CaseId = new IdParamPipe('caseId');

/** Lists of cases from the case_summary read model (the single case, folded from its events, is GET /cases/{id}). */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseListController {
  constructor(private readonly readModels: ReadYourWrites) {}

  @Get()
  @Access(READ_OFFICE_LIST)
  @ApiOperation({
    summary:
      'Cases: status, office, officer, money owed, collected and paid out, next legal deadline; filter, sort, page',
    description:
      'From the case_summary read model. Money is whole VND as decimal strings. `nextDueOn` is the earliest open legal deadline ' +
      '(`nextDueKind`: DECISION, VERIFICATION, NOT_ENFORCEABLE_DECISION, REVERIFICATION, VALUER_CONTRACT, AUCTION_CONTRACT, DISBURSEMENT). ' +
      'Pages are keyset: pass `nextCursor` back as `cursor` with the same sort and order.',
  })
  @ApiQueryAnswer(CaseListResponseDto, 'A page of cases; `position` is the log position the rows reflect')
  async list(@Query() query: CaseListQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.readModels.reflect(['case_summary'], query.minPosition);
    const page = await queryCaseSummaries(this.readModels.db, {
      office: query.office,
      status: query.status,
      officer: query.officer,
      dueBefore: query.dueBefore,
      sort: query.sort,
      order: query.order,
      limit: query.limit === undefined ? undefined : Number(query.limit),
      cursor: query.cursor,
    }).catch((error: unknown) => asBadQueryParam(error));
    return readModelAnswer(reply, page.position, { items: page.items.map(jsonSafe), nextCursor: page.nextCursor });
  }

  @Get(':caseId/summary')
  @Access(READ_CASE_SUMMARY)
  @ApiOperation({
    summary: "One case's case_summary row: the row a change-feed message (`key` case-<caseId>) names",
    description:
      "The same item as in GET /cases. Pass the feed message's `position` as `minPosition` to read at least that change. " +
      'Readable by the reporting service, which has no case-work rights: the row names no party.',
  })
  @ApiQueryAnswer(CaseSummaryResponseDto, 'The row; 404 CASE_NOT_FOUND until the projection has it')
  async summary(
    @Param('caseId', CaseId) caseId: string,
    @Query() query: CaseSummaryQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.readModels.reflect(['case_summary'], query.minPosition);
    const page = await queryCaseSummaries(this.readModels.db, { caseId, limit: 1 });
    const [item] = page.items;
    if (item === undefined)
      throw new DomainError('CASE_NOT_FOUND', `No case_summary row for case ${caseId}`, { id: caseId });
    return readModelAnswer(reply, page.position, { item: jsonSafe(item) });
  }
}
