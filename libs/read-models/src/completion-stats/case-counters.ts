/**
 * What one case adds to the report counters (docs/read-side.md, "Report counters"). Pure.
 *
 * A case's tallies for a period of reporting year Y are classifyCase(view, opening balance of Y, period end): a step
 * function of the period end that moves only on the view's dates. So its contribution is written as counters keyed
 * by (office, reporting year, slot):
 * - slot OPENING (0): the tallies at the opening balance itself (the stock the year starts with);
 * - slot 1..12 (October .. September): the change of the tallies during that month;
 * - slot CARRIED_ON (-1) of year Y: after the case's last dated change it stands still, so every period of Y and of
 *   every later year gets the same tallies; one row stands for all of them.
 * The report of period P in year Y sums the office's OPENING..slot(P) rows of Y and its CARRIED_ON rows of years ≤ Y:
 * at most 13 rows plus one per year of history, whatever the number of cases. Every value is a plain sum over
 * cases, so counters of offices add up (and any office → reporting-unit mapping can be applied at read time).
 */
import {
  openingBalanceOn,
  periodEndsOn,
  type CaseStatisticsView,
  type LocalDate,
  type ReportingPeriod,
} from '@thads/domain';
import { classifyCase, NO_TALLIES, type Tallies } from './classification';
import { subtractTallies, TALLY_FIELDS, type StatisticsTally } from './statistics';

/** The slot of a CARRIED_ON row: the tallies of every period of this year and every later one. */
export const CARRIED_ON = -1;
/** The slot of the opening balance: 24:00 on 30 September before the year. */
export const OPENING = 0;

/** Where a counter counts. */
export interface CounterKey {
  readonly officeId: string;
  readonly reportingYear: number;
  /** CARRIED_ON, OPENING, or the month of the reporting year, 1 (October) .. 12 (September). */
  readonly slot: number;
}

/** A case's counters (or a change of them), by counterKeyText. */
export type CaseCounters = Map<string, { readonly key: CounterKey; readonly tallies: Tallies }>;

export function counterKeyText({ officeId, reportingYear, slot }: CounterKey): string {
  return `${officeId}\u0000${reportingYear}\u0000${slot}`;
}

/** The reporting year a date falls in: 1 October Y-1 .. 30 September Y is year Y. */
export function reportingYearOfDate(date: LocalDate): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 10 ? year + 1 : year;
}

/** The slot of a period: October 1 .. September 12. */
export function slotOf(period: ReportingPeriod): number {
  const month = Number(period.slice(5, 7));
  return month >= 10 ? month - 9 : month + 3;
}

/** The period of a slot 1..12 of a reporting year. */
export function periodOfSlot(reportingYear: number, slot: number): ReportingPeriod {
  const month = ((slot + 8) % 12) + 1;
  const year = slot <= 3 ? reportingYear - 1 : reportingYear;
  return `${year}-${String(month).padStart(2, '0')}` as ReportingPeriod;
}

/** The counters of one case's view (null: not received, nothing). Zero rows are left out. */
export function caseCounters(view: CaseStatisticsView | null): CaseCounters {
  const counters: CaseCounters = new Map();
  if (view === null) return counters;
  const dates = datesOf(view);
  if (dates.length === 0) return counters;
  const put = (reportingYear: number, slot: number, tallies: Tallies) => {
    if (isZero(tallies)) return;
    const key = { officeId: view.officeId, reportingYear, slot };
    counters.set(counterKeyText(key), { key, tallies });
  };
  dates.sort();
  const firstYear = reportingYearOfDate(dates[0]);
  const lastYear = reportingYearOfDate(dates[dates.length - 1]);
  for (let year = firstYear; year <= lastYear; year++) {
    const opening = openingBalanceOn(year);
    let before = classifyCase(view, { openingBalanceOn: opening, periodEndsOn: opening });
    put(year, OPENING, before);
    let previousEnd = opening;
    for (let slot = 1; slot <= 12; slot++) {
      const end = periodEndsOn(periodOfSlot(year, slot));
      // A month in which none of the view's dates falls changes nothing: the classification is a step function
      // of the period end that moves only on those dates, so most months need no classifying at all.
      if (anyDateIn(dates, previousEnd, end)) {
        const tallies = classifyCase(view, { openingBalanceOn: opening, periodEndsOn: end });
        put(year, slot, differenceOf(tallies, before));
        before = tallies;
      }
      previousEnd = end;
    }
  }
  // Every date of the view is on or before the next year's opening balance: from then on the case stands still.
  const still = openingBalanceOn(lastYear + 1);
  put(lastYear + 1, CARRIED_ON, classifyCase(view, { openingBalanceOn: still, periodEndsOn: still }));
  return counters;
}

/** What changes from `before` to `after`, zero rows left out. */
export function countersChange(before: CaseCounters, after: CaseCounters): CaseCounters {
  const change: CaseCounters = new Map();
  for (const [text, { key, tallies }] of after) {
    const delta = differenceOf(tallies, before.get(text)?.tallies ?? NO_TALLIES);
    if (!isZero(delta)) change.set(text, { key, tallies: delta });
  }
  for (const [text, { key, tallies }] of before) {
    if (!after.has(text)) change.set(text, { key, tallies: differenceOf(NO_TALLIES, tallies) });
  }
  return change;
}

function differenceOf(after: Tallies, before: Tallies): Tallies {
  return { cases: subtractTallies(after.cases, before.cases), money: subtractTallies(after.money, before.money) };
}

function isZero(tallies: Tallies): boolean {
  return isZeroTally(tallies.cases) && isZeroTally(tallies.money);
}

function isZeroTally(tally: StatisticsTally): boolean {
  return TALLY_FIELDS.every((field) => tally[field] === 0n);
}

/** Whether a date of `sorted` is after `after` and on or before `upTo`. */
function anyDateIn(sorted: readonly LocalDate[], after: LocalDate, upTo: LocalDate): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] <= after) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && sorted[low] <= upTo;
}

function datesOf(view: CaseStatisticsView): LocalDate[] {
  const dates: LocalDate[] = view.buckets.map((change) => change.on);
  for (const item of view.items) if (item.statusChangedOn !== undefined) dates.push(item.statusChangedOn);
  for (const collection of view.collections) dates.push(collection.on);
  return dates;
}
