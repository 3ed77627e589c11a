import type { DomainErrorKind } from '../shared/error-kind';
/**
 * Every DomainError code of the office registry, with when it is thrown: the contract docs/errors.md is built from.
 */
export const OFFICE_REGISTRY_ERROR_CODES = {
  INVALID_DATE: 'effectiveDate or legalAct.issuedOn is not a real calendar date YYYY-MM-DD (details.field).',
  MISSING_FIELD: 'An office id, a list of office ids or the new name is missing or blank (details.field).',
  SUCCESSION_OFFICE_NOT_REGISTERED:
    'An office the merger, split or rename names is not registered, or only from a later date than the change (details.officeId, details.registeredOn).',
  LEGAL_ACT_REQUIRED: 'legalAct lacks its number, issue date or issuer (details.field).',
  LEGAL_ACT_ISSUED_AFTER_EFFECT: 'The legal act is dated after the day the change takes effect (details.issuedOn).',
  PREDECESSORS_REQUIRED: 'MergeOffices names no predecessor, or SplitOffice fewer than two successors (details.field).',
  DUPLICATE_OFFICE_IN_SUCCESSION: 'The same office is named twice in one merger or split (details.officeId).',
  SUCCESSOR_IS_PREDECESSOR:
    'The successor is also listed as a predecessor: an office that carries on after absorbing others is only the successor.',
  OPEN_CASES_SUCCESSOR_NOT_LISTED: "SplitOffice's openCasesPassTo is not one of its successorOfficeIds.",
  OFFICE_ALREADY_SUCCEEDED:
    'A predecessor (or the renamed office) has already been merged or split away; an office is succeeded once (details.officeId, details.successorOfficeId, details.effectiveDate).',
  SUCCESSOR_ALREADY_SUCCEEDED:
    'The successor has itself been merged or split away; name the office that holds its cases now (details.officeId).',
} as const;

/** A stable error code of the office registry. */
export type OfficeRegistryErrorCode = keyof typeof OFFICE_REGISTRY_ERROR_CODES;

/** The kind of each code of the office registry (shared/error-kind.ts): the API's HTTP status follows from it. */
export const OFFICE_REGISTRY_ERROR_KINDS = {
  INVALID_DATE: 'malformed',
  MISSING_FIELD: 'malformed',
  SUCCESSION_OFFICE_NOT_REGISTERED: 'unprocessable',
  LEGAL_ACT_REQUIRED: 'malformed',
  LEGAL_ACT_ISSUED_AFTER_EFFECT: 'unprocessable',
  PREDECESSORS_REQUIRED: 'malformed',
  DUPLICATE_OFFICE_IN_SUCCESSION: 'unprocessable',
  SUCCESSOR_IS_PREDECESSOR: 'unprocessable',
  OPEN_CASES_SUCCESSOR_NOT_LISTED: 'unprocessable',
  OFFICE_ALREADY_SUCCEEDED: 'conflict',
  SUCCESSOR_ALREADY_SUCCEEDED: 'conflict',
} as const satisfies Record<OfficeRegistryErrorCode, DomainErrorKind>;
