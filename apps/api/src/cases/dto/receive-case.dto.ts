import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CASE_SOURCES,
  ENFORCEMENT_MODES,
  OBLIGATION_KINDS,
  PARTY_KINDS,
  PARTY_ROLES,
  type CaseSource,
  type EnforcementMode,
  type ObligationKind,
  type PartyKind,
  type PartyRole,
} from '@thads/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, ValidateNested } from 'class-validator';
import { EffectiveDate, IsIdentifier, IsLocalDateString, IsOneOf, IsText, IsVnd } from '../../http/validators';

export class JudgmentReferenceDto {
  @IsText(100) number!: string;
  @IsText(300) court!: string;
  @IsLocalDateString() issuedOn!: string;
  @IsLocalDateString({ description: 'Date the judgment took legal effect' }) legallyEffectiveOn!: string;
}

export class PartyDto {
  @IsIdentifier() partyId!: string;
  @IsOneOf(PARTY_ROLES) role!: PartyRole;
  @IsOneOf(PARTY_KINDS) kind!: PartyKind;
  @IsText(300) name!: string;
  @IsText(500, { optional: true }) address?: string;
}

export class ObligationItemDto {
  @IsIdentifier() itemId!: string;
  @IsOneOf(OBLIGATION_KINDS) kind!: ObligationKind;
  @IsText(1000) description!: string;
  @IsVnd() amount!: string;
}

/** ReceiveCase: a judgment transferred by the court, or a party's enforcement request. */
export class ReceiveCaseDto {
  @IsIdentifier({ optional: true }) caseId?: string;
  @IsIdentifier() officeId!: string;
  @IsOneOf(CASE_SOURCES) source!: CaseSource;
  @IsOneOf(ENFORCEMENT_MODES) mode!: EnforcementMode;

  @ApiProperty({ type: JudgmentReferenceDto })
  @ValidateNested()
  @Type(() => JudgmentReferenceDto)
  judgment!: JudgmentReferenceDto;

  @ApiProperty({ type: [PartyDto], description: 'At least one creditor and one debtor' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PartyDto)
  parties!: PartyDto[];

  @ApiProperty({ type: [ObligationItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ObligationItemDto)
  obligations!: ObligationItemDto[];

  @ApiPropertyOptional({ description: 'Interim measure: decided at once, no voluntary period' })
  @IsOptional()
  @IsBoolean()
  interimMeasure?: boolean;

  @EffectiveDate() effectiveDate?: string;
}
