import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@thads/auth';
import { Closed } from '../http/dto/closed-schema';

@Closed()
export class PermittedOperationDto {
  @ApiProperty({ description: "The route's handler name, e.g. `correctRecordedFact`", example: 'settle' })
  operation!: string;
  @ApiProperty({ enum: ['GET', 'POST'] }) method!: string;
  @ApiProperty({ example: '/api/v1/cases/:caseId/settle' }) path!: string;
  @ApiProperty({
    enum: ROLES,
    isArray: true,
    description: "The policy's roles the token holds, in order of preference",
  })
  roles!: string[];
  @ApiProperty({
    oneOf: [
      { type: 'string', enum: ['any'] },
      { type: 'array', items: { type: 'string' } },
    ],
    description: '`any`, or the offices the request must be about',
  })
  offices!: 'any' | string[];
}

/** GET /session. */
@Closed()
export class SessionResponseDto {
  @ApiProperty({ example: 'le-van-c' }) subject!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: string[];
  @ApiProperty({ type: [String] }) offices!: string[];
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: [PermittedOperationDto] }) operations!: PermittedOperationDto[];
}
