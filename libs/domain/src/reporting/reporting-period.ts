import type { LocalDate } from '../shared/local-date';

/**
 * Statistical reporting periods of THADS (docs/domain.md). The reporting year N runs from 1 October of N−1 to
 * 30 September of N; every periodic report is cumulative from 1 October to the last day of a month
 * (TT 06/2019; TTLT 12/2021 Art. 6). A period is named by the month it ends in, `YYYY-MM`: `2018-05` is the
 * 8-month report of reporting year 2018 (1 Oct 2017 – 31 May 2018).
 */
export type ReportingPeriod = string;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True when `value` is a month written `YYYY-MM`. */
export function isReportingPeriod(value: unknown): value is ReportingPeriod {
  return typeof value === 'string' && PERIOD.test(value);
}

function yearAndMonth(period: ReportingPeriod): [number, number] {
  const match = PERIOD.exec(period);
  if (!match) throw new RangeError(`Not a reporting period YYYY-MM: ${period}`);
  return [Number(match[1]), Number(match[2])];
}

function periodOf(year: number, month: number): ReportingPeriod {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The reporting year a period belongs to: the year its 30 September falls in (October 2017 → 2018). */
export function reportingYearOf(period: ReportingPeriod): number {
  const [year, month] = yearAndMonth(period);
  return month >= 10 ? year + 1 : year;
}

/** The last day of the period's month: figures are taken at 24:00 local time on that day (docs/domain.md). */
export function periodEndsOn(period: ReportingPeriod): LocalDate {
  const [year, month] = yearAndMonth(period);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${periodOf(year, month)}-${String(lastDay).padStart(2, '0')}`;
}

/** 1 October of the year before: the first day of reporting year `reportingYear`. */
export function reportingYearStartsOn(reportingYear: number): LocalDate {
  return `${String(reportingYear - 1).padStart(4, '0')}-10-01`;
}

/** 30 September of the year before: the balance carried over into `reportingYear` is taken at 24:00 that day. */
export function openingBalanceOn(reportingYear: number): LocalDate {
  return `${String(reportingYear - 1).padStart(4, '0')}-09-30`;
}

/** The first period of a reporting year (`2017-10` for 2018). */
export function firstPeriodOf(reportingYear: number): ReportingPeriod {
  return periodOf(reportingYear - 1, 10);
}

/** The last period of a reporting year, the annual report (`2018-09` for 2018). */
export function lastPeriodOf(reportingYear: number): ReportingPeriod {
  return periodOf(reportingYear, 9);
}

/** The month after `period`. */
export function nextPeriod(period: ReportingPeriod): ReportingPeriod {
  const [year, month] = yearAndMonth(period);
  return month === 12 ? periodOf(year + 1, 1) : periodOf(year, month + 1);
}

/** The month before `period`. */
export function previousPeriod(period: ReportingPeriod): ReportingPeriod {
  const [year, month] = yearAndMonth(period);
  return month === 1 ? periodOf(year - 1, 12) : periodOf(year, month - 1);
}
