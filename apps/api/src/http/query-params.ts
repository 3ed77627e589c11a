import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';

/**
 * Validators for query-string parameters. A query string carries only text, so each rule checks the text itself
 * (no implicit conversion: `1e2` or `0x10` is not a limit) and the controller converts what passed.
 */

const WHOLE_NUMBER = /^(0|[1-9]\d{0,8})$/;

/** A whole number from `min` to `max`, e.g. a page size. */
export function IsWholeNumberParam(min: number, max: number, description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: Number, minimum: min, maximum: max, description }),
    IsOptional(),
    ValidateBy({
      name: 'isWholeNumberParam',
      validator: {
        validate: (value) =>
          typeof value === 'string' && WHOLE_NUMBER.test(value) && Number(value) >= min && Number(value) <= max,
        defaultMessage: () => `$property must be a whole number from ${min} to ${max}`,
      },
    }),
  );
}

/** `true` or `false`. */
export function IsBooleanParam(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: Boolean, description }),
    IsOptional(),
    IsIn(['true', 'false'], { message: '$property must be true or false' }),
  );
}

/** An opaque paging cursor: the `nextCursor` of the previous page. */
export function IsCursorParam(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, description: '`nextCursor` of the previous page; omit for the first page' }),
    IsOptional(),
    IsString(),
    MaxLength(2000),
    Matches(/^[A-Za-z0-9_-]+$/, { message: '$property must be a nextCursor this API returned' }),
  );
}

/** `minPosition`: the `position` a command answered with. ReadYourWrites owns the rule; this only whitelists it. */
export function IsMinPositionParam(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      example: '42',
      description:
        'Wait (bounded by MIN_POSITION_WAIT_MS, else 503 READ_MODEL_BEHIND) until the read model has applied this log position: pass the `position` of your command to read your own write. A position past the end of the log is 400',
    }),
    IsOptional(),
    IsString(),
  );
}

/** Free text matched exactly against a stored value (an actor id, an event type), bounded and without spaces. */
export function IsTokenParam(description: string, pattern = /^[A-Za-z0-9._:-]{1,200}$/): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, description }),
    IsOptional(),
    IsString(),
    Matches(pattern, { message: `$property must match ${pattern.source}` }),
  );
}
