import { AUTHORITY_REQUIRED_CODES } from '@thads/domain';

/**
 * HTTP status of a DomainError code (docs/architecture.md). 403 for an act of an authority the caller does not hold, 404 for an unknown aggregate, 400 for malformed values the
 * domain caught, 422 for a request whose values contradict each other or point at nothing, 409 for every other business rule.
 */
/** The act needs an authority the caller does not hold: the request is understood, the caller is not the one to make it. */
const FORBIDDEN = new Set<string>(Object.values(AUTHORITY_REQUIRED_CODES));
const NOT_FOUND = new Set(['CASE_NOT_FOUND', 'COMPLAINT_NOT_FOUND', 'OFFICE_NOT_REGISTERED', 'OFFICE_NOT_FOUND']);
/** Named INVALID_ for history, but a rule about the case's state, not a malformed value. */
const STATE_RULES = new Set(['INVALID_STATE_TRANSITION']);
/** Well-formed values that contradict each other or point at nothing: the request, not the case, must change. */
const UNPROCESSABLE = new Set([
  'ITEM_NOT_FOUND',
  'ASSET_NOT_FOUND',
  'DUPLICATE_ITEM_ID',
  'DUPLICATE_PARTY_ID',
  'PAYEE_NOT_A_CREDITOR',
  'MODE_SOURCE_MISMATCH',
  'SERVED_BEFORE_DECISION',
  'COERCION_SCHEDULED_BEFORE_DECISION',
  'AUCTION_PRICE_REQUIRED',
  'POSTPONEMENT_ENDS_BEFORE_IT_STARTS',
  'KNOWN_AFTER_FILING',
  'DECISION_RECEIVED_BEFORE_DECISION',
  'RECEIVED_AFTER_ESCALATION',
  'CALENDAR_NOT_COVERED',
  'PARENT_OFFICE_NOT_REGISTERED',
  'PARENT_IS_SELF',
  'OFFICE_ID_MISMATCH',
  'DECISION_NOT_FOUND',
  'EVENT_NOT_FOUND',
  'EVENT_NOT_RETRACTABLE',
  'DECIDING_OFFICE_NOT_IN_STRUCTURE',
  'RECEIVED_BEFORE_JUDGMENT_EFFECTIVE',
  'JUDGMENT_EFFECTIVE_BEFORE_ISSUE',
]);
/** A missing value the domain caught (corrections without a reason): malformed, like MISSING_*. */
const MALFORMED = new Set(['REASON_REQUIRED']);

export function statusOfDomainCode(code: string): number {
  if (FORBIDDEN.has(code)) return 403;
  if (NOT_FOUND.has(code)) return 404;
  if (STATE_RULES.has(code)) return 409;
  if (code.startsWith('INVALID_') || code.startsWith('MISSING_') || MALFORMED.has(code)) return 400;
  if (UNPROCESSABLE.has(code)) return 422;
  return 409;
}
