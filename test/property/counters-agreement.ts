/**
 * The report counters of completion_stats (docs/read-side.md, "Report counters") against a fold of the facts: the
 * counter rows equal the sum of every case's counters computed from its folded state, and for every month of six
 * reporting years each case's counters sum to what classifyCase makes of its view for that period, so a report summed
 * from counters equals the report classified case by case.
 */
import { openingBalanceOn, periodEndsOn, type CaseStatisticsView, type ReportingPeriod } from '@thads/domain';
import {
  addAllTallies,
  CARRIED_ON,
  caseCounters,
  classifyCase,
  completionReport,
  completionFigures,
  counterKeyText,
  periodOfSlot,
  slotOf,
  statisticsRegimeFor,
  type CaseCounters,
  type readModelKysely,
  type Tallies,
} from '@thads/read-models';

type Db = ReturnType<typeof readModelKysely>;

/** Reporting years every month of which is compared: the histories span 2017–2021; 2022 checks carried-on rows. */
const YEARS = [2017, 2018, 2019, 2020, 2021, 2022];

export async function compareCounters(db: Db, views: readonly CaseStatisticsView[]): Promise<void> {
  const expected = new Map<string, Tallies>();
  for (const view of views) {
    const counters = caseCounters(view);
    for (const { key, tallies } of counters.values()) {
      const text = counterKeyText(key);
      const current = expected.get(text);
      expected.set(text, current ? addAllTallies([current, tallies]) : tallies);
    }
    for (const year of YEARS)
      for (let slot = 1; slot <= 12; slot++) comparePeriod(view, counters, year, periodOfSlot(year, slot));
  }
  const rows = await db.selectFrom('completion_stats_counters').selectAll().execute();
  const actual = new Map<string, Tallies>();
  for (const row of rows) {
    const text = counterKeyText({
      officeId: row.office_id,
      reportingYear: Number(row.reporting_year),
      slot: Number(row.slot),
    });
    const tally = Object.fromEntries(
      Object.entries(row).filter(([column]) => !['office_id', 'reporting_year', 'slot', 'measure'].includes(column)),
    );
    actual.set(text, { ...(actual.get(text) ?? {}), [row.measure]: tally } as unknown as Tallies);
  }
  const expectedRows = [...expected]
    .filter(([, tallies]) => !isZero(tallies))
    .map(([text]) => text)
    .sort();
  if (JSON.stringify(expectedRows) !== JSON.stringify([...actual.keys()].sort()))
    throw new Error(`counter keys: read model ${[...actual.keys()].sort().join(',')}, fold ${expectedRows.join(',')}`);
  for (const year of YEARS.slice(-2)) {
    const period = periodOfSlot(year, 6);
    const report = await completionReport(db, { period });
    const tallies = addAllTallies(views.map((view) => classifyCase(view, windowOf(year, period))));
    const regime = statisticsRegimeFor(year);
    same(`report ${period} by cases`, report.rollUp.cases, completionFigures(tallies.cases, regime));
    same(`report ${period} by money`, report.rollUp.money, completionFigures(tallies.money, regime));
  }
}

/** The case's OPENING..slot rows of the year and CARRIED_ON rows of years up to it sum to classifyCase. */
function comparePeriod(view: CaseStatisticsView, counters: CaseCounters, year: number, period: ReportingPeriod): void {
  const slot = slotOf(period);
  const rows = [...counters.values()].filter(
    ({ key }) =>
      (key.reportingYear === year && key.slot >= 0 && key.slot <= slot) ||
      (key.slot === CARRIED_ON && key.reportingYear <= year),
  );
  same(
    `counters of ${view.caseId} for ${period}`,
    addAllTallies(rows.map((row) => row.tallies)),
    classifyCase(view, windowOf(year, period)),
  );
}

function windowOf(year: number, period: ReportingPeriod) {
  return { openingBalanceOn: openingBalanceOn(year), periodEndsOn: periodEndsOn(period) };
}

function isZero(tallies: Tallies): boolean {
  return [...Object.values(tallies.cases), ...Object.values(tallies.money)].every((value) => value === 0n);
}

function same(what: string, actual: unknown, expected: unknown): void {
  const text = (value: unknown) =>
    JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner));
  if (text(actual) !== text(expected)) throw new Error(`${what}: read model ${text(actual)}, fold ${text(expected)}`);
}
