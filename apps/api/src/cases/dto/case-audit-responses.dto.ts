import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Closed } from '../../http/dto/closed-schema';
import { RecordedEventDto } from '../../http/dto/recorded-event.dto';
import { CaseStateDto } from './case-responses.dto';

const DECIMAL = { type: String, pattern: '^-?[0-9]+$' } as const;
const OPEN_OBJECT = { type: 'object', additionalProperties: true } as const;
const CASE_STATE = { type: CaseStateDto, description: 'A folded case state, as GET /cases/{caseId} shows it' } as const;

@Closed()
export class ReplayActorDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'officer' }) role!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) officeId?: string | null;
}

/** One step of a replay (libs/application audit/case-replay.ts). */
@Closed()
export class ReplayStepDto {
  @ApiProperty(DECIMAL) revision!: string;
  @ApiProperty(DECIMAL) position!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'CaseReceived' }) type!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) effectiveDate!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: ReplayActorDto }) actor!: ReplayActorDto;
  @ApiProperty() commandId!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Mandatory on corrective commands' }) reason!:
    string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Law 2008 Art. 36' }) legalBasis!: string | null;
  @ApiProperty(OPEN_OBJECT) data!: Record<string, unknown>;
  @ApiProperty({ ...CASE_STATE, description: 'The state right after this step' }) stateAfter!: CaseStateDto;
}

/** GET /cases/{caseId}/history. */
@Closed()
export class CaseHistoryResponseDto {
  @ApiProperty() caseId!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) asOf!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) asKnownAt!: string | null;
  @ApiProperty({ type: [ReplayStepDto] }) steps!: ReplayStepDto[];
  @ApiProperty(CASE_STATE) state!: CaseStateDto;
}

@Closed()
export class BrokenLinkDto {
  @ApiProperty(DECIMAL) revision!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ enum: ['hash', 'prevHash', 'revision'] }) kind!: string;
  @ApiProperty() expected!: string;
  @ApiProperty() actual!: string;
}

/** GET /cases/{caseId}/verify. */
@Closed()
export class ChainVerificationResponseDto {
  @ApiProperty() caseId!: string;
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'How many events were checked' }) events!: number;
  @ApiPropertyOptional({ type: BrokenLinkDto, description: 'The first broken link; absent when ok' })
  brokenAt?: BrokenLinkDto;
}

@Closed()
export class ChainReportDto {
  @ApiProperty() stream!: string;
  @ApiProperty() ok!: boolean;
  @ApiProperty() events!: number;
  @ApiPropertyOptional({ type: BrokenLinkDto }) brokenAt?: BrokenLinkDto;
}

@Closed()
export class HashLinkDto {
  @ApiProperty(DECIMAL) revision!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() prevHash!: string;
  @ApiProperty() hash!: string;
}

@Closed()
export class HashChainDto {
  @ApiProperty({ enum: ['sha256'] }) algorithm!: string;
  @ApiProperty({ description: 'How each hash is computed, so it can be checked without this code' }) rule!: string;
  @ApiProperty() genesisHash!: string;
  @ApiProperty({ type: [HashLinkDto] }) links!: HashLinkDto[];
  @ApiProperty({ type: String, nullable: true, description: "The last event's hash: keep a copy elsewhere" })
  headHash!: string | null;
}

@Closed()
export class AsOfStateDto {
  @ApiProperty({ type: String, format: 'date', nullable: true }) asOf!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) asKnownAt!: string | null;
  @ApiProperty(CASE_STATE) state!: CaseStateDto;
}

/** GET /cases/{caseId}/evidence (libs/application audit/case-evidence.ts). */
@Closed()
export class CaseEvidenceResponseDto {
  @ApiProperty() caseId!: string;
  @ApiProperty() stream!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: [RecordedEventDto] }) events!: RecordedEventDto[];
  @ApiProperty({ type: HashChainDto }) hashChain!: HashChainDto;
  @ApiProperty({ type: ChainReportDto }) verification!: ChainReportDto;
  @ApiProperty({ type: AsOfStateDto, nullable: true, description: 'Null when the events no longer decode' })
  asOfState!: AsOfStateDto | null;
}
