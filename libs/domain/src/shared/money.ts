import { DomainError } from './domain-error';

/** Integer VND. Never a float: amounts in VND reach 10^14 and beyond, past a double's exact range. */
export type Vnd = bigint;

const DECIMAL_INTEGER = /^(0|[1-9]\d*)$/;

/**
 * Parses a non-negative integer VND amount from a bigint or a decimal string.
 * Throws INVALID_MONEY naming `field` for anything else (negative, fractional, exponent, float).
 */
export function parseVnd(value: unknown, field: string): Vnd {
  if (typeof value === 'bigint' && value >= 0n) return value;
  if (typeof value === 'string' && DECIMAL_INTEGER.test(value)) return BigInt(value);
  throw new DomainError(
    'INVALID_MONEY',
    `${field} must be a non-negative whole number of VND written as a decimal string`,
    {
      field,
      value: typeof value === 'bigint' ? value.toString() : value,
    },
  );
}
