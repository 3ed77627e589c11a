import {
  NOT_ENFORCEABLE_GROUNDS,
  REQUEST_REJECTION_GROUNDS,
  type NotEnforceableGround,
  type RequestRejectionGround,
} from '@thads/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { EffectiveDate, IsIdentifier, IsLocalDateString, IsOneOf, IsText } from '../../http/validators';

export class RejectEnforcementRequestDto {
  @IsOneOf(REQUEST_REJECTION_GROUNDS) ground!: RequestRejectionGround;
  @EffectiveDate() effectiveDate?: string;
}

export class IssueEnforcementDecisionDto {
  @IsText(100) decisionNumber!: string;
  @IsLocalDateString({ optional: true, description: 'Valid service on the debtor; starts the 10-day voluntary period' })
  servedOn?: string;
  @EffectiveDate() effectiveDate?: string;
}

export class AssignEnforcementOfficerDto {
  @IsIdentifier() officerId!: string;
  @EffectiveDate() effectiveDate?: string;
}

export class RecordVerificationDto {
  @IsOneOf(['ENFORCEABLE', 'NOT_ENFORCEABLE']) result!: 'ENFORCEABLE' | 'NOT_ENFORCEABLE';
  @IsOneOf(NOT_ENFORCEABLE_GROUNDS, { optional: true }) ground?: NotEnforceableGround;
  @IsText(5000) findings!: string;
  @EffectiveDate() effectiveDate?: string;
}

export class DecideNotEnforceableDto {
  @IsText(100) decisionNumber!: string;
  @IsOneOf(NOT_ENFORCEABLE_GROUNDS) ground!: NotEnforceableGround;

  @ApiPropertyOptional({ description: 'Debtor imprisoned with ≥2 years left: re-verify every 12 months' })
  @IsOptional()
  @IsBoolean()
  debtorImprisonedLongTerm?: boolean;

  @EffectiveDate() effectiveDate?: string;
}

export class RecordPeriodicReverificationDto {
  @IsOneOf(['STILL_NOT_ENFORCEABLE', 'ENFORCEABLE']) result!: 'STILL_NOT_ENFORCEABLE' | 'ENFORCEABLE';
  @IsText(5000) findings!: string;
  @EffectiveDate() effectiveDate?: string;
}
