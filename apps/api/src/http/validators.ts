import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isLocalDate } from '@thads/domain';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';

const WHOLE_VND = /^(0|[1-9]\d{0,20})$/;
/** Client-chosen ids (case, party, item, office…): safe in URLs and stream names. */
export const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
export const IDENTIFIER_RULE =
  'must start with a letter or digit and use only letters, digits, . _ : - (at most 100 characters)';

/** Integer VND as a decimal string: no sign, no fraction, no exponent (a JSON number would lose precision). */
export function IsVnd(options: { optional?: boolean; example?: string } = {}): PropertyDecorator {
  const doc = {
    type: String,
    pattern: WHOLE_VND.source,
    example: options.example ?? '150000000',
    description: 'Whole VND as a decimal string',
  };
  return applyDecorators(
    ...(options.optional ? [IsOptional(), ApiPropertyOptional(doc)] : [ApiProperty(doc)]),
    IsString({ message: '$property must be a whole number of VND written as a decimal string, e.g. "1500000"' }),
    Matches(WHOLE_VND, {
      message: '$property must be a whole, non-negative number of VND written as a decimal string, e.g. "1500000"',
    }),
  );
}

/** A calendar date YYYY-MM-DD that exists. */
export function IsLocalDateString(options: { optional?: boolean; description?: string } = {}): PropertyDecorator {
  const doc = { type: String, format: 'date', example: '2018-03-15', description: options.description };
  return applyDecorators(
    ...(options.optional ? [IsOptional(), ApiPropertyOptional(doc)] : [ApiProperty(doc)]),
    ValidateBy({
      name: 'isLocalDate',
      validator: {
        validate: (value) => isLocalDate(value),
        defaultMessage: () => '$property must be a calendar date written YYYY-MM-DD',
      },
    }),
  );
}

/** The legal date of the act (Asia/Ho_Chi_Minh). Defaults to today when omitted. */
export function EffectiveDate(): PropertyDecorator {
  return IsLocalDateString({
    optional: true,
    description: 'Legal date of the act (Asia/Ho_Chi_Minh); defaults to today',
  });
}

/** The date of a corrective act: defaults to the date of the act it corrects, never today (decide-corrections.ts). */
export function CorrectionDate(): PropertyDecorator {
  return IsLocalDateString({
    optional: true,
    description:
      'Legal date of the correction (Asia/Ho_Chi_Minh); defaults to the date of the act it corrects, never today, ' +
      'and may not precede it',
  });
}

/** An identifier chosen by the client: letters, digits, `.`, `_`, `:`, at most 100 characters. */
export function IsIdentifier(options: { optional?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    ...(options.optional
      ? [IsOptional(), ApiPropertyOptional({ type: String, example: 'HP-2018-0001' })]
      : [ApiProperty({ type: String, example: 'HP-2018-0001' })]),
    IsString(),
    Matches(IDENTIFIER, { message: `$property ${IDENTIFIER_RULE}` }),
  );
}

/** Non-empty free text up to `max` characters. */
export function IsText(max = 2000, options: { optional?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    ...(options.optional
      ? [IsOptional(), ApiPropertyOptional({ type: String, maxLength: max })]
      : [ApiProperty({ type: String, maxLength: max })]),
    IsString(),
    IsNotEmpty(),
    MaxLength(max),
  );
}

/** One of a fixed list of values, listed in the error message and in OpenAPI. */
export function IsOneOf(values: readonly string[], options: { optional?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    ...(options.optional ? [IsOptional(), ApiPropertyOptional({ enum: values })] : [ApiProperty({ enum: values })]),
    IsIn(values as string[], { message: `$property must be one of: ${values.join(', ')}` }),
  );
}
