import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { completionReport, toCsv } from '@thads/read-models';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access-policy';
import { READ_STATISTICS } from '../auth/policies';
import { jsonSafe } from '../http/json-safe';
import { ReadYourWrites } from '../read-models/read-your-writes';
import { CompletionReportQueryDto } from './dto/reporting.dtos';

/** THADS completion statistics per office and period (docs/statistics.md), from the completion_stats read model. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class CompletionReportController {
  constructor(private readonly readModels: ReadYourWrites) {}

  @Get('completion')
  @Access(READ_STATISTICS)
  @ApiOperation({
    summary:
      'Completion report: every figure by cases and money, rates, targets and gaps, per office, its children and the roll-up',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiHeader({ name: 'Accept', required: false, description: 'text/csv for CSV; JSON otherwise' })
  async completion(
    @Query() query: CompletionReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.readModels.reflect(['completion_stats'], query.minPosition);
    const report = await completionReport(this.readModels.db, {
      officeId: query.office,
      period: query.period,
      asOf: query.asOf,
    });
    if (accept?.includes('text/csv')) {
      void reply.header('content-type', 'text/csv; charset=utf-8');
      void reply.header(
        'content-disposition',
        `inline; filename="completion-${query.office ?? 'country'}-${query.period}.csv"`,
      );
      return toCsv(report);
    }
    return jsonSafe(report);
  }
}
