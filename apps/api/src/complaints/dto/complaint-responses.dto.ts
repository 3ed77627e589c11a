import { ApiProperty } from '@nestjs/swagger';
import { Closed } from '../../http/dto/closed-schema';
import { RecordedEventDto } from '../../http/dto/recorded-event.dto';

const LOCAL_DATE = { type: String, format: 'date', example: '2018-03-26' } as const;
const DECIMAL = { type: String, pattern: '^-?[0-9]+$' } as const;

/** GET /complaints/{complaintId}. */
@Closed()
export class ComplaintResponseDto {
  @ApiProperty({ example: 'KN-2018-0001' }) id!: string;
  @ApiProperty({ example: 'complaint-KN-2018-0001' }) streamName!: string;
  @ApiProperty({ ...DECIMAL, description: 'Stream revision, also the ETag' }) revision!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The folded state (libs/domain complaint-state.ts): status, level, deciding authority, acceptance and resolution due dates',
  })
  state!: Record<string, unknown>;
  @ApiProperty({ type: [RecordedEventDto] }) events!: RecordedEventDto[];
}

/** One row of the complaint_queue read model. */
@Closed()
export class ComplaintQueueItemDto {
  @ApiProperty() complaintId!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() officeId!: string;
  @ApiProperty({ example: 'OFFICE_HEAD' }) respondentRole!: string;
  @ApiProperty({ example: 'A' }) group!: string;
  @ApiProperty({ enum: [1, 2] }) level!: number;
  @ApiProperty({ example: 'accepted' }) status!: string;
  @ApiProperty({ example: 'HEAD_OF_PROVINCIAL_OFFICE' }) decidingAuthority!: string;
  @ApiProperty(LOCAL_DATE) filedOn!: string;
  @ApiProperty(LOCAL_DATE) acceptanceDueOn!: string;
  @ApiProperty({ ...LOCAL_DATE, nullable: true }) resolutionDueOn!: string | null;
  @ApiProperty({ ...LOCAL_DATE, nullable: true }) escalationDeadline!: string | null;
  @ApiProperty({ ...LOCAL_DATE, nullable: true, description: 'Due date of the act owed now; null when none is owed' })
  nextDueOn!: string | null;
  @ApiProperty(LOCAL_DATE) lastActOn!: string;
  @ApiProperty({ description: 'The open acceptance or resolution is past due on `asOf`' }) overdue!: boolean;
  @ApiProperty({ type: String, enum: ['ACCEPTANCE', 'RESOLUTION'], nullable: true }) overdueStep!: string | null;
  @ApiProperty({ description: 'The deadline sweep recorded a missed deadline (it stays recorded)' })
  deadlineMissed!: boolean;
  @ApiProperty() lastEventType!: string;
  @ApiProperty(DECIMAL) revision!: string;
  @ApiProperty(DECIMAL) position!: string;
}

/** GET /complaints. */
@Closed()
export class ComplaintQueueResponseDto {
  @ApiProperty({ type: [ComplaintQueueItemDto] }) items!: ComplaintQueueItemDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
  @ApiProperty({ ...LOCAL_DATE, description: '`overdue` is judged against this date' }) asOf!: string;
  @ApiProperty({ ...DECIMAL, description: 'The log position the rows reflect, as X-Read-Model-Position' })
  position!: string;
}
