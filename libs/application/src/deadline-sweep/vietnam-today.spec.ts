import { vietnamToday } from './vietnam-today';

describe('vietnamToday', () => {
  it('is the date in Asia/Ho_Chi_Minh (UTC+7), across midnight there and back, however it was asked before', () => {
    expect(vietnamToday(new Date('2018-03-01T16:59:59.999Z'))).toBe('2018-03-01');
    expect(vietnamToday(new Date('2018-03-01T16:59:00.000Z'))).toBe('2018-03-01');
    expect(vietnamToday(new Date('2018-03-01T17:00:00.000Z'))).toBe('2018-03-02');
    expect(vietnamToday(new Date('2018-03-01T17:00:59.999Z'))).toBe('2018-03-02');
    expect(vietnamToday(new Date('2018-03-01T16:59:30.000Z'))).toBe('2018-03-01');
    expect(vietnamToday(new Date('2019-12-31T17:00:00.000Z'))).toBe('2020-01-01');
  });

  it('refuses an invalid date as the formatter does', () => {
    expect(() => vietnamToday(new Date(Number.NaN))).toThrow(RangeError);
  });
});
