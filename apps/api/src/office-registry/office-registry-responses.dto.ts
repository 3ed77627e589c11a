import { ApiProperty } from '@nestjs/swagger';
import { Closed } from '../http/dto/closed-schema';

const LOCAL_DATE = { type: String, format: 'date' } as const;

@Closed()
export class LegalActViewDto {
  @ApiProperty({ example: '1234/QĐ-BTP' }) number!: string;
  @ApiProperty(LOCAL_DATE) issuedOn!: string;
  @ApiProperty({ example: 'Bộ Tư pháp' }) issuedBy!: string;
}

@Closed()
export class OfficeSuccessionDto {
  @ApiProperty() predecessorOfficeId!: string;
  @ApiProperty() successorOfficeId!: string;
  @ApiProperty({ ...LOCAL_DATE, description: "The first day the successor acts on the predecessor's cases" })
  effectiveDate!: string;
  @ApiProperty({ enum: ['MERGER', 'SPLIT'] }) kind!: string;
  @ApiProperty({ type: LegalActViewDto }) legalAct!: LegalActViewDto;
}

@Closed()
export class OfficeRenameDto {
  @ApiProperty() officeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty(LOCAL_DATE) effectiveDate!: string;
  @ApiProperty({ type: LegalActViewDto }) legalAct!: LegalActViewDto;
}

/** GET /offices/successions. */
@Closed()
export class OfficeSuccessionsResponseDto {
  @ApiProperty({ type: [OfficeSuccessionDto] }) successions!: OfficeSuccessionDto[];
  @ApiProperty({ type: [OfficeRenameDto] }) renames!: OfficeRenameDto[];
}
