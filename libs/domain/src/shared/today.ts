import { DomainError } from './domain-error';
import { isLocalDate, type LocalDate } from './local-date';

/**
 * The office's local today (Asia/Ho_Chi_Minh: every office keeps Vietnamese time), put on a command by the application
 * layer before it is decided (executeCommand). The domain never reads a clock; a decider given no `today` (a spec of
 * one rule called directly) cannot tell the future from the past and skips the check.
 */
export interface OnToday {
  readonly today?: LocalDate;
}

/**
 * An act is recorded on or after the day it took place: a date after the office's local today is refused with
 * ACT_DATED_IN_FUTURE naming the field, the date and today. A malformed date is left to the caller's own INVALID_DATE.
 */
export function ensureNotAfterToday(date: unknown, today: LocalDate | undefined, field: string): void {
  if (today === undefined || !isLocalDate(date) || date <= today) return;
  throw new DomainError('ACT_DATED_IN_FUTURE', `${field} ${date} is after today (${today}) at the office`, {
    field,
    [field]: date,
    today,
  });
}
