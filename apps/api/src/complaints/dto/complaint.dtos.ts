import {
  COMPLAINT_FINDINGS,
  COMPLAINT_GROUPS,
  DECLINE_GROUNDS,
  OFFICE_TIERS,
  RESPONDENT_ROLES,
  type ComplaintFinding,
  type ComplaintGroup,
  type DeclineGround,
  type OfficeTier,
  type RespondentRole,
} from '@thads/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { EffectiveDate, IsIdentifier, IsLocalDateString, IsOneOf, IsText } from '../../http/validators';

export class ComplainantDto {
  @IsText(300) name!: string;
  @IsIdentifier({ optional: true }) partyId?: string;
}

export class ComplaintSubjectDto {
  @IsOneOf(['DECISION', 'ACT']) kind!: 'DECISION' | 'ACT';
  @IsText(200) reference!: string;
  @IsText(5000) description!: string;
}

export class RespondentDto {
  @IsOneOf(RESPONDENT_ROLES) role!: RespondentRole;
  @IsIdentifier() officeId!: string;
  @IsOneOf(OFFICE_TIERS) officeTier!: OfficeTier;
}

/** FileComplaint (Art. 140): against a decision or act in a case, in group A–D. */
export class FileComplaintDto {
  @IsIdentifier({ optional: true }) complaintId?: string;
  @IsIdentifier() caseId!: string;
  @ApiProperty({ type: ComplainantDto }) @ValidateNested() @Type(() => ComplainantDto) complainant!: ComplainantDto;
  @ApiProperty({ type: ComplaintSubjectDto })
  @ValidateNested()
  @Type(() => ComplaintSubjectDto)
  subject!: ComplaintSubjectDto;
  @IsOneOf(COMPLAINT_GROUPS) group!: ComplaintGroup;
  @ApiProperty({ type: RespondentDto }) @ValidateNested() @Type(() => RespondentDto) respondent!: RespondentDto;
  @IsLocalDateString({ description: 'Date the complainant received or learned of the decision or act' })
  knownOn!: string;

  @ApiPropertyOptional({ description: 'Days of force majeure excluded from the filing limit' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  forceMajeureDays?: number;

  @EffectiveDate() effectiveDate?: string;
}

export class AcceptComplaintDto {
  @EffectiveDate() effectiveDate?: string;
}

export class DeclineComplaintDto {
  @IsOneOf(DECLINE_GROUNDS) ground!: DeclineGround;
  @IsText(5000) explanation!: string;
  @EffectiveDate() effectiveDate?: string;
}

export class DecideComplaintDto {
  @IsText(100) decisionNumber!: string;
  @IsOneOf(COMPLAINT_FINDINGS) finding!: ComplaintFinding;
  @IsText(5000, { optional: true }) remedies?: string;
  @EffectiveDate() effectiveDate?: string;
}

export class EscalateComplaintDto {
  @IsLocalDateString({
    optional: true,
    description: 'Date the first-level decision was received; defaults to its date',
  })
  decisionReceivedOn?: string;
  @EffectiveDate() effectiveDate?: string;
}

export class WithdrawComplaintDto {
  @EffectiveDate() effectiveDate?: string;
}
