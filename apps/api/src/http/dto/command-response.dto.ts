import { ApiProperty } from '@nestjs/swagger';
import { Closed } from './closed-schema';

@Closed()
export class CommandEventDto {
  @ApiProperty({ example: 'CaseReceived' }) type!: string;
  @ApiProperty({ description: 'Stream revision of the event, a decimal string', example: '0' }) revision!: string;
}

/** What every command answers with (http/command-response.ts). */
@Closed()
export class CommandResponseDto {
  @ApiProperty({
    description: 'The id of the case, complaint, office or registry the command acted on',
    example: 'HP-2018-0001',
  })
  id!: string;
  @ApiProperty({ example: 'case-HP-2018-0001' }) streamName!: string;
  @ApiProperty({
    description:
      'Stream revision after the command (also the ETag): send it back as If-Match to act on exactly this state',
    example: '0',
  })
  revision!: string;
  @ApiProperty({
    description: "Global log position of the command's last event: pass it as minPosition to read your own write",
    example: '41',
  })
  position!: string;
  @ApiProperty({
    type: () => [CommandEventDto],
    description: 'The events the command recorded (on a replay: recorded by the first attempt)',
  })
  events!: CommandEventDto[];
}
