import { addCalendarDays, isoWeekday, type LocalDate } from '../shared/local-date';
import holidayData from './vn-public-holidays.json';
import {
  HOLIDAY_CALENDAR_COVERAGE,
  HOLIDAY_CALENDAR_PROVISIONAL_YEARS,
  HOLIDAY_CALENDAR_VERSION,
  addWorkingDays,
  dayOffOn,
  holidayOn,
  isProvisionalDate,
  isWorkingDay,
  workingDayOnOrAfter,
  type DayOff,
} from './working-days';

const daysOff = holidayData.daysOff as readonly DayOff[];

function datesFrom(first: LocalDate, last: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let date = first; date <= last; date = addCalendarDays(date, 1)) dates.push(date);
  return dates;
}

describe('the holiday data file', () => {
  it('is versioned, names its legal sources and covers 2015–2030', () => {
    expect(HOLIDAY_CALENDAR_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    expect(HOLIDAY_CALENDAR_COVERAGE).toEqual({ from: '2015-01-01', to: '2030-12-31' });
    const sources = holidayData.source.join('\n');
    for (const basis of ['Điều 115', 'Điều 112', '45/2013/NĐ-CP', '145/2020/NĐ-CP', '9441/TB-BNV', 'provisional']) {
      expect(sources).toContain(basis);
    }
  });

  it('is sorted, has no duplicate date and stays inside its coverage', () => {
    const dates = daysOff.map((day) => day.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    for (const date of [...dates, ...holidayData.makeUpWorkingDays.map((day) => day.date)]) {
      expect(date >= HOLIDAY_CALENDAR_COVERAGE.from && date <= HOLIDAY_CALENDAR_COVERAGE.to).toBe(true);
    }
  });

  it.each(
    datesFrom('2015-01-01', '2030-12-31')
      .filter((date) => date.endsWith('-06-15'))
      .map((date) => Number(date.slice(0, 4))),
  )('has 10 statutory days in %i before Labour Code 2019, 11 from 2021 (Art. 115 / Art. 112)', (year) => {
    const statutory = daysOff.filter((day) => day.kind === 'HOLIDAY' && day.date.startsWith(`${year}-`));
    expect(statutory).toHaveLength(year >= 2021 ? 11 : 10);
  });

  it('gives every holiday on a weekly rest day exactly one compensatory weekday off in the same year', () => {
    for (let year = 2015; year <= 2030; year++) {
      const ofYear = daysOff.filter((day) => day.date.startsWith(`${year}-`));
      const onRestDays = ofYear.filter((day) => day.kind === 'HOLIDAY' && isoWeekday(day.date) >= 6);
      const compensatory = ofYear.filter((day) => day.kind === 'COMPENSATORY');
      expect({ year, count: compensatory.length }).toEqual({ year, count: onRestDays.length });
      for (const day of compensatory) expect(isoWeekday(day.date)).toBeLessThanOrEqual(5);
    }
  });

  it('pairs every swapped weekday with a make-up Saturday', () => {
    for (const makeUp of holidayData.makeUpWorkingDays) {
      expect(isoWeekday(makeUp.date)).toBe(6);
      expect(dayOffOn(makeUp.replaces)?.kind).toBe('SWAPPED');
    }
    const swapped = daysOff.filter((day) => day.kind === 'SWAPPED');
    // 2 Jan 2015 was worked back on 27 Dec 2014, before the coverage starts.
    expect(
      swapped.map((day) => day.date).filter((date) => !holidayData.makeUpWorkingDays.some((m) => m.replaces === date)),
    ).toEqual(['2015-01-02']);
  });

  it('marks Tết and the National Day adjacent day as provisional only in the unpublished years 2027–2030', () => {
    expect(HOLIDAY_CALENDAR_PROVISIONAL_YEARS).toEqual([2027, 2028, 2029, 2030]);
    for (const day of daysOff.filter((entry) => entry.provisional))
      expect(Number(day.date.slice(0, 4))).toBeGreaterThanOrEqual(2027);
    expect(dayOffOn('2027-02-06')).toMatchObject({ name: 'Tết Nguyên đán (mùng 1)', provisional: true });
    expect(dayOffOn('2026-02-17')?.provisional).toBeUndefined();
    expect(isProvisionalDate('2027-03-01')).toBe(true);
    expect(isProvisionalDate('2026-12-31')).toBe(false);
  });

  it('places Tết 2030 on 2 Feb, the Vietnamese (UTC+7) new moon, a day before the Chinese new year', () => {
    expect(holidayOn('2030-02-02')).toBe('Tết Nguyên đán (mùng 1)');
  });
});

describe('isWorkingDay against the published schedules', () => {
  // Each break: every day in it is off, and the days just before and after are working days.
  it.each([
    ['Tết 2015 (make-up Saturday 14 Feb)', '2015-02-15', '2015-02-23'],
    ['Tết 2016', '2016-02-06', '2016-02-14'],
    ['Tết 2017', '2017-01-26', '2017-02-01'],
    ['Tết 2018', '2018-02-14', '2018-02-20'],
    ['Tết 2019', '2019-02-02', '2019-02-10'],
    ['Tết 2020', '2020-01-23', '2020-01-29'],
    ['Tết 2021', '2021-02-10', '2021-02-16'],
    ['Tết 2022', '2022-01-29', '2022-02-06'],
    ['Tết 2023', '2023-01-20', '2023-01-26'],
    ['Tết 2024', '2024-02-08', '2024-02-14'],
    ['Tết 2025', '2025-01-25', '2025-02-02'],
    ['Tết 2026', '2026-02-14', '2026-02-22'],
    ['Giỗ Tổ, 30/4–1/5 2015 (swap 29 Apr)', '2015-04-28', '2015-05-03'],
    ['30/4–1/5 2019 (swap 29 Apr)', '2019-04-27', '2019-05-01'],
    ['30/4–1/5 2022 (both on the weekend)', '2022-04-30', '2022-05-03'],
    ['Giỗ Tổ, 30/4–1/5 2023 (two on the weekend)', '2023-04-29', '2023-05-03'],
    ['30/4–1/5 2024 (swap 29 Apr)', '2024-04-27', '2024-05-01'],
    ['30/4–1/5 2025 (swap 2 May)', '2025-04-30', '2025-05-04'],
    ['Quốc khánh 2021', '2021-09-02', '2021-09-05'],
    ['Quốc khánh 2022', '2022-09-01', '2022-09-04'],
    ['Quốc khánh 2023 (2 Sep on Saturday)', '2023-09-01', '2023-09-04'],
    ['Quốc khánh 2024', '2024-08-31', '2024-09-03'],
    ['Quốc khánh 2025', '2025-08-30', '2025-09-02'],
    ['Quốc khánh 2026 (swap 31 Aug)', '2026-08-29', '2026-09-02'],
    ['Tết Dương lịch 2022 (1 Jan on Saturday)', '2022-01-01', '2022-01-03'],
    ['Tết Dương lịch 2026 (swap 2 Jan)', '2026-01-01', '2026-01-04'],
    ['Giỗ Tổ 2026 (on Sunday)', '2026-04-25', '2026-04-27'],
  ])('%s: off from %s to %s', (_name, first, last) => {
    for (const date of datesFrom(first, last))
      expect({ date, working: isWorkingDay(date) }).toEqual({ date, working: false });
    expect(isWorkingDay(addCalendarDays(first, -1))).toBe(true);
    expect(isWorkingDay(addCalendarDays(last, 1))).toBe(true);
  });

  it.each([
    ['2015-02-14', 'make-up Saturday for 16 Feb 2015'],
    ['2019-01-05', 'make-up Saturday for 31 Dec 2018'],
    ['2019-05-04', 'make-up Saturday for 29 Apr 2019'],
    ['2024-05-04', 'make-up Saturday for 29 Apr 2024'],
    ['2025-04-26', 'make-up Saturday for 2 May 2025'],
    ['2026-01-10', 'make-up Saturday for 2 Jan 2026'],
    ['2026-08-22', 'make-up Saturday for 31 Aug 2026'],
  ])('counts %s as a working day (%s)', (date) => {
    expect(isoWeekday(date)).toBe(6);
    expect(isWorkingDay(date)).toBe(true);
  });

  it.each([
    ['2024-05-11', false, 'an ordinary Saturday'],
    ['2024-05-12', false, 'an ordinary Sunday'],
    ['2024-05-13', true, 'an ordinary Monday'],
    ['2018-12-31', false, 'swapped for 5 Jan 2019'],
    ['2017-01-02', false, 'compensatory day for 1 Jan 2017, a Sunday'],
    ['2023-09-04', false, 'compensatory day for 2 Sep 2023, a Saturday'],
  ])('%s is working: %s (%s)', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  it('names the day off', () => {
    expect(holidayOn('2024-09-03')).toBe('Quốc khánh (ngày liền kề 2/9)');
    expect(holidayOn('2022-01-03')).toContain('Nghỉ bù Tết Dương lịch');
    expect(holidayOn('2024-04-29')).toContain('làm bù thứ Bảy 04/05/2024');
    expect(holidayOn('2024-03-12')).toBeUndefined();
  });

  it.each(['2014-12-31', '2031-01-01'])('throws a RangeError outside the coverage (%s)', (date) => {
    expect(() => isWorkingDay(date)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2024-03-08', 1, '2024-03-11', 'a weekend'],
    ['2024-03-11', 0, '2024-03-11', 'zero days'],
    ['2024-02-07', 5, '2024-02-21', 'Tết 2024 (8–14 Feb)'],
    ['2025-01-24', 5, '2025-02-07', 'Tết 2025 (25 Jan–2 Feb)'],
    ['2026-02-12', 3, '2026-02-24', 'Tết 2026 (14–22 Feb)'],
    ['2023-08-31', 1, '2023-09-05', 'the compensatory day 4 Sep 2023'],
    ['2024-08-30', 1, '2024-09-04', 'National Day 2024 (31 Aug–3 Sep)'],
    ['2022-04-29', 1, '2022-05-04', '30 Apr–1 May 2022 on the weekend, compensated 2–3 May'],
    ['2023-04-28', 1, '2023-05-04', 'Giỗ Tổ, 30 Apr and 1 May 2023, compensated 2–3 May'],
    ['2021-12-31', 1, '2022-01-04', '1 Jan 2022 a Saturday, compensated 3 Jan'],
    ['2024-04-26', 1, '2024-05-02', 'the swap of 29 Apr 2024'],
    ['2024-04-26', 3, '2024-05-04', 'the make-up Saturday 4 May 2024, which counts'],
    ['2025-04-25', 1, '2025-04-26', 'nothing: the make-up Saturday 26 Apr 2025 is the next working day'],
    ['2025-04-29', 1, '2025-05-05', '30 Apr–1 May 2025 and the swap of 2 May'],
  ])('%s + %i working days = %s (across %s)', (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])('rejects %p working days', (n) => {
    expect(() => addWorkingDays('2024-03-08', n)).toThrow(RangeError);
  });

  it('throws a RangeError when the count runs past the coverage', () => {
    expect(() => addWorkingDays('2030-12-30', 5)).toThrow(RangeError);
  });
});

describe('workingDayOnOrAfter', () => {
  it.each([
    ['2024-03-12', '2024-03-12'],
    ['2024-03-16', '2024-03-18'],
    ['2024-02-10', '2024-02-15'],
    ['2024-05-04', '2024-05-04'],
  ])('%s → %s', (date, expected) => {
    expect(workingDayOnOrAfter(date)).toBe(expected);
  });
});
