import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Query string of a case's history and evidence: the bitemporal window (checked in full by checkReplayWindow). */
export class ReplayWindowQueryDto {
  @ApiPropertyOptional({
    type: String,
    example: '2026-03-31',
    description: 'Legal date YYYY-MM-DD: fold only events effective on or before it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  asOf?: string;

  @ApiPropertyOptional({
    type: String,
    example: '2026-04-01T00:00:00Z',
    description: 'ISO-8601 instant: only events recorded at or before it (what was known then)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  asKnownAt?: string;
}
