import { DomainError } from './domain-error';

/**
 * A calendar date in Asia/Ho_Chi_Minh as `YYYY-MM-DD`. Legal time limits count in local dates, never instants.
 * String order equals date order, so comparisons are plain `<` / `>`.
 */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written as `YYYY-MM-DD`. */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Returns `value` as a LocalDate or throws INVALID_DATE naming `field`. */
export function parseLocalDate(value: unknown, field: string): LocalDate {
  if (!isLocalDate(value)) {
    throw new DomainError('INVALID_DATE', `${field} must be a calendar date written YYYY-MM-DD`, { field, value });
  }
  return value;
}

/*
 * Dates as days since 1970-01-01 in the proleptic Gregorian calendar, by integer arithmetic (the civil-from-days and
 * days-from-civil algorithms published by Howard Hinnant): every fold computes legal due dates, and a Date and an ISO
 * string per step showed in every profile of the command path (docs/performance.md, change 26).
 */
function toEpochDay(date: LocalDate): number {
  return daysFromCivil(digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10));
}

function fromEpochDay(day: number): LocalDate {
  const shifted = day + 719_468; // days from 0000-03-01, so a year ends with February's leap day
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March … 11 = February
  const d = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const m = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${twoDigits(m)}-${twoDigits(d)}`;
}

function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The decimal number in `text` from `start` to `end`, read without allocating substrings. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let index = start; index < end; index++) value = value * 10 + (text.charCodeAt(index) - 48);
  return value;
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** `date` plus `days` calendar days (negative goes back). */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** `date` plus `months` calendar months, clamped to the last day of a shorter month (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const monthIndex = digits(date, 0, 4) * 12 + (digits(date, 5, 7) - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(digits(date, 8, 10), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(day)}`;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1;
}
