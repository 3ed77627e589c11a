import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiHeader,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { COMPLETION_REPORT_ERROR_KINDS, completionReport, toCsv, toXlsx, XLSX_MEDIA_TYPE } from '@thads/read-models';
import type { FastifyReply } from 'fastify';
import { RESPONSE_HEADERS } from '../docs/answers';
import { ProblemDto } from '../problem/problem.dto';
import { Refuses, refusalsOfKinds } from '../problem/refusals';
import { Access } from '../auth/access-policy';
import { CompletionReportResponseDto } from './dto/completion-report-responses.dto';
import { READ_STATISTICS } from '../auth/policies';
import { jsonSafe } from '../http/json-safe';
import { negotiateMediaType } from '../http/negotiate-media-type';
import { queryHeaders } from '../http/read-model-answer';
import { ReadYourWrites } from '../read-models/read-your-writes';
import { CompletionReportQueryDto } from './dto/reporting.dtos';

/** What the report is offered as, JSON first: the answer to a missing Accept or to any type. */
const COMPLETION_REPORT_TYPES = ['application/json', 'text/csv', XLSX_MEDIA_TYPE] as const;

/** THADS completion statistics per office and period (docs/statistics.md), from the completion_stats read model. */
@ApiTags('reports')
@ApiBearerAuth()
@Refuses(refusalsOfKinds(COMPLETION_REPORT_ERROR_KINDS))
@ApiExtraModels(CompletionReportResponseDto, ProblemDto)
@Controller('reports')
export class CompletionReportController {
  constructor(private readonly readModels: ReadYourWrites) {}

  @Get('completion')
  @Access(READ_STATISTICS)
  @ApiOperation({
    summary:
      'Completion report: every figure by cases and money, rates, targets and gaps, per office, its children and the roll-up',
    description:
      'The statistics circular of the period (TT 08/2015, TT 06/2019, TT 05/2024; `regime`): completion rate = completed ÷ ' +
      'enforceable × 100, half-up to two decimals; gap = rate − target. A closed period is frozen (TTLT 12/2021 Art. 10): later ' +
      'corrections show as `adjustments` of the next period. From the completion_stats read model (docs/statistics.md).',
  })
  @ApiResponse({
    status: 200,
    description: 'The report as JSON, CSV (`lang=vi` for Vietnamese headings) or an XLSX workbook, by Accept',
    headers: Object.assign({}, RESPONSE_HEADERS.position, RESPONSE_HEADERS.noStore, {
      Vary: { description: 'Accept', required: true, schema: { type: 'string' } },
    }),
    content: {
      'application/json': { schema: { $ref: getSchemaPath(CompletionReportResponseDto) } },
      'text/csv': { schema: { type: 'string' } },
      [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiHeader({
    name: 'Accept',
    required: false,
    description: `${COMPLETION_REPORT_TYPES.join(', ')} (JSON when absent or */*); anything else is 406 NOT_ACCEPTABLE`,
  })
  async completion(
    @Query() query: CompletionReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const mediaType = negotiateMediaType(accept, COMPLETION_REPORT_TYPES);
    await this.readModels.reflect(['completion_stats'], query.minPosition);
    const report = await completionReport(this.readModels.db, {
      officeId: query.office,
      period: query.period,
      asOf: query.asOf,
      structure: query.structure,
    });
    queryHeaders(reply, report.position);
    const name = `completion-${query.office ?? 'country'}-${query.period}`;
    void reply.header('vary', 'Accept');
    if (mediaType === 'text/csv') {
      void reply.header('content-type', 'text/csv; charset=utf-8');
      void reply.header('content-disposition', `inline; filename="${name}${query.lang === 'vi' ? '-vi' : ''}.csv"`);
      return toCsv(report, { lang: query.lang });
    }
    if (mediaType === XLSX_MEDIA_TYPE) {
      void reply.header('content-type', XLSX_MEDIA_TYPE);
      void reply.header('content-disposition', `attachment; filename="${name}.xlsx"`);
      return toXlsx(report);
    }
    return jsonSafe(report);
  }
}
