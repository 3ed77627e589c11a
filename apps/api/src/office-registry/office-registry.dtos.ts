import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Matches, ValidateNested } from 'class-validator';
import { IDENTIFIER, IDENTIFIER_RULE, IsIdentifier, IsLocalDateString, IsText } from '../http/validators';

/** The legal act that orders a change of the office structure. */
export class LegalActDto {
  @IsText(100) number!: string;
  @IsLocalDateString({ description: 'Date the act was signed (on or before the change takes effect)' })
  issuedOn!: string;
  @IsText(300) issuedBy!: string;
}

/** A list of office ids, each checked like a path id. */
function IsOfficeIdList(min: number): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ type: [String], minItems: min, example: ['HP-NGO-QUYEN', 'HP-LE-CHAN'] })(target, key);
    IsArray()(target, key);
    ArrayMinSize(min)(target, key);
    ArrayMaxSize(200)(target, key);
    IsString({ each: true })(target, key);
    Matches(IDENTIFIER, { each: true, message: `each of $property ${IDENTIFIER_RULE}` })(target, key);
  };
}

/** The effective date of a change of structure is always stated: it decides who acts on which case from when. */
function ChangeEffectiveDate(): PropertyDecorator {
  return IsLocalDateString({ description: 'First day the change is in force (Asia/Ho_Chi_Minh)' });
}

function IsLegalAct(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ type: LegalActDto })(target, key);
    ValidateNested()(target, key);
    Type(() => LegalActDto)(target, key);
  };
}

/** MergeOffices: the predecessors pass their open cases to the successor from the effective date. */
export class MergeOfficesDto {
  @IsOfficeIdList(1) predecessorOfficeIds!: string[];
  @IsIdentifier() successorOfficeId!: string;
  @ChangeEffectiveDate() effectiveDate!: string;
  @IsLegalAct() legalAct!: LegalActDto;
}

/** SplitOffice: the office is divided between successors; its open cases pass to `openCasesPassTo`. */
export class SplitOfficeDto {
  @IsIdentifier() officeId!: string;
  @IsOfficeIdList(2) successorOfficeIds!: string[];
  @IsIdentifier() openCasesPassTo!: string;
  @ChangeEffectiveDate() effectiveDate!: string;
  @IsLegalAct() legalAct!: LegalActDto;
}

/** RenameOffice: a new name from the effective date. */
export class RenameOfficeDto {
  @IsText(300) name!: string;
  @ChangeEffectiveDate() effectiveDate!: string;
  @IsLegalAct() legalAct!: LegalActDto;
}
