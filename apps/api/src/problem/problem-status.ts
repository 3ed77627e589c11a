/**
 * HTTP status of a DomainError code (DESIGN.md §8). 404 for an unknown aggregate, 400 for malformed values the
 * domain caught, 422 for a reference inside the request that does not resolve, 409 for every other business rule.
 */
const NOT_FOUND = new Set(['CASE_NOT_FOUND', 'COMPLAINT_NOT_FOUND']);
/** Named INVALID_ for history, but a rule about the case's state, not a malformed value. */
const STATE_RULES = new Set(['INVALID_STATE_TRANSITION']);
const UNPROCESSABLE = new Set(['ITEM_NOT_FOUND', 'ASSET_NOT_FOUND', 'PARTY_NOT_FOUND', 'DUPLICATE_ITEM_ID', 'DUPLICATE_PARTY_ID']);

export function statusOfDomainCode(code: string): number {
  if (NOT_FOUND.has(code)) return 404;
  if (STATE_RULES.has(code)) return 409;
  if (code.startsWith('INVALID_') || code.startsWith('MISSING_')) return 400;
  if (UNPROCESSABLE.has(code)) return 422;
  return 409;
}
