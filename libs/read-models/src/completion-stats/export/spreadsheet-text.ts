/**
 * Text that a spreadsheet must show as text, never run (OWASP "CSV injection"): a cell starting with `=`, `+`, `-`,
 * `@`, a tab, a carriage return or any other control character is prefixed with a single quote, which Excel,
 * LibreOffice and Google Sheets all read as "this is text". Plain decimal numbers ("-15.13", "4936") are figures we
 * wrote ourselves and cannot hold a formula, so they pass unchanged; every other string (office names and ids) may
 * come from a user and is checked.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this rule looks for
const FORMULA_START = /^[=+\-@\u0000-\u001f\u007f]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** The text as a spreadsheet should receive it. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}
