import {
  POSTPONEMENT_GROUNDS,
  SUSPENSION_GROUNDS,
  TERMINATION_GROUNDS,
  type PostponementGround,
  type SuspensionGround,
  type TerminationGround,
} from '@thads/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsOptional, Matches } from 'class-validator';
import { EffectiveDate, IDENTIFIER, IsIdentifier, IsLocalDateString, IsOneOf, IsText } from '../../http/validators';

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

  @ApiPropertyOptional({ type: [String], description: 'Terminate only these obligation items; omit for the whole case' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @Matches(IDENTIFIER, { each: true, message: 'each value in $property must be an item id' })
  itemIds?: string[];

  @EffectiveDate() effectiveDate?: string;
}

export class SettleDto {
  @EffectiveDate() effectiveDate?: string;
}

export class EntrustEnforcementDto {
  @IsText(100) decisionNumber!: string;
  @IsIdentifier() targetOfficeId!: string;

  @ApiPropertyOptional({ type: [String], description: 'Entrust only these obligation items; omit for the whole case' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @Matches(IDENTIFIER, { each: true, message: 'each value in $property must be an item id' })
  itemIds?: string[];

  @EffectiveDate() effectiveDate?: string;
}

export class MoveToSeparateTrackingRegisterDto {
  @EffectiveDate() effectiveDate?: string;
}
