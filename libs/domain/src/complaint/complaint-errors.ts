import type { DomainErrorKind } from '../shared/error-kind';
/**
 * Every DomainError code the `complaint` decider throws, with when it is thrown. This table is the contract the API's
 * problem+json mapping and docs/ are built from: a code is never renamed or reused for another meaning.
 * `details` always names the field or the values involved.
 */
export const COMPLAINT_ERROR_CODES = {
  // Command data the decider owns (the HTTP DTOs check shapes too, but the domain never trusts them alone).
  INVALID_DATE: 'A date is not a real calendar date YYYY-MM-DD (details.field).',
  MISSING_FIELD: 'An identifier, name, reference, decision number or explanation is empty (details.field).',
  INVALID_VALUE:
    'A value outside its enumeration: group, respondent role or tier, subject kind, finding, ground (details.field, details.allowed).',
  INVALID_FORCE_MAJEURE_DAYS: 'forceMajeureDays is not a non-negative whole number of days.',
  CALENDAR_NOT_COVERED: 'A deadline falls outside the holiday calendar; a deadline never rests on missing data.',
  // Existence, lifecycle and ordering.
  COMPLAINT_ALREADY_EXISTS: 'FileComplaint on a stream that already holds a complaint.',
  COMPLAINT_NOT_FOUND: 'Any other command on a stream with no complaint.',
  COMPLAINT_CLOSED: 'Any command on a withdrawn or not-accepted complaint (terminal states are final).',
  COMPLAINT_DECISION_FINAL:
    'Any command on a complaint whose decision is final: a second-level decision, or a group B decision (Art. 142; Decree 62 Art. 38(3)).',
  INVALID_STATE_TRANSITION:
    'The command is not allowed in the current status (details.status, details.level, details.command).',
  EFFECTIVE_DATE_BEFORE_PREVIOUS_ACT: "effectiveDate is earlier than the complaint's latest act.",
  ACT_DATED_IN_FUTURE: "effectiveDate is after the office's local today (details.field, details.today).",
  // Filing (Art. 140).
  KNOWN_AFTER_FILING: 'knownOn is later than the filing date: no one complains of what they do not know yet.',
  COMPLAINT_FILING_LIMIT_EXPIRED:
    'Filed after the limit of its group counted from knownOn plus force-majeure days (Art. 140(2)); details.group, knownOn, filingDeadline.',
  OFFICE_TIER_NOT_IN_ERA: 'A respondent office tier that did not exist on the filing date: REGIONAL before 2025-07-01.',
  // Escalation (Art. 140(2), 142).
  NO_SECOND_LEVEL_FOR_SECURITY_MEASURES:
    'EscalateComplaint on a group B complaint: its first-level decision is final (Decree 62 Art. 38(3)).',
  ESCALATION_REQUIRES_FIRST_LEVEL_DECISION: 'EscalateComplaint before the first-level decision.',
  DECISION_RECEIVED_BEFORE_DECISION: 'decisionReceivedOn is earlier than the first-level decision.',
  RECEIVED_AFTER_ESCALATION: 'decisionReceivedOn is later than the escalation date.',
  ESCALATION_LIMIT_EXPIRED:
    'Escalated more than 15 days after receipt of the first-level decision (Art. 140(2)); details.escalationDeadline.',
  // Who decides (Art. 142): the acting official must head the office holding the level's authority on the act's date.
  HEAD_OF_DISTRICT_OFFICE_REQUIRED:
    "Accept, decline or decide at a level held by the head of the district office (the respondent's own office); HTTP 403.",
  HEAD_OF_PROVINCIAL_OFFICE_REQUIRED:
    'Accept, decline or decide at a level held by the head of the provincial office above the respondent; HTTP 403.',
  HEAD_OF_GENERAL_DEPARTMENT_REQUIRED:
    'Accept, decline or decide at a level held by the head of the General Department (until 30/06/2025); HTTP 403.',
  HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT_REQUIRED:
    'Accept, decline or decide at a level held by the head of the Cục Quản lý THADS (from 01/07/2025); HTTP 403.',
  MINISTER_OF_JUSTICE_REQUIRED:
    'Accept, decline or decide at a level held by the Minister of Justice (head of the MINISTRY office); HTTP 403.',
  DECIDING_OFFICE_NOT_IN_STRUCTURE:
    "No office of the authority's tier is registered in the respondent's line on the act's date, so no one holds the authority (details.requiredTier).",
  // Missed deadlines (sent by the deadline sweep).
  DEADLINE_NOT_PASSED:
    'RecordMissedDeadline detected on or before dueOn: a deadline is missed only after its last day.',
} as const;

/** A stable error code of the `complaint` aggregate. */
export type ComplaintErrorCode = keyof typeof COMPLAINT_ERROR_CODES;

/** The kind of each code of the `complaint` aggregate (shared/error-kind.ts): the API's HTTP status follows from it. */
export const COMPLAINT_ERROR_KINDS = {
  INVALID_DATE: 'malformed',
  MISSING_FIELD: 'malformed',
  INVALID_VALUE: 'malformed',
  INVALID_FORCE_MAJEURE_DAYS: 'malformed',
  CALENDAR_NOT_COVERED: 'unprocessable',
  COMPLAINT_ALREADY_EXISTS: 'conflict',
  COMPLAINT_NOT_FOUND: 'not_found',
  COMPLAINT_CLOSED: 'conflict',
  COMPLAINT_DECISION_FINAL: 'conflict',
  INVALID_STATE_TRANSITION: 'conflict',
  EFFECTIVE_DATE_BEFORE_PREVIOUS_ACT: 'conflict',
  ACT_DATED_IN_FUTURE: 'unprocessable',
  KNOWN_AFTER_FILING: 'unprocessable',
  COMPLAINT_FILING_LIMIT_EXPIRED: 'conflict',
  OFFICE_TIER_NOT_IN_ERA: 'conflict',
  NO_SECOND_LEVEL_FOR_SECURITY_MEASURES: 'conflict',
  ESCALATION_REQUIRES_FIRST_LEVEL_DECISION: 'conflict',
  DECISION_RECEIVED_BEFORE_DECISION: 'unprocessable',
  RECEIVED_AFTER_ESCALATION: 'unprocessable',
  ESCALATION_LIMIT_EXPIRED: 'conflict',
  HEAD_OF_DISTRICT_OFFICE_REQUIRED: 'forbidden',
  HEAD_OF_PROVINCIAL_OFFICE_REQUIRED: 'forbidden',
  HEAD_OF_GENERAL_DEPARTMENT_REQUIRED: 'forbidden',
  HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT_REQUIRED: 'forbidden',
  MINISTER_OF_JUSTICE_REQUIRED: 'forbidden',
  DECIDING_OFFICE_NOT_IN_STRUCTURE: 'unprocessable',
  DEADLINE_NOT_PASSED: 'conflict',
} as const satisfies Record<ComplaintErrorCode, DomainErrorKind>;
