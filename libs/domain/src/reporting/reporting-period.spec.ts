import {
  firstPeriodOf,
  isReportingPeriod,
  lastPeriodOf,
  nextPeriod,
  openingBalanceOn,
  periodEndsOn,
  previousPeriod,
  reportingYearOf,
  reportingYearStartsOn,
} from './reporting-period';

describe('reporting periods (year 1 Oct – 30 Sep, cumulative by month end)', () => {
  it.each([
    ['2017-10', 2018],
    ['2017-12', 2018],
    ['2018-05', 2018],
    ['2018-09', 2018],
    ['2018-10', 2019],
  ])('%s belongs to reporting year %i', (period, year) => {
    expect(reportingYearOf(period)).toBe(year);
  });

  it.each([
    ['2018-05', '2018-05-31'],
    ['2018-02', '2018-02-28'],
    ['2020-02', '2020-02-29'],
    ['2018-09', '2018-09-30'],
    ['2017-12', '2017-12-31'],
  ])('%s ends on %s', (period, end) => {
    expect(periodEndsOn(period)).toBe(end);
  });

  it('places reporting year 2018 between 1 Oct 2017 and 30 Sep 2018, opening on the balance of 30 Sep 2017', () => {
    expect(reportingYearStartsOn(2018)).toBe('2017-10-01');
    expect(openingBalanceOn(2018)).toBe('2017-09-30');
    expect(firstPeriodOf(2018)).toBe('2017-10');
    expect(lastPeriodOf(2018)).toBe('2018-09');
  });

  it('steps months across year ends', () => {
    expect(nextPeriod('2017-12')).toBe('2018-01');
    expect(nextPeriod('2018-09')).toBe('2018-10');
    expect(previousPeriod('2018-01')).toBe('2017-12');
    expect(previousPeriod('2017-10')).toBe('2017-09');
  });

  it.each(['2018-00', '2018-13', '2018-1', '2018/05', '', 201805, null])('rejects %p', (value) => {
    expect(isReportingPeriod(value)).toBe(false);
  });
});
