import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIdentifier } from '../../http/validators';
import { IsCursorParam, IsMinPositionParam, IsTokenParam, IsWholeNumberParam } from '../../http/query-params';

/** Query string of GET /audit: filters and paging of the audit_trail read model. */
export class AuditQueryDto {
  /** Events of the case's stream and of complaints about it. */
  @IsIdentifier({ optional: true }) caseId?: string;
  @IsTokenParam('The acting user (X-Actor-Id when the command was sent)') actor?: string;
  @IsIdentifier({ optional: true }) office?: string;

  @ApiPropertyOptional({
    type: String,
    example: '2026-03-01',
    description: 'Recorded at or after: an ISO date (a UTC day) or date-time',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({
    type: String,
    example: '2026-03-02T00:00:00+07:00',
    description: 'Recorded strictly before: an ISO date or date-time',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;

  @IsTokenParam('Event type, e.g. FundsCollected', /^[A-Za-z][A-Za-z0-9]{0,99}$/) type?: string;
  @IsWholeNumberParam(1, 1000, 'Page size, 1 to 1000; default 100') limit?: string;
  @IsCursorParam() cursor?: string;
  @IsMinPositionParam() minPosition?: string;
}
