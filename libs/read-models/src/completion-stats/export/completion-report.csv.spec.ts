import type { CompletionReport } from '../completion-report.types';
import { toCsv, UTF8_BOM } from './completion-report.csv';
import { report } from './export.test-fixtures';

describe('toCsv', () => {
  const text = toCsv(report);
  const lines = text.slice(UTF8_BOM.length).split('\r\n');
  const header = lines[0].split(',');
  const cellsOf = (line: string) =>
    Object.fromEntries(
      header.map((column, index) => [column, line.match(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)?.[index]?.replace(/,$/, '')]),
    );

  it('starts with the UTF-8 byte-order mark, so Excel reads the Vietnamese names as written', () => {
    expect(text.startsWith('\uFEFFperiod,')).toBe(true);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('writes a header and, per row, the figures by cases and by money, then the adjustments; CRLF line ends', () => {
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 2 * 4 + 1);
    expect(header.slice(0, 12)).toEqual([
      'period',
      'reporting_year',
      'regime',
      'position',
      'as_of',
      'office_id',
      'office_name',
      'tier',
      'scope',
      'closed',
      'kind',
      'measure',
    ]);
    expect(
      lines
        .slice(1, -1)
        .map((line) => cellsOf(line))
        .map((cells) => [cells.scope, cells.kind, cells.measure]),
    ).toEqual([
      ['OFFICE', 'FIGURES', 'CASES'],
      ['OFFICE', 'FIGURES', 'MONEY'],
      ['OFFICE', 'ADJUSTMENT', 'CASES'],
      ['OFFICE', 'ADJUSTMENT', 'MONEY'],
      ['ROLL_UP', 'FIGURES', 'CASES'],
      ['ROLL_UP', 'FIGURES', 'MONEY'],
      ['ROLL_UP', 'ADJUSTMENT', 'CASES'],
      ['ROLL_UP', 'ADJUSTMENT', 'MONEY'],
    ]);
  });

  it('writes exact integers, rates and gaps with 2 decimals, and empty cells for null', () => {
    const cases = cellsOf(lines[5]);
    expect(cases).toMatchObject({
      period: '2018-05',
      position: '42',
      as_of: '',
      regime: 'TT_08_2015',
      closed: 'true',
      to_enforce: '8680',
      enforceable: '8680',
      completed: '4936',
      completion_rate: '56.87',
      target: '72.00',
      gap: '-15.13',
      postponed_or_suspended: '',
    });
    const money = cellsOf(lines[6]);
    expect(money).toMatchObject({
      to_enforce: '4950000000000',
      completed: '442000000000',
      completion_rate: '8.93',
      target: '32.00',
      gap: '-23.07',
    });
    const adjustment = cellsOf(lines[7]);
    expect(adjustment).toMatchObject({
      kind: 'ADJUSTMENT',
      fully_enforced: '1',
      in_progress: '-1',
      completion_rate: '',
      adjustment_applies_to: '2018-04',
    });
  });

  it('quotes a field with a comma or a quote, doubling the quote', () => {
    expect(lines[1]).toContain('"Cục THADS TP Hải Phòng, ""Cục"""');
  });
});

describe('toCsv with lang=vi', () => {
  const lines = toCsv(report, { lang: 'vi' }).slice(UTF8_BOM.length).split('\r\n');

  it('writes the Vietnamese headings of the forms and translates the coded values', () => {
    const header = lines[0].split(',');
    expect(header.slice(0, 3)).toEqual(['Kỳ báo cáo', 'Năm báo cáo', 'Chế độ báo cáo']);
    expect(header).toEqual(
      expect.arrayContaining([
        'Tên đơn vị',
        'Tổng số phải thi hành',
        'Có điều kiện thi hành',
        'Chưa có điều kiện thi hành',
        'Thi hành xong',
        'Đình chỉ thi hành',
        'Ủy thác đi',
        'Tỷ lệ giải quyết xong (%)',
        'So với chỉ tiêu (%)',
      ]),
    );
    expect(lines[0]).toContain(',"Hoãn, tạm đình chỉ",');
    expect(lines[5]).toContain(',Tổng hợp,Có,Số liệu,Việc,');
    expect(lines[6]).toContain(',Tổng hợp,Có,Số liệu,Tiền (đồng),');
    expect(lines[5]).toContain(',56.87,');
  });
});

describe('toCsv neutralises formulas (OWASP CSV injection)', () => {
  const hostile: CompletionReport = {
    ...report,
    office: { ...report.rollUp, officeId: '@HP', name: '=HYPERLINK("http://evil.example","Hải Phòng")' },
    children: [{ ...report.rollUp, officeId: '+HP-1', name: '-2+3' }],
  };
  const text = toCsv(hostile);

  it('prefixes text cells starting with = + - @ with a quote, keeping negative figures as numbers', () => {
    expect(text).toContain(`,'@HP,"'=HYPERLINK(""http://evil.example"",""Hải Phòng"")",`);
    expect(text).toContain(`,'+HP-1,'-2+3,`);
    expect(text).toContain(',-15.13,');
    expect(text).not.toMatch(/,[=+@]/);
  });
});
