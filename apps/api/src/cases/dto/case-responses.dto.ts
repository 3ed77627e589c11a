import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CASE_DEADLINE_KINDS,
  CASE_SOURCES,
  CASE_SUMMARY_STATUSES,
  ENFORCEMENT_MODES,
  type CaseStatus,
} from '@thads/domain';
import { Closed } from '../../http/dto/closed-schema';
import { RecordedEventDto } from '../../http/dto/recorded-event.dto';

const LOCAL_DATE = { type: String, format: 'date', example: '2018-03-05' } as const;
const DECIMAL = { type: String, pattern: '^-?[0-9]+$' } as const;

/** Every status of the folded case state (libs/domain case-state.ts, CaseStatus). */
const CASE_STATUSES = [
  'none',
  'intake',
  'rejected',
  'decided',
  'enforceable',
  'not_enforceable',
  'separately_tracked',
  'postponed',
  'suspended',
  'entrusted_out',
  'terminated',
  'settled',
  'withdrawn',
  'sent_back',
  'taken_up',
] as const satisfies readonly CaseStatus[];

/** A folded case state (libs/domain case-state.ts): a union on `status`, its other members by status. */
export class CaseStateDto {
  @ApiProperty({
    enum: CASE_STATUSES,
    description: '`none` in a replay before the receipt; `intake` until the decision or rejection',
    example: 'decided',
  })
  status!: string;
  @ApiPropertyOptional({ description: 'The office that received the case (absent while `none`)' }) officeId?: string;
  [member: string]: unknown;
}

/** GET /cases/{caseId}. */
@Closed()
export class CaseStateResponseDto {
  @ApiProperty({ example: 'HP-2018-0001' }) id!: string;
  @ApiProperty({ example: 'case-HP-2018-0001' }) streamName!: string;
  @ApiProperty({ ...DECIMAL, description: 'Stream revision, also the ETag', example: '12' }) revision!: string;
  @ApiProperty({
    type: CaseStateDto,
    description: 'The folded state: parties, obligation items with money as decimal strings, assets, open deadlines',
  })
  state!: CaseStateDto;
}

/** GET /cases/{caseId}/events. */
@Closed()
export class CaseEventsResponseDto {
  @ApiProperty({ example: 'HP-2018-0001' }) id!: string;
  @ApiProperty({ example: 'case-HP-2018-0001' }) streamName!: string;
  @ApiProperty({ ...DECIMAL, description: 'Stream revision, also the ETag', example: '12' }) revision!: string;
  @ApiProperty({ type: [RecordedEventDto] }) events!: RecordedEventDto[];
}

/** One row of the case_summary read model; money is whole VND as decimal strings. */
@Closed()
export class CaseSummaryItemDto {
  @ApiProperty({ example: 'HP-2018-0001' }) caseId!: string;
  @ApiProperty({ example: 'HP-NGO-QUYEN' }) officeId!: string;
  @ApiProperty({ enum: CASE_SOURCES }) source!: string;
  @ApiProperty({ enum: ENFORCEMENT_MODES }) mode!: string;
  @ApiProperty({ enum: CASE_SUMMARY_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true }) officerId!: string | null;
  @ApiProperty({ ...DECIMAL, example: '850000000' }) owed!: string;
  @ApiProperty({ ...DECIMAL, example: '0' }) collected!: string;
  @ApiProperty({ ...DECIMAL, example: '0' }) disbursed!: string;
  @ApiProperty(LOCAL_DATE) receivedOn!: string;
  @ApiProperty({ ...LOCAL_DATE, nullable: true }) decisionOn!: string | null;
  @ApiProperty({ ...LOCAL_DATE, nullable: true, description: 'The earliest open legal deadline' })
  nextDueOn!: string | null;
  @ApiProperty({ enum: CASE_DEADLINE_KINDS, nullable: true }) nextDueKind!: string | null;
  @ApiProperty({ example: 'CaseReceived' }) lastEventType!: string;
  @ApiProperty(LOCAL_DATE) lastEffectiveDate!: string;
  @ApiProperty({ ...DECIMAL, description: "The case stream's revision" }) revision!: string;
  @ApiProperty({ ...DECIMAL, description: 'Log position of the last event folded into the row' }) position!: string;
}

/** GET /cases. */
@Closed()
export class CaseListResponseDto {
  @ApiProperty({ type: [CaseSummaryItemDto] }) items!: CaseSummaryItemDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
  @ApiProperty({ ...DECIMAL, description: 'The log position the rows reflect, as X-Read-Model-Position' })
  position!: string;
}

/** GET /cases/{caseId}/summary. */
@Closed()
export class CaseSummaryResponseDto {
  @ApiProperty({ type: CaseSummaryItemDto }) item!: CaseSummaryItemDto;
  @ApiProperty({ ...DECIMAL, description: 'The log position the row reflects, as X-Read-Model-Position' })
  position!: string;
}
