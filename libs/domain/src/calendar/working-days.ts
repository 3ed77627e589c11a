import { addCalendarDays, isoWeekday, type LocalDate } from '../shared/local-date';
import holidayCalendar from './vn-public-holidays.json';

/**
 * Vietnamese working days (ngày làm việc) of a state office: Monday–Friday, less public holidays, compensatory
 * days off (nghỉ bù) and swapped days off (hoán đổi), plus the Saturdays designated as make-up working days
 * (làm bù). Data: vn-public-holidays.json (Labour Code 2012 Art. 115 to 2020, Labour Code 2019 Art. 111–112 from 2021,
 * and the yearly schedules the Prime Minister approves for the public sector).
 */

/** HOLIDAY: a statutory day; COMPENSATORY: nghỉ bù for a holiday on a rest day; SWAPPED: a weekday off worked back on a Saturday. */
export type DayOffKind = 'HOLIDAY' | 'COMPENSATORY' | 'SWAPPED';

/** One non-working day in the holiday data. `provisional` marks a date not yet fixed by an official schedule. */
export interface DayOff {
  readonly date: LocalDate;
  readonly name: string;
  readonly kind: DayOffKind;
  readonly basis: string;
  readonly provisional?: boolean;
}

/** A Saturday worked in exchange for a swapped weekday (`replaces`). */
export interface MakeUpWorkingDay {
  readonly date: LocalDate;
  readonly name: string;
  readonly replaces: LocalDate;
  readonly basis: string;
}

interface HolidayCalendarFile {
  readonly version: string;
  readonly source: readonly string[];
  readonly coverage: { readonly from: LocalDate; readonly to: LocalDate };
  readonly provisionalYears: readonly number[];
  readonly notes: readonly string[];
  readonly daysOff: readonly DayOff[];
  readonly makeUpWorkingDays: readonly MakeUpWorkingDay[];
}

const calendar = holidayCalendar as HolidayCalendarFile;
const daysOff = new Map(calendar.daysOff.map((day) => [day.date, day]));
const makeUpWorkingDays = new Set(calendar.makeUpWorkingDays.map((day) => day.date));
const provisionalYears = new Set(calendar.provisionalYears);

/** Version of the holiday data in use; recorded so a computed deadline can be traced to its calendar. */
export const HOLIDAY_CALENDAR_VERSION = calendar.version;
/** First and last date the holiday data covers; working-day questions outside it throw. */
export const HOLIDAY_CALENDAR_COVERAGE = calendar.coverage;
/** Years whose Tết and National Day days follow the statutory rule because no official schedule was published yet. */
export const HOLIDAY_CALENDAR_PROVISIONAL_YEARS: readonly number[] = calendar.provisionalYears;

function assertCovered(date: LocalDate): void {
  if (date < calendar.coverage.from || date > calendar.coverage.to) {
    throw new RangeError(
      `No holiday data for ${date}: the calendar covers ${calendar.coverage.from} to ${calendar.coverage.to}`,
    );
  }
}

/** The name of the public holiday, compensatory or swapped day off on `date`, if any. */
export function holidayOn(date: LocalDate): string | undefined {
  return daysOff.get(date)?.name;
}

/** The full day-off entry on `date` (kind, legal basis, provisional flag), if any. */
export function dayOffOn(date: LocalDate): DayOff | undefined {
  return daysOff.get(date);
}

/** True when `date` falls in a year whose schedule is still provisional: a deadline there may move once it is published. */
export function isProvisionalDate(date: LocalDate): boolean {
  return provisionalYears.has(Number(date.slice(0, 4)));
}

/** True on a working day. Throws outside the calendar's coverage: a deadline must never rest on missing data. */
export function isWorkingDay(date: LocalDate): boolean {
  assertCovered(date);
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

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function workingDayOnOrAfter(date: LocalDate): LocalDate {
  let current = date;
  while (!isWorkingDay(current)) current = addCalendarDays(current, 1);
  return current;
}
