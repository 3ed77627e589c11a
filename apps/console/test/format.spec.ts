import {
  formatCount,
  formatDate,
  formatDateTime,
  formatGap,
  formatLegalBasis,
  formatMoney,
  formatPercent,
  formatPeriod,
  periodRange,
  periodsOfYearUpTo,
} from '../src/format';

describe('console formats', () => {
  it('writes Vietnamese numbers, money and rates by default, English on request', () => {
    expect(formatCount('8680', 'vi')).toBe('8.680');
    expect(formatMoney('4950000000000', 'vi')).toBe('4.950.000.000.000 ₫');
    expect(formatMoney('1234567', 'en')).toBe('1,234,567 ₫');
    expect(formatMoney('123456789012345678901234567890', 'vi')).toBe('123.456.789.012.345.678.901.234.567.890 ₫');
    expect(formatPercent('56.87', 'vi')).toBe('56,87%');
    expect(formatPercent('8.93', 'en')).toBe('8.93%');
    expect(formatPercent(null, 'vi')).toBe('—');
    expect(formatGap('-15.13', 'vi')).toBe('−15,13');
    expect(formatGap('3.00', 'en')).toBe('+3.00');
  });

  it('writes dates as dd/mm/yyyy and recorded times in Vietnam', () => {
    expect(formatDate('2018-05-31')).toBe('31/05/2018');
    expect(formatDateTime('2018-05-31T17:30:05.000Z', 'vi')).toBe('01/06/2018 00:30:05');
    expect(formatPeriod('2018-05')).toBe('05/2018');
  });

  it('lists the months of the reporting year up to a period', () => {
    expect(periodsOfYearUpTo('2018-05')).toEqual([
      '2017-10',
      '2017-11',
      '2017-12',
      '2018-01',
      '2018-02',
      '2018-03',
      '2018-04',
      '2018-05',
    ]);
    expect(periodsOfYearUpTo('2017-10')).toEqual(['2017-10']);
    expect(periodsOfYearUpTo('2018-09')).toHaveLength(12);
  });

  it('names the legal texts as Vietnamese readers do, and leaves them in English otherwise', () => {
    expect(formatLegalBasis('Law 2008 Art. 44(2)', 'vi')).toBe('Luật THADS 2008 Điều 44(2)');
    expect(formatLegalBasis('Law 2008 Art. 44a; Decree 62/2015 Art. 9', 'vi')).toBe(
      'Luật THADS 2008 Điều 44a; Nghị định 62/2015 Điều 9',
    );
    expect(formatLegalBasis('Law 2008 Art. 37; TT 04/2023 Art. 36', 'vi')).toBe(
      'Luật THADS 2008 Điều 37; Thông tư 04/2023 Điều 36',
    );
    expect(formatLegalBasis('Law 106/2025 Art. 12', 'vi')).toBe('Luật THADS 106/2025 Điều 12');
    expect(formatLegalBasis('Law 2008 Art. 44(2)', 'en')).toBe('Law 2008 Art. 44(2)');
    expect(formatLegalBasis(null, 'vi')).toBe('');
  });

  it('gives the days a cumulative period covers, from 1 October to the end of its month', () => {
    expect(periodRange('2018-05')).toEqual(['2017-10-01', '2018-05-31']);
    expect(periodRange('2017-10')).toEqual(['2017-10-01', '2017-10-31']);
    expect(periodRange('2020-02')).toEqual(['2019-10-01', '2020-02-29']);
    expect(periodRange('2018-09')).toEqual(['2017-10-01', '2018-09-30']);
  });
});
