import { addCalendarDays, isoWeekday, type LocalDate } from '../shared/local-date';
import holidayCalendar from './vn-public-holidays.json';

/**
 * Vietnamese working days (ngày làm việc): Monday–Friday, less public holidays and compensatory days off,
 * plus the Saturdays the government designates as make-up working days. Data: vn-public-holidays.json.
 */

interface HolidayCalendarFile {
  readonly version: string;
  readonly source: readonly string[];
  readonly coverage: { readonly from: LocalDate; readonly to: LocalDate };
  readonly daysOff: readonly { readonly date: LocalDate; readonly name: string }[];
  readonly makeUpWorkingDays: readonly { readonly date: LocalDate; readonly name: string }[];
}

const calendar = holidayCalendar as HolidayCalendarFile;
const daysOff = new Map(calendar.daysOff.map((day) => [day.date, day.name]));
const makeUpWorkingDays = new Set(calendar.makeUpWorkingDays.map((day) => day.date));

/** Version of the holiday data in use; recorded so a computed deadline can be traced to its calendar. */
export const HOLIDAY_CALENDAR_VERSION = calendar.version;
export const HOLIDAY_CALENDAR_COVERAGE = calendar.coverage;

/** The name of the public holiday or compensatory day off on `date`, if any. */
export function holidayOn(date: LocalDate): string | undefined {
  return daysOff.get(date);
}

/** True on a working day. Throws outside the calendar's coverage: a deadline must never rest on missing data. */
export function isWorkingDay(date: LocalDate): boolean {
  if (date < calendar.coverage.from || date > calendar.coverage.to) {
    throw new RangeError(`No holiday data for ${date}: the calendar covers ${calendar.coverage.from} to ${calendar.coverage.to}`);
  }
  if (makeUpWorkingDays.has(date)) return true;
  if (daysOff.has(date)) return false;
  return isoWeekday(date) <= 5;
}

/**
 * The `n`th working day after `date` (the start day itself never counts, as with any legal time limit).
 * `addWorkingDays(friday, 1)` is the next Monday unless that is a holiday.
 */
export function addWorkingDays(date: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer, got ${n}`);
  let current = date;
  let remaining = n;
  while (remaining > 0) {
    current = addCalendarDays(current, 1);
    if (isWorkingDay(current)) remaining -= 1;
  }
  return current;
}
