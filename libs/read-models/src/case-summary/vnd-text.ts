/**
 * How case_summary stores money: whole VND as fixed-width decimal text (`000…0850000000`).
 *
 * Why text and not INTEGER: the API accepts amounts up to 21 digits, beyond SQLite's and PostgreSQL's 64-bit
 * integers (about 9.2 × 10^18), and a float would round. Why fixed width: digit strings of equal length compare as
 * text exactly as the numbers compare, in SQLite and in PostgreSQL, so `ORDER BY owed_vnd` and keyset cursors
 * work on the column itself. In code the amounts are bigint; the JSON API writes them as plain decimal strings.
 */

/** Digits of a stored amount: 10^30 VND leaves room for any sum of 21-digit amounts a case can hold. */
export const VND_TEXT_WIDTH = 30;

/** The stored text of a non-negative amount. Throws a RangeError (a poison event) outside 0 … 10^30 − 1. */
export function vndToText(amount: bigint): string {
  const digits = amount.toString();
  if (amount < 0n || digits.length > VND_TEXT_WIDTH)
    throw new RangeError(`VND amount ${digits} does not fit case_summary's ${VND_TEXT_WIDTH} digits`);
  return digits.padStart(VND_TEXT_WIDTH, '0');
}

/** The amount of a stored text (leading zeros are fine for BigInt). */
export function vndFromText(text: string): bigint {
  return BigInt(text);
}
