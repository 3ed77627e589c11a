import {
  POSTPONEMENT_GROUNDS,
  SUSPENSION_GROUNDS,
  TERMINATION_GROUNDS,
  type PostponementGround,
  type SuspensionGround,
  type TerminationGround,
} from '@thads/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsOptional, Matches } from 'class-validator';
import { EffectiveDate, IDENTIFIER, IsIdentifier, IsLocalDateString, IsOneOf, IsText } from '../../http/validators';

/** An optional, non-empty list of obligation item ids: the command then applies to those items only. */
function OptionalItemIds(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [String], description }),
    IsOptional(),
    IsArray(),
    ArrayMinSize(1),
    Matches(IDENTIFIER, { each: true, message: 'each value in $property must be an item id' }),
  );
}

export class PostponeEnforcementDto {
  @IsText(100) decisionNumber!: string;
  @IsOneOf(POSTPONEMENT_GROUNDS) ground!: PostponementGround;
  @IsLocalDateString({ optional: true }) until?: string;
  @EffectiveDate() effectiveDate?: string;
}

export class SuspendEnforcementDto {
  @IsText(100) decisionNumber!: string;
  @IsOneOf(SUSPENSION_GROUNDS) ground!: SuspensionGround;
  @EffectiveDate() effectiveDate?: string;
}

export class ResumeEnforcementDto {
  @IsText(100) decisionNumber!: string;
  @EffectiveDate() effectiveDate?: string;
}

export class TerminateEnforcementDto {
  @IsText(100) decisionNumber!: string;
  @IsOneOf(TERMINATION_GROUNDS) ground!: TerminationGround;

  @OptionalItemIds('Terminate only these obligation items; omit for the whole case') itemIds?: string[];

  @EffectiveDate() effectiveDate?: string;
}

export class SettleDto {
  @EffectiveDate() effectiveDate?: string;
}

export class EntrustEnforcementDto {
  @IsText(100) decisionNumber!: string;
  @IsIdentifier() targetOfficeId!: string;

  @OptionalItemIds('Entrust only these obligation items; omit for the whole case') itemIds?: string[];

  @EffectiveDate() effectiveDate?: string;
}

export class MoveToSeparateTrackingRegisterDto {
  @EffectiveDate() effectiveDate?: string;
}

/** Law 106/2025 Art. 38; Decree 152/2026 Art. 22(2): the written notice sending the request back to the creditor. */
export class SendBackEnforcementRequestDto {
  @IsText(100) noticeNumber!: string;

  @EffectiveDate() effectiveDate?: string;
}

/** Law 2008 Art. 35(2): the provincial office's decision taking the case up (rút lên). */
export class TakeUpCaseDto {
  @IsText(100) decisionNumber!: string;

  @EffectiveDate() effectiveDate?: string;
}
