import type { DomainErrorKind } from '../shared/error-kind';
/**
 * Every DomainError code of the `reporting` aggregate, with when it is thrown. This table is the contract the API's
 * problem+json mapping and docs/errors.md are built from: a code is never renamed or reused for another meaning.
 */
export const REPORTING_ERROR_CODES = {
  // Command data the decider owns (the HTTP DTOs check shapes too, but the domain never trusts them alone).
  INVALID_DATE: 'effectiveDate is not a real calendar date YYYY-MM-DD (details.field).',
  MISSING_FIELD: 'officeId or name is empty (details.field).',
  INVALID_VALUE:
    'tier is not one of MINISTRY, GENERAL_DEPARTMENT, PROVINCE, DISTRICT, REGIONAL (details.field, details.allowed).',
  INVALID_REPORTING_YEAR: 'reportingYear is not a whole year from 2000 to 2100.',
  INVALID_TARGET_RATE:
    'A target is not a percentage from 0 to 100 with at most 2 decimals written as a string, e.g. "72" or "72.50" (details.field).',
  INVALID_PERIOD: 'period is not a month written YYYY-MM.',
  // Existence and identity.
  OFFICE_ALREADY_REGISTERED: 'RegisterOffice on an office that is already registered.',
  OFFICE_NOT_REGISTERED: 'SetTarget or ClosePeriod on an office that was never registered.',
  OFFICE_ID_MISMATCH: "The command's officeId is not the office of the stream it is sent to.",
  PARENT_IS_SELF: 'parentOfficeId names the office being registered.',
  PARENT_OFFICE_NOT_REGISTERED:
    'parentOfficeId names an office that is not registered (checked by the command handler: register parents first).',
  // Periods and targets (TTLT 12/2021 Art. 6, 10).
  PERIOD_ALREADY_CLOSED:
    'ClosePeriod on a period the office has already closed, or on one before it (details.closedThrough).',
  PERIOD_CLOSED_OUT_OF_ORDER: 'ClosePeriod skips a month: periods close one after another (details.expectedPeriod).',
  PERIOD_NOT_ENDED:
    'ClosePeriod dated on or before the last day of the period: figures are taken at 24:00 on that day (details.periodEndsOn).',
  REPORTING_YEAR_CLOSED: 'SetTarget for a reporting year whose annual period (September) is already closed.',
} as const;

/** A stable error code of the `reporting` aggregate. */
export type ReportingErrorCode = keyof typeof REPORTING_ERROR_CODES;

/** The kind of each code of the `reporting` aggregate (shared/error-kind.ts): the API's HTTP status follows from it. */
export const REPORTING_ERROR_KINDS = {
  INVALID_DATE: 'malformed',
  MISSING_FIELD: 'malformed',
  INVALID_VALUE: 'malformed',
  INVALID_REPORTING_YEAR: 'malformed',
  INVALID_TARGET_RATE: 'malformed',
  INVALID_PERIOD: 'malformed',
  OFFICE_ALREADY_REGISTERED: 'conflict',
  OFFICE_NOT_REGISTERED: 'not_found',
  OFFICE_ID_MISMATCH: 'unprocessable',
  PARENT_IS_SELF: 'unprocessable',
  PARENT_OFFICE_NOT_REGISTERED: 'unprocessable',
  PERIOD_ALREADY_CLOSED: 'conflict',
  PERIOD_CLOSED_OUT_OF_ORDER: 'conflict',
  PERIOD_NOT_ENDED: 'conflict',
  REPORTING_YEAR_CLOSED: 'conflict',
} as const satisfies Record<ReportingErrorCode, DomainErrorKind>;
