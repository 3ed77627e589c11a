import { ApiProperty } from '@nestjs/swagger';
import { Closed } from './closed-schema';

/** A stored event as the API shows it (http/recorded-event-view.ts). */
@Closed()
export class RecordedEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'case-HP-2018-0001' }) stream!: string;
  @ApiProperty({ description: 'Stream revision, a decimal string', example: '0' }) revision!: string;
  @ApiProperty({ description: 'Global log position, a decimal string', example: '41' }) position!: string;
  @ApiProperty({ example: 'CaseReceived' }) type!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The event data as stored; money as decimal strings',
  })
  data!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The envelope: actor, commandId, correlationId, causationId, recordedAt, schemaVersion, reason, prevHash, hash',
  })
  metadata!: Record<string, unknown>;
}
