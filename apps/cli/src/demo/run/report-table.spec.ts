import {
  completionFigures,
  EMPTY_TALLY,
  statisticsRegimeFor,
  type CompletionReport,
  type CompletionReportRow,
  type StatisticsTally,
} from '@thads/read-models';
import { reportTable, rollUpSentence, withThousands } from './report-table';

const regime = statisticsRegimeFor(2018);

function row(
  name: string,
  scope: CompletionReportRow['scope'],
  cases: Partial<StatisticsTally>,
  money: Partial<StatisticsTally>,
  gap: { cases: string; money: string },
): CompletionReportRow {
  return {
    officeId: name,
    name,
    tier: 'DISTRICT',
    scope,
    closed: false,
    cases: completionFigures({ ...EMPTY_TALLY, ...cases }, regime),
    money: completionFigures({ ...EMPTY_TALLY, ...money }, regime),
    target: { cases: '72.00', money: '32.00', inheritedFrom: null },
    gap,
    adjustments: null,
  };
}

// The Hải Phòng city line: 4,936 of 8,680 cases and 442 of 4,950 billion VND.
const city = row(
  'Cục THADS TP Hải Phòng',
  'ROLL_UP',
  { newlyReceived: 8680n, fullyEnforced: 4756n, terminated: 180n, inProgress: 3744n },
  { newlyReceived: 4_950_000_000_000n, fullyEnforced: 442_000_000_000n, inProgress: 4_508_000_000_000n },
  { cases: '-15.13', money: '-23.07' },
);
const report: CompletionReport = {
  officeId: 'HP',
  period: '2018-05',
  reportingYear: 2018,
  yearStartsOn: '2017-10-01',
  periodEndsOn: '2018-05-31',
  regime,
  asOf: null,
  structure: { on: '2018-05-31', successions: [] },
  position: 87339n,
  closed: false,
  office: row(
    'Cục THADS TP Hải Phòng',
    'OFFICE',
    { newlyReceived: 10n, fullyEnforced: 4n },
    { newlyReceived: 10n, fullyEnforced: 4n },
    { cases: '-32.00', money: '8.00' },
  ),
  children: [
    row(
      'Chi cục THADS huyện Thủy Nguyên',
      'ROLL_UP',
      { newlyReceived: 8670n, fullyEnforced: 4932n },
      { newlyReceived: 9n, fullyEnforced: 1n },
      { cases: '-15.11', money: '-20.89' },
    ),
  ],
  rollUp: city,
};

describe('report table', () => {
  it('writes thousands separators', () => {
    expect(withThousands(4936n)).toBe('4,936');
    expect(withThousands(442_000_000_000n)).toBe('442,000,000,000');
    expect(withThousands(999n)).toBe('999');
    expect(withThousands(-1234n)).toBe('-1,234');
  });

  it('states the roll-up in one sentence: completed, enforceable, rate, target and gap for cases and money', () => {
    expect(rollUpSentence(city)).toBe(
      'Cục THADS TP Hải Phòng, all offices: 4,936 of 8,680 enforceable cases completed = 56.87% (target 72.00%, gap -15.13); ' +
        '442,000,000,000 of 4,950,000,000,000 enforceable VND completed = 8.93% (target 32.00%, gap -23.07)',
    );
  });

  it('aligns the columns whatever the Vietnamese names, the own cases first and the total last', () => {
    const lines = reportTable(report).split('\n');
    const body = lines.filter((line) => /^(Cục|Chi cục|Total)/.test(line) && !line.includes('all offices'));
    expect(body.map((line) => line.split('  ')[0])).toEqual([
      'Cục THADS TP Hải Phòng (own cases)',
      'Chi cục THADS huyện Thủy Nguyên',
      'Total: Cục THADS TP Hải Phòng',
    ]);
    expect(new Set(body.map((line) => [...line].length)).size).toBe(1);
    expect(body[2]).toMatch(/ 8,680 +4,936 +56\.87 +-15\.13 +4,950,000,000,000 +442,000,000,000 +8\.93 +-23\.07$/);
    expect(lines[0]).toBe(
      'Completion report 2018-05: 2017-10-01 – 2018-05-31; TT 08/2015/TT-BTP (consolidated 2319/VBHN-BTP); two-way split; log position 87339',
    );
  });
});
