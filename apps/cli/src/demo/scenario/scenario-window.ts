import {
  addCalendarDays,
  addMonths,
  HOLIDAY_CALENDAR_COVERAGE,
  openingBalanceOn,
  periodEndsOn,
  reportingYearStartsOn,
} from '@thads/domain';
import type { Scenario, ScenarioWindow } from './scenario';

/** Carried-over cases are received up to this long before the year (realistic backlogs are 1–3 years old). */
const HISTORY_MONTHS = 36;
/** Carried-over cases need this much history at least: a separate-register move needs a decision 12 months old. */
export const MINIMUM_HISTORY_MONTHS = 20;

/** The first and last reporting years whose history and period fit in the working-day calendar's coverage. */
export function supportedReportingYears(): { readonly first: number; readonly last: number } {
  const coverageStart = HOLIDAY_CALENDAR_COVERAGE.from;
  let first = Number(coverageStart.slice(0, 4));
  while (addMonths(reportingYearStartsOn(first), -MINIMUM_HISTORY_MONTHS) < coverageStart) first += 1;
  return { first, last: Number(HOLIDAY_CALENDAR_COVERAGE.to.slice(0, 4)) };
}

/** The dates a scenario's cases live in; history is clipped to the calendar's coverage. */
export function scenarioWindow(scenario: Pick<Scenario, 'reportingYear' | 'period'>): ScenarioWindow {
  const yearStartsOn = reportingYearStartsOn(scenario.reportingYear);
  const earliest = addCalendarDays(HOLIDAY_CALENDAR_COVERAGE.from, 7);
  const wanted = addMonths(yearStartsOn, -HISTORY_MONTHS);
  return {
    yearStartsOn,
    openingBalanceOn: openingBalanceOn(scenario.reportingYear),
    periodEndsOn: periodEndsOn(scenario.period),
    historyStartsOn: wanted < earliest ? earliest : wanted,
  };
}
