import { ApiProperty } from '@nestjs/swagger';
import { Closed } from '../../http/dto/closed-schema';

const DECIMAL = { type: String, pattern: '^-?[0-9]+$' } as const;

/** One event of the audit_trail read model. */
@Closed()
export class AuditTrailEntryDto {
  @ApiProperty(DECIMAL) position!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() stream!: string;
  @ApiProperty(DECIMAL) revision!: string;
  @ApiProperty({ type: String, nullable: true }) caseId!: string | null;
  @ApiProperty() eventType!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty() actorRole!: string;
  @ApiProperty({ type: String, nullable: true }) officeId!: string | null;
  @ApiProperty() commandId!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty() causationId!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) effectiveDate!: string | null;
  @ApiProperty() schemaVersion!: number;
  @ApiProperty() prevHash!: string;
  @ApiProperty() hash!: string;
}

/** GET /audit. */
@Closed()
export class AuditTrailResponseDto {
  @ApiProperty({ type: [AuditTrailEntryDto] }) items!: AuditTrailEntryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
  @ApiProperty({ ...DECIMAL, description: 'The log position the entries reflect, as X-Read-Model-Position' })
  position!: string;
}
