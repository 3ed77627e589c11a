import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Closed } from '../http/dto/closed-schema';

/** GET /health/live. */
@Closed()
export class LivenessResponseDto {
  @ApiProperty({ enum: ['up'] }) status!: string;
}

@Closed()
export class CheckOutcomeDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: string;
  @ApiPropertyOptional({ description: 'Why it is down (or what to know while up), safe for anyone to read' })
  reason?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Positions, dead letters, settings: only for auditor and admin tokens',
  })
  details?: Record<string, unknown>;
}

/** GET /health/ready and GET /health. */
@Closed()
export class ReadinessResponseDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/CheckOutcomeDto' },
    description: 'Each check by name: eventStore, durability, projections, disk',
  })
  checks!: Record<string, CheckOutcomeDto>;
}
