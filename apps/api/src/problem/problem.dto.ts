import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Closed } from '../http/dto/closed-schema';

@Closed()
export class FieldErrorDto {
  @ApiProperty({ description: 'The field path, e.g. `obligations.0.amount`, or the query parameter or header' })
  field!: string;
  @ApiProperty({ type: [String] }) messages!: string[];
}

/** RFC 9457 problem details with a stable `code` (problem-details.filter.ts); extensions by code. */
@Closed()
export class ProblemDto {
  @ApiProperty({ example: '/problems/price-reduction-exceeds-10-percent' }) type!: string;
  @ApiProperty({ example: 'Conflict' }) title!: string;
  @ApiProperty({ example: 409 }) status!: number;
  @ApiProperty({ description: 'For people; clients branch on `code`, never on `detail`' }) detail!: string;
  @ApiProperty({ description: 'Stable error code (docs/errors.md)', example: 'PRICE_REDUCTION_EXCEEDS_10_PERCENT' })
  code!: string;
  @ApiPropertyOptional({
    description: 'The request path; absent when the HTTP server refused a request it could not read (400, 408, 431)',
    example: '/api/v1/cases/HP-2018-0001/reduce-auction-price',
  })
  instance?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'VALIDATION_FAILED: every invalid field' })
  errors?: FieldErrorDto[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: "A domain refusal's or an access refusal's particulars (ids, dates, limits)",
  })
  details?: Record<string, unknown> | null;
  @ApiPropertyOptional({ description: 'REVISION_MISMATCH: the If-Match revision' }) expectedRevision?: string;
  @ApiPropertyOptional({ description: "REVISION_MISMATCH: the stream's revision" }) actualRevision?: string;
  @ApiPropertyOptional({ enum: ['commands', 'refused-commands'], description: 'RATE_LIMITED: which limit' })
  limit?: string;
  @ApiPropertyOptional({ description: 'RATE_LIMITED: the limit per window' }) max?: number;
  @ApiPropertyOptional({ description: 'RATE_LIMITED: the window' }) windowSeconds?: number;
  @ApiPropertyOptional({ description: 'RATE_LIMITED: as Retry-After' }) retryAfterSeconds?: number;
  @ApiPropertyOptional({ description: 'READ_MODEL_BEHIND: the position waited for' }) minPosition?: string;
  @ApiPropertyOptional({ type: [String], description: 'READ_MODEL_BEHIND: the projections still behind it' })
  lagging?: string[];
  @ApiPropertyOptional({ description: 'PROJECTION_HALTED: the halted projection' }) projection?: string;
  @ApiPropertyOptional({ description: 'STORED_EVENT_INVALID: the stored event that cannot be read' }) eventId?: string;
  @ApiPropertyOptional({ description: 'STORED_EVENT_INVALID: its type' }) eventType?: string;
}
