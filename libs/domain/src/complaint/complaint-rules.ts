import { dueDate, type TimeLimitKey } from '../calendar/time-limits';
import { HOLIDAY_CALENDAR_COVERAGE } from '../calendar/working-days';
import { DomainError } from '../shared/domain-error';
import { parseLocalDate, type LocalDate } from '../shared/local-date';
import { ruleSetOn } from '../shared/rule-set';
import type { ComplaintCommand, ComplaintGroup } from './complaint-commands';
import type { ComplaintErrorCode } from './complaint-errors';
import type { ComplaintEventBase, ComplaintLevel } from './complaint-events';
import type { ComplaintStatus, ExistingComplaint } from './complaint-state';

/** Building blocks of the complaint decider: typed rule checks, command-data parsing, legal due dates. */

/** Throws a DomainError with a code from COMPLAINT_ERROR_CODES unless `condition` holds. */
export function ensureComplaintRule(
  condition: unknown,
  code: ComplaintErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): asserts condition {
  if (!condition) throw new DomainError(code, message, details);
}

/** Returns the state narrowed to `allowed` statuses, or throws INVALID_STATE_TRANSITION naming status, level and command. */
export function requireComplaintStatus<Allowed extends ComplaintStatus>(
  state: ExistingComplaint,
  allowed: readonly Allowed[],
  command: ComplaintCommand['type'],
): ExistingComplaint & { readonly status: Allowed } {
  ensureComplaintRule(
    (allowed as readonly ComplaintStatus[]).includes(state.status),
    'INVALID_STATE_TRANSITION',
    `${command} is not allowed on a complaint that is ${state.status} at level ${state.level}`,
    { status: state.status, level: state.level, command, allowed },
  );
  return state as ExistingComplaint & { readonly status: Allowed };
}

/** A non-blank string, or MISSING_FIELD naming `field`. */
export function requireText(value: unknown, field: string): string {
  ensureComplaintRule(typeof value === 'string' && value.trim() !== '', 'MISSING_FIELD', `${field} is required`, {
    field,
  });
  return value;
}

/** A real calendar date, or INVALID_DATE naming `field`. */
export function requireDate(value: unknown, field: string): LocalDate {
  return parseLocalDate(value, field);
}

/** One of `allowed`, or INVALID_VALUE naming `field` and the allowed values. */
export function requireOneOf<Value extends string>(value: unknown, allowed: readonly Value[], field: string): Value {
  ensureComplaintRule(
    (allowed as readonly unknown[]).includes(value),
    'INVALID_VALUE',
    `${field} must be one of ${allowed.join(', ')}`,
    {
      field,
      value,
      allowed,
    },
  );
  return value as Value;
}

/**
 * `dueDate(key, from)`, turning the calendar's RangeError (no holiday data that far) into CALENDAR_NOT_COVERED:
 * bad input must never surface as a server error.
 */
export function legalDueDate(key: TimeLimitKey, from: LocalDate): LocalDate {
  try {
    return dueDate(key, from);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new DomainError('CALENDAR_NOT_COVERED', error.message, {
      date: from,
      key,
      coverage: HOLIDAY_CALENDAR_COVERAGE,
    });
  }
}

/** Group B: complaints about security measures, decided once and finally (Art. 146; Decree 62 Art. 38(3)). */
export function isSecurityMeasureGroup(group: ComplaintGroup): boolean {
  return group === 'B_ACCOUNT_FREEZE' || group === 'B_OTHER_SECURITY';
}

/** The filing limit of a group (Art. 140(2)). */
export function filingLimitKey(group: ComplaintGroup): TimeLimitKey {
  return `COMPLAINT_FILING_${group}`;
}

/** The resolution limit of a group at a level (Art. 146); group B has only a first level. */
export function resolutionLimitKey(group: ComplaintGroup, level: ComplaintLevel): TimeLimitKey {
  if (isSecurityMeasureGroup(group)) return 'COMPLAINT_RESOLUTION_B_LEVEL_1';
  return `COMPLAINT_RESOLUTION_${group as 'A' | 'C' | 'D'}_LEVEL_${level}`;
}

/**
 * A complaint event's data: the fields every complaint event carries, then the event's own (Object.assign rather
 * than a literal opening with a spread, as eventData in case-rules.ts explains).
 */
export function complaintEventData<Fields extends object>(
  complaint: { readonly complaintId: string; readonly caseId: string },
  effectiveDate: LocalDate,
  fields: Fields,
): ComplaintEventBase & Fields {
  const { complaintId, caseId } = complaint;
  return Object.assign<ComplaintEventBase, Fields>(
    { complaintId, caseId, effectiveDate, ruleSet: ruleSetOn(effectiveDate) },
    fields,
  );
}
