import { toCsv } from './completion-report.csv';
import { reportRow, type OfficePeriod, type ReportOffice, type RowContext } from './completion-report.rows';
import type { CompletionReport } from './completion-report.types';
import { EMPTY_TALLY, statisticsRegimeFor, type StatisticsTally } from './statistics';

const tally = (fields: Partial<StatisticsTally>): StatisticsTally => ({ ...EMPTY_TALLY, ...fields });
const HP: ReportOffice = {
  officeId: 'HP',
  name: 'Cục THADS TP Hải Phòng, "Cục"',
  tier: 'PROVINCE',
  parentOfficeId: null,
  childIds: [],
};
const figures: OfficePeriod = {
  tallies: {
    cases: tally({
      carriedOver: 5_000n,
      newlyReceived: 3_680n,
      inProgress: 3_744n,
      fullyEnforced: 4_500n,
      terminated: 436n,
    }),
    money: tally({ carriedOver: 4_950_000_000_000n, inProgress: 4_508_000_000_000n, fullyEnforced: 442_000_000_000n }),
  },
  adjustments: {
    cases: tally({ inProgress: -1n, fullyEnforced: 1n }),
    money: tally({ inProgress: -5n, fullyEnforced: 5n }),
  },
  closedAt: 42n,
  target: { casesBasisPoints: 7200, moneyBasisPoints: 3200 },
};
const context: RowContext = {
  period: '2018-05',
  regime: statisticsRegimeFor(2018),
  offices: new Map([['HP', HP]]),
  figures: new Map([['HP', figures]]),
};
const row = reportRow(context, HP, 'ROLL_UP', ['HP']);
const report: CompletionReport = {
  officeId: 'HP',
  period: '2018-05',
  reportingYear: 2018,
  yearStartsOn: '2017-10-01',
  periodEndsOn: '2018-05-31',
  regime: context.regime,
  asOf: null,
  position: 42n,
  closed: true,
  office: reportRow(context, HP, 'OFFICE', ['HP']),
  children: [],
  rollUp: row,
};

describe('toCsv', () => {
  const lines = toCsv(report).split('\r\n');
  const header = lines[0].split(',');
  const cellsOf = (line: string) =>
    Object.fromEntries(
      header.map((column, index) => [column, line.match(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)?.[index]?.replace(/,$/, '')]),
    );

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
