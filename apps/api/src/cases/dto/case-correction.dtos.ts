import { DECISION_WITHDRAWAL_GROUNDS, type DecisionWithdrawalGround } from '@thads/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import { CorrectionDate, IsIdentifier, IsOneOf, IsText } from '../../http/validators';

/**
 * Bodies of the corrective commands (admins only; docs/corrections.md). Every one requires `reason`: a body without it
 * is a 400 naming the field, and the reason is stored in the event metadata where auditors read it.
 */

export class WithdrawDecisionDto {
  @IsText(100) decisionNumber!: string;
  @IsOneOf(DECISION_WITHDRAWAL_GROUNDS) ground!: DecisionWithdrawalGround;
  @IsText(2000) reason!: string;
  @CorrectionDate() effectiveDate?: string;
}

export class AmendDecisionDto {
  @IsText(100) decisionNumber!: string;
  @IsText(2000) amendment!: string;
  @IsText(2000) reason!: string;
  @CorrectionDate() effectiveDate?: string;
}

export class AnnulDecisionDto {
  @IsText(100) decisionNumber!: string;
  @IsText(200) annulledBy!: string;
  @IsOneOf(DECISION_WITHDRAWAL_GROUNDS) ground!: DecisionWithdrawalGround;
  @IsText(2000) reason!: string;
  @CorrectionDate() effectiveDate?: string;
}

export class CorrectRecordedFactDto {
  /** The id of the event to retract, as GET /cases/{id}/events lists it. */
  @IsText(100) eventId!: string;

  @ApiPropertyOptional({
    type: Object,
    description:
      'Fields replacing those of the retracted event (same event type; omit to retract it outright). Only fields the event has, ' +
      'of the same kind; money as positive decimal strings; not ids, placement or derived due dates (docs/corrections.md). ' +
      'Refused with 400 INVALID_CORRECTED_DATA naming the field, or 409 CORRECTION_BREAKS_MONEY / CORRECTION_BREAKS_SETTLEMENT.',
  })
  @IsOptional()
  @IsObject()
  correctedData?: Record<string, unknown>;

  @IsText(2000) reason!: string;
  @CorrectionDate() effectiveDate?: string;
}

export class ReassignOfficerDto {
  @IsIdentifier() officerId!: string;
  @IsText(2000) reason!: string;
  @CorrectionDate() effectiveDate?: string;
}

export class ReopenCaseDto {
  @IsText(2000) reason!: string;
  @CorrectionDate() effectiveDate?: string;
}
