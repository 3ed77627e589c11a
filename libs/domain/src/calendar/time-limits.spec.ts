import { addMonths, type LocalDate } from '../shared/local-date';
import {
  LAW_106_2025_UNCONFIRMED_TIME_LIMITS,
  TIME_LIMITS,
  addLimit,
  dueDate,
  type TimeLimitKey,
  type TimeUnit,
} from './time-limits';
import { isWorkingDay } from './working-days';

describe('addLimit', () => {
  it.each<[LocalDate, TimeUnit, number, LocalDate, string]>([
    ['2024-03-01', 'DAYS', 10, '2024-03-11', 'ends on a Monday: unchanged'],
    ['2024-03-06', 'DAYS', 10, '2024-03-18', 'ends on Saturday 16 Mar: moves to Monday (Civil Code Art. 148(5))'],
    ['2024-01-29', 'DAYS', 10, '2024-02-15', 'ends on 8 Feb, in Tết: moves past Tết'],
    ['2024-08-23', 'DAYS', 10, '2024-09-04', 'ends on 2 Sep 2024: moves past 3 Sep'],
    ['2023-08-20', 'DAYS', 15, '2023-09-05', 'ends on 4 Sep 2023, a compensatory day'],
    ['2024-04-24', 'DAYS', 10, '2024-05-04', 'ends on the make-up Saturday 4 May 2024, a working day'],
    ['2024-03-08', 'WORKING_DAYS', 1, '2024-03-11', 'working days skip the weekend'],
    ['2023-08-31', 'MONTHS', 6, '2024-02-29', 'clamps to the end of a shorter month'],
    ['2022-08-31', 'MONTHS', 6, '2023-02-28', 'clamps to 28 Feb in a common year'],
    ['2024-03-31', 'MONTHS', 1, '2024-05-02', 'clamps to 30 Apr, a holiday, then moves past 1 May'],
    ['2023-10-29', 'MONTHS', 6, '2024-05-02', 'ends on the swapped day 29 Apr 2024'],
  ])('%s + %s %i = %s (%s)', (from, unit, limit, expected) => {
    expect(addLimit(from, unit, limit)).toBe(expected);
  });

  it('leaves the month arithmetic itself clamped and unshifted', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-03-31', 1)).toBe('2024-04-30');
  });
});

describe('dueDate', () => {
  it.each<[TimeLimitKey, LocalDate, LocalDate]>([
    ['REQUEST_DECISION', '2024-02-07', '2024-02-21'],
    ['EX_OFFICIO_DECISION', '2025-01-24', '2025-02-07'],
    ['CASE_FILE_OPENING', '2024-08-30', '2024-09-05'],
    ['VOLUNTARY_PERIOD', '2024-08-23', '2024-09-04'],
    ['VERIFICATION_START', '2024-03-01', '2024-03-11'],
    ['REVERIFICATION', '2023-10-29', '2024-05-02'],
    ['REVERIFICATION_LONG_TERM', '2023-02-28', '2024-02-28'],
    ['AUCTION_BUYER_PAYMENT', '2024-01-09', '2024-02-15'],
    ['COMPLAINT_ACCEPTANCE_LEVEL_1', '2025-01-24', '2025-02-07'],
    ['COMPLAINT_ACCEPTANCE_LEVEL_2', '2025-04-20', '2025-05-05'],
    ['COMPLAINT_ESCALATION', '2025-08-18', '2025-09-03'],
    ['COMPLAINT_FILING_A', '2024-03-01', '2024-03-18'],
    ['COMPLAINT_FILING_B_ACCOUNT_FREEZE', '2026-02-12', '2026-02-24'],
    ['COMPLAINT_FILING_B_OTHER_SECURITY', '2024-03-01', '2024-03-11'],
    ['COMPLAINT_FILING_C', '2024-03-01', '2024-04-01'],
    ['COMPLAINT_FILING_D', '2024-04-01', '2024-05-02'],
    ['COMPLAINT_RESOLUTION_A_LEVEL_1', '2024-03-01', '2024-03-18'],
    ['COMPLAINT_RESOLUTION_A_LEVEL_2', '2024-03-01', '2024-04-01'],
    ['COMPLAINT_RESOLUTION_B_LEVEL_1', '2024-04-24', '2024-05-04'],
    ['COMPLAINT_RESOLUTION_C_LEVEL_1', '2024-03-01', '2024-04-01'],
    ['COMPLAINT_RESOLUTION_C_LEVEL_2', '2024-01-01', '2024-02-15'],
    ['COMPLAINT_RESOLUTION_D_LEVEL_1', '2024-03-01', '2024-03-18'],
    ['COMPLAINT_RESOLUTION_D_LEVEL_2', '2024-03-01', '2024-04-01'],
  ])('%s from %s is %s', (key, from, expected) => {
    expect(dueDate(key, from)).toBe(expected);
  });

  it('keeps every key the case engine already uses', () => {
    const original = [
      'REQUEST_DECISION',
      'EX_OFFICIO_DECISION',
      'REQUEST_REJECTION',
      'CASE_FILE_OPENING',
      'VOLUNTARY_PERIOD',
      'VERIFICATION_START',
      'NOT_ENFORCEABLE_DECISION',
      'REVERIFICATION',
      'REVERIFICATION_LONG_TERM',
      'SEPARATE_REGISTER',
      'VALUER_CONTRACT',
      'AUCTION_CONTRACT',
      'AUCTION_BUYER_PAYMENT',
      'DISBURSEMENT',
      'RESUMPTION',
      'COMPLAINT_ACCEPTANCE_LEVEL_1',
      'COMPLAINT_ACCEPTANCE_LEVEL_2',
      'COMPLAINT_ESCALATION',
    ];
    expect(Object.keys(TIME_LIMITS)).toEqual(expect.arrayContaining(original));
  });

  it('always lands on a working day after the start, for every key and many starts', () => {
    const starts = ['2015-02-10', '2019-12-25', '2023-04-20', '2024-02-01', '2025-08-25', '2026-08-20', '2028-01-20'];
    for (const key of Object.keys(TIME_LIMITS) as TimeLimitKey[]) {
      for (const from of starts) {
        const due = dueDate(key, from);
        expect({ key, from, due, working: isWorkingDay(due) }).toEqual({ key, from, due, working: true });
        expect(due > from).toBe(true);
      }
    }
  });
});

describe('time limits under Law 106/2025', () => {
  it('marks every limit whose new value was not confirmed, so none is carried over silently', () => {
    expect([...LAW_106_2025_UNCONFIRMED_TIME_LIMITS].sort()).toEqual(Object.keys(TIME_LIMITS).sort());
  });
});
