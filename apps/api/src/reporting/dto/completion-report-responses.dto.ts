import { ApiProperty } from '@nestjs/swagger';
import { REPORTING_OFFICE_TIERS } from '@thads/domain';
import { Closed } from '../../http/dto/closed-schema';
import { OfficeSuccessionDto } from '../../office-registry/office-registry-responses.dto';

const LOCAL_DATE = { type: String, format: 'date' } as const;
const COUNT = { type: String, pattern: '^-?[0-9]+$' } as const;
const SPLIT_COUNT = {
  ...COUNT,
  nullable: true,
  description: 'Null under TT 08/2015, where it is inside `enforceable`',
};
const RATE = { type: String, nullable: true, pattern: '^-?[0-9]+\\.[0-9]{2}$', example: '56.87' } as const;

/** The figures of one enforcement mode. */
@Closed()
export class ModeFiguresDto {
  @ApiProperty(COUNT) toEnforce!: string;
  @ApiProperty(COUNT) enforceable!: string;
  @ApiProperty(COUNT) notEnforceable!: string;
  @ApiProperty(SPLIT_COUNT) postponedOrSuspended!: string | null;
  @ApiProperty(COUNT) completed!: string;
  @ApiProperty(RATE) completionRate!: string | null;
}

@Closed()
export class FiguresByModeDto {
  @ApiProperty({ type: ModeFiguresDto, description: 'Chủ động' }) exOfficio!: ModeFiguresDto;
  @ApiProperty({ type: ModeFiguresDto, description: 'Theo đơn' }) onRequest!: ModeFiguresDto;
}

/** Every figure of one measure (cases, or money in whole VND), as decimal strings (docs/statistics.md). */
@Closed()
export class CompletionFiguresDto {
  @ApiProperty(COUNT) carriedOver!: string;
  @ApiProperty(COUNT) movedToSeparateRegister!: string;
  @ApiProperty(COUNT) newlyReceived!: string;
  @ApiProperty(COUNT) entrustedOut!: string;
  @ApiProperty(COUNT) takenUp!: string;
  @ApiProperty({ ...COUNT, description: 'Phải thi hành' }) toEnforce!: string;
  @ApiProperty({ ...COUNT, description: 'Có điều kiện' }) enforceable!: string;
  @ApiProperty({ ...COUNT, description: 'Chưa có điều kiện' }) notEnforceable!: string;
  @ApiProperty({ ...SPLIT_COUNT, description: 'Hoãn, tạm đình chỉ; null under TT 08/2015' })
  postponedOrSuspended!: string | null;
  @ApiProperty({ ...COUNT, description: 'Giải quyết xong = fully enforced + terminated' }) completed!: string;
  @ApiProperty(COUNT) fullyEnforced!: string;
  @ApiProperty(COUNT) terminated!: string;
  @ApiProperty(COUNT) inProgress!: string;
  @ApiProperty({ ...COUNT, description: 'Chuyển kỳ sau' }) carriedToNext!: string;
  @ApiProperty({ ...RATE, description: 'Completed ÷ enforceable × 100, half-up; null when nothing is enforceable' })
  completionRate!: string | null;
  @ApiProperty({ ...RATE, description: 'Enforceable ÷ to enforce × 100' }) enforceableShare!: string | null;
  @ApiProperty({ ...COUNT, description: 'Tổng số thụ lý = carried over + newly received' }) takenOn!: string;
  @ApiProperty(SPLIT_COUNT) postponed!: string | null;
  @ApiProperty(SPLIT_COUNT) suspended!: string | null;
  @ApiProperty(COUNT) postponedByAgreement!: string;
  @ApiProperty({ ...COUNT, description: 'Collected in the year on cases not completed' }) collectedOnOpen!: string;
  @ApiProperty({ type: FiguresByModeDto }) byMode!: FiguresByModeDto;
}

@Closed()
export class StatisticsRegimeDto {
  @ApiProperty({ enum: ['TT_08_2015', 'TT_06_2019', 'TT_05_2024'] }) id!: string;
  @ApiProperty({ enum: ['TWO_WAY', 'THREE_WAY'] }) split!: string;
  @ApiProperty() basis!: string;
}

@Closed()
export class ReportStructureDto {
  @ApiProperty(LOCAL_DATE) on!: string;
  @ApiProperty({ type: [OfficeSuccessionDto] }) successions!: OfficeSuccessionDto[];
}

@Closed()
export class ReportTargetDto {
  @ApiProperty({ example: '72.00' }) cases!: string;
  @ApiProperty({ example: '32.00' }) money!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The superior whose target a branch without one inherits' })
  inheritedFrom!: string | null;
}

@Closed()
export class ReportGapDto {
  @ApiProperty({ type: String, nullable: true, example: '-15.13' }) cases!: string | null;
  @ApiProperty({ type: String, nullable: true }) money!: string | null;
}

@Closed()
export class ReportAdjustmentsDto {
  @ApiProperty({ example: '2024-10' }) appliesToPeriod!: string;
  @ApiProperty({ enum: ['SAME_YEAR', 'OPENING_BALANCE'] }) landsIn!: string;
  @ApiProperty({ type: CompletionFiguresDto }) cases!: CompletionFiguresDto;
  @ApiProperty({ type: CompletionFiguresDto }) money!: CompletionFiguresDto;
}

@Closed()
export class CompletionReportRowDto {
  @ApiProperty({ type: String, nullable: true, description: 'Null for the whole country' }) officeId!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, enum: REPORTING_OFFICE_TIERS, nullable: true }) tier!: string | null;
  @ApiProperty({ enum: ['OFFICE', 'ROLL_UP'] }) scope!: string;
  @ApiProperty({ description: 'Every office in the row has closed the period: the figures are frozen' })
  closed!: boolean;
  @ApiProperty({ type: CompletionFiguresDto }) cases!: CompletionFiguresDto;
  @ApiProperty({ type: CompletionFiguresDto }) money!: CompletionFiguresDto;
  @ApiProperty({ type: ReportTargetDto, nullable: true }) target!: ReportTargetDto | null;
  @ApiProperty({ type: ReportGapDto, nullable: true }) gap!: ReportGapDto | null;
  @ApiProperty({ type: ReportAdjustmentsDto, nullable: true }) adjustments!: ReportAdjustmentsDto | null;
}

/** GET /reports/completion as JSON (libs/read-models completion-report.types.ts). */
@Closed()
export class CompletionReportResponseDto {
  @ApiProperty({ type: String, nullable: true }) officeId!: string | null;
  @ApiProperty({ example: '2025-09' }) period!: string;
  @ApiProperty({ example: 2025 }) reportingYear!: number;
  @ApiProperty(LOCAL_DATE) yearStartsOn!: string;
  @ApiProperty(LOCAL_DATE) periodEndsOn!: string;
  @ApiProperty({ type: StatisticsRegimeDto }) regime!: StatisticsRegimeDto;
  @ApiProperty({ ...LOCAL_DATE, nullable: true }) asOf!: string | null;
  @ApiProperty({ type: ReportStructureDto }) structure!: ReportStructureDto;
  @ApiProperty({ type: String, pattern: '^-?[0-9]+$', description: 'The log position the figures reflect' })
  position!: string;
  @ApiProperty() closed!: boolean;
  @ApiProperty({
    type: CompletionReportRowDto,
    nullable: true,
    description: "The office's own cases; null for the country",
  })
  office!: CompletionReportRowDto | null;
  @ApiProperty({ type: [CompletionReportRowDto] }) children!: CompletionReportRowDto[];
  @ApiProperty({ type: CompletionReportRowDto }) rollUp!: CompletionReportRowDto;
}
