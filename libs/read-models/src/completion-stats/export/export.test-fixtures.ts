/** A Hải Phòng-like report (8 months of 2018, closed, with adjustments) for the export specs. */
import { reportRow, type OfficePeriod, type ReportOffice, type RowContext } from '../completion-report.rows';
import type { CompletionReport } from '../completion-report.types';
import { EMPTY_TALLY, statisticsRegimeFor, type StatisticsTally } from '../statistics';

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
export const report: CompletionReport = {
  officeId: 'HP',
  period: '2018-05',
  reportingYear: 2018,
  yearStartsOn: '2017-10-01',
  periodEndsOn: '2018-05-31',
  regime: context.regime,
  asOf: null,
  structure: { on: '2018-05-31', successions: [] },
  position: 42n,
  closed: true,
  office: reportRow(context, HP, 'OFFICE', ['HP']),
  children: [],
  rollUp: row,
};
