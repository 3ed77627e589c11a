import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORTING_OFFICE_TIERS, type ReportingOfficeTier } from '@thads/domain';
import { REPORT_LANGUAGES, type ReportLanguage } from '@thads/read-models';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { EffectiveDate, IsIdentifier, IsLocalDateString, IsOneOf, IsText } from '../../http/validators';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const RATE_PERCENT = /^\d{1,3}(\.\d{1,2})?$/;

/** A reporting period: the month a cumulative period ends in, `YYYY-MM`. */
function IsReportingPeriod(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: String,
      pattern: PERIOD.source,
      example: '2018-05',
      description: 'Month the cumulative period (from 1 October) ends in',
    }),
    IsString(),
    Matches(PERIOD, { message: '$property must be a month written YYYY-MM, e.g. "2018-05"' }),
  );
}

/** A percentage with at most 2 decimals, as a string: a target is never a float. The domain checks ≤ 100. */
function IsRatePercent(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: String,
      pattern: RATE_PERCENT.source,
      example: '72.50',
      description: 'Percent, at most 2 decimals, as a string',
    }),
    IsString({ message: '$property must be a percentage written as a string, e.g. "72" or "72.50"' }),
    Matches(RATE_PERCENT, {
      message: '$property must be a percentage from 0 to 100 with at most 2 decimals, e.g. "72.50"',
    }),
  );
}

/** RegisterOffice: an enforcement office and its parent in the hierarchy the statistics roll up along. */
export class RegisterOfficeDto {
  @IsIdentifier() officeId!: string;
  @IsText(300) name!: string;
  @IsIdentifier({ optional: true }) parentOfficeId?: string;
  @IsOneOf(REPORTING_OFFICE_TIERS) tier!: ReportingOfficeTier;
  @EffectiveDate() effectiveDate?: string;
}

/** SetTarget: the completion-rate targets of a reporting year (1 Oct of the year before – 30 Sep). */
export class SetTargetDto {
  @ApiProperty({ example: 2018, description: 'The year the reporting year ends in: 2018 is 1 Oct 2017 – 30 Sep 2018' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  reportingYear!: number;

  @IsRatePercent() casesRatePercent!: string;
  @IsRatePercent() moneyRatePercent!: string;
  @EffectiveDate() effectiveDate?: string;
}

/** ClosePeriod: freezes the office's figures for a period; later records land in the next period as adjustments. */
export class ClosePeriodDto {
  @IsReportingPeriod() period!: string;
  @EffectiveDate() effectiveDate?: string;
}

/** Query string of GET /reports/completion. */
export class CompletionReportQueryDto {
  /** Omit for the whole country. */
  @IsIdentifier({ optional: true }) office?: string;
  @IsReportingPeriod() period!: string;
  @IsLocalDateString({ optional: true, description: 'Report as recorded by 24:00 on this date (Asia/Ho_Chi_Minh)' })
  asOf?: string;

  @IsLocalDateString({
    optional: true,
    description:
      'Lay the report out in the office structure in force on this date (default: the period end). A case counts under the office holding it then: e.g. 2025-06-30 shows year 2025 in the structure before the 1 July 2025 reorganisation. Figures in another structure than the period end are computed from the facts, never frozen.',
  })
  structure?: string;

  /** Headings and coded values of the CSV: `en` (snake_case, the default) or `vi` (the forms' Vietnamese terms). */
  @IsOneOf(REPORT_LANGUAGES, { optional: true })
  lang?: ReportLanguage;

  /** Checked by ReadYourWrites, which owns the rule for positions. */
  @ApiPropertyOptional({
    type: String,
    description: 'Wait until the read model has applied this log position (read your writes)',
  })
  @IsOptional()
  @IsString()
  minPosition?: string;
}
