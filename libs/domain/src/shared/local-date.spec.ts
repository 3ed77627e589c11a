import fc from 'fast-check';
import { addCalendarDays, addMonths, daysBetween, isLocalDate, isoWeekday } from './local-date';

// The reference is the JavaScript Date in UTC: the arithmetic must agree with it on every date it is asked about.
const DAY_MS = 86_400_000;
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (date: string) => Date.parse(`${date}T00:00:00Z`);
/** Any day from 1600-01-01 to 2999-12-31 (leap centuries 1600 and 2000, common ones 1700, 1900, 2100 included). */
const anyDate = fc
  .integer({ min: msOf('1600-01-01') / DAY_MS, max: msOf('2999-12-31') / DAY_MS })
  .map((day) => isoOf(day * DAY_MS));

describe('local dates', () => {
  it('adds calendar days as Date does, across months, leap days and centuries', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -40_000, max: 40_000 }), (date, days) => {
        expect(addCalendarDays(date, days)).toBe(isoOf(msOf(date) + days * DAY_MS));
      }),
      { numRuns: 5_000 },
    );
  });

  it('counts the days between two dates and names the ISO weekday as Date does', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (from, to) => {
        expect(daysBetween(from, to)).toBe((msOf(to) - msOf(from)) / DAY_MS);
        const weekday = new Date(msOf(from)).getUTCDay();
        expect(isoWeekday(from)).toBe(weekday === 0 ? 7 : weekday);
      }),
      { numRuns: 5_000 },
    );
  });

  it('adds months clamped to the end of a shorter month', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -240, max: 240 }), (date, months) => {
        const [y, m, d] = date.split('-').map(Number);
        const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
        expect(addMonths(date, months)).toBe(isoOf(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))));
      }),
      { numRuns: 5_000 },
    );
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', -2)).toBe('2025-11-30');
  });

  it('accepts real calendar dates only', () => {
    fc.assert(fc.property(anyDate, (date) => expect(isLocalDate(date)).toBe(true)));
    for (const bad of ['2026-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-01'])
      expect(isLocalDate(bad)).toBe(false);
    expect(isLocalDate('2000-02-29')).toBe(true);
    expect(isLocalDate('2028-02-29')).toBe(true);
  });
});
