// Specs may use the shared test helpers; the lint rule keeps @thads/* out of the domain's runtime code.
import { deciderSpec, stateAfter } from '@thads/testing';
import type { ClosePeriod, RegisterOffice, SetTarget } from './reporting-commands';
import { ratePercentToBasisPoints, reportingDecider } from './reporting-decider';
import type { ReportingEvent } from './reporting-events';

const spec = deciderSpec(reportingDecider);
const OFFICE = 'HP';

function register(overrides: Partial<RegisterOffice['data']> = {}): RegisterOffice {
  return {
    type: 'RegisterOffice',
    data: {
      officeId: OFFICE,
      name: 'Cục THADS TP Hải Phòng',
      parentOfficeId: 'TCTHADS',
      tier: 'PROVINCE',
      effectiveDate: '2017-10-01',
      ...overrides,
    },
  };
}
function setTarget(overrides: Partial<SetTarget['data']> = {}): SetTarget {
  return {
    type: 'SetTarget',
    data: {
      officeId: OFFICE,
      reportingYear: 2018,
      casesRatePercent: '72',
      moneyRatePercent: '32',
      effectiveDate: '2017-10-02',
      ...overrides,
    },
  };
}
function close(period: string, effectiveDate: string, officeId = OFFICE): ClosePeriod {
  return { type: 'ClosePeriod', data: { officeId, period, effectiveDate } };
}

const registered: ReportingEvent = {
  type: 'OfficeRegistered',
  data: {
    officeId: OFFICE,
    effectiveDate: '2017-10-01',
    ruleSet: 'LAW_2008_2014',
    name: 'Cục THADS TP Hải Phòng',
    parentOfficeId: 'TCTHADS',
    tier: 'PROVINCE',
  },
};
function closed(period: string, effectiveDate: string, reportingYear: number, periodEndsOn: string): ReportingEvent {
  return {
    type: 'PeriodClosed',
    data: { officeId: OFFICE, effectiveDate, ruleSet: 'LAW_2008_2014', period, reportingYear, periodEndsOn },
  };
}
const aprilClosed = closed('2018-04', '2018-05-02', 2018, '2018-04-30');

describe('reporting: no office yet', () => {
  it('registers an office with its parent and tier', () => {
    spec.given([]).when(register()).then([registered]);
  });

  it('registers a root office without a parent', () => {
    spec
      .given([])
      .when(
        register({
          officeId: 'TCTHADS',
          parentOfficeId: undefined,
          tier: 'GENERAL_DEPARTMENT',
          name: 'Tổng cục THADS',
        }),
      )
      .thenEvents(([event]) => {
        expect(event.data).not.toHaveProperty('parentOfficeId');
      });
  });

  it('puts the office in status registered, nothing closed', () => {
    expect(stateAfter(reportingDecider, [registered])).toEqual({
      status: 'registered',
      officeId: OFFICE,
      name: 'Cục THADS TP Hải Phòng',
      parentOfficeId: 'TCTHADS',
      tier: 'PROVINCE',
      registeredOn: '2017-10-01',
    });
  });

  it.each([
    ['SetTarget', setTarget()],
    ['ClosePeriod', close('2018-05', '2018-06-01')],
  ] as const)('refuses %s: OFFICE_NOT_REGISTERED', (_type, command) => {
    spec.given([]).when(command).thenThrows('OFFICE_NOT_REGISTERED', { officeId: OFFICE });
  });

  it.each<[string, Partial<RegisterOffice['data']>, string, Record<string, unknown>]>([
    ['a blank name', { name: ' ' }, 'MISSING_FIELD', { field: 'name' }],
    ['a blank officeId', { officeId: '' }, 'MISSING_FIELD', { field: 'officeId' }],
    ['an unknown tier', { tier: 'COMMUNE' as never }, 'INVALID_VALUE', { field: 'tier' }],
    ['itself as parent', { parentOfficeId: OFFICE }, 'PARENT_IS_SELF', { field: 'parentOfficeId' }],
    ['a malformed date', { effectiveDate: '2017-02-30' }, 'INVALID_DATE', { field: 'effectiveDate' }],
  ])('refuses a registration with %s: %s', (_what, overrides, code, details) => {
    spec.given([]).when(register(overrides)).thenThrows(code, details);
  });
});

describe('reporting: office registered', () => {
  it('refuses a second registration: OFFICE_ALREADY_REGISTERED', () => {
    spec.given([registered]).when(register()).thenThrows('OFFICE_ALREADY_REGISTERED');
  });

  it('refuses a command naming another office: OFFICE_ID_MISMATCH', () => {
    spec
      .given([registered])
      .when(close('2018-05', '2018-06-01', 'HN'))
      .thenThrows('OFFICE_ID_MISMATCH', { streamOfficeId: OFFICE });
  });

  it('sets targets as integer basis points (72% → 7200, 32.5% → 3250)', () => {
    spec
      .given([registered])
      .when(setTarget({ moneyRatePercent: '32.5' }))
      .then([
        {
          type: 'TargetSet',
          data: {
            officeId: OFFICE,
            effectiveDate: '2017-10-02',
            ruleSet: 'LAW_2008_2014',
            reportingYear: 2018,
            casesTargetBasisPoints: 7200,
            moneyTargetBasisPoints: 3250,
          },
        },
      ]);
  });

  it.each<[string, Partial<SetTarget['data']>, string]>([
    ['more than 2 decimals', { casesRatePercent: '72.125' }, 'INVALID_TARGET_RATE'],
    ['over 100%', { moneyRatePercent: '100.01' }, 'INVALID_TARGET_RATE'],
    ['a negative rate', { casesRatePercent: '-1' }, 'INVALID_TARGET_RATE'],
    ['a number, not a string', { casesRatePercent: 72 as never }, 'INVALID_TARGET_RATE'],
    ['an exponent', { casesRatePercent: '7e1' }, 'INVALID_TARGET_RATE'],
    ['a fractional year', { reportingYear: 2018.5 }, 'INVALID_REPORTING_YEAR'],
    ['a year out of range', { reportingYear: 1999 }, 'INVALID_REPORTING_YEAR'],
  ])('refuses a target with %s: %s', (_what, overrides, code) => {
    spec.given([registered]).when(setTarget(overrides)).thenThrows(code);
  });

  it('closes the first period the day after its month ends', () => {
    spec.given([registered]).when(close('2018-04', '2018-05-02')).then([aprilClosed]);
  });

  it('puts the period in closedThrough', () => {
    expect(stateAfter(reportingDecider, [registered, aprilClosed])).toMatchObject({ closedThrough: '2018-04' });
  });

  it.each([
    ['on the last day of the month', '2018-05-31'],
    ['inside the month', '2018-05-15'],
  ])('refuses a close dated %s: PERIOD_NOT_ENDED', (_when, effectiveDate) => {
    spec
      .given([registered])
      .when(close('2018-05', effectiveDate))
      .thenThrows('PERIOD_NOT_ENDED', { periodEndsOn: '2018-05-31' });
  });

  it('knows February 2020 has 29 days', () => {
    spec
      .given([registered])
      .when(close('2020-02', '2020-02-29'))
      .thenThrows('PERIOD_NOT_ENDED', { periodEndsOn: '2020-02-29' });
  });

  it.each(['2018-13', '2018-5', '18-05', 201805])('refuses period %p: INVALID_PERIOD', (period) => {
    spec
      .given([registered])
      .when(close(period as string, '2018-06-01'))
      .thenThrows('INVALID_PERIOD');
  });
});

describe('reporting: periods closed through April 2018', () => {
  it('closes May next, the 8-month report of reporting year 2018', () => {
    spec
      .given([registered, aprilClosed])
      .when(close('2018-05', '2018-06-04'))
      .then([closed('2018-05', '2018-06-04', 2018, '2018-05-31')]);
  });

  it.each(['2018-04', '2018-03'])('refuses to close %s again: PERIOD_ALREADY_CLOSED', (period) => {
    spec
      .given([registered, aprilClosed])
      .when(close(period, '2018-06-04'))
      .thenThrows('PERIOD_ALREADY_CLOSED', { closedThrough: '2018-04' });
  });

  it('refuses to skip May: PERIOD_CLOSED_OUT_OF_ORDER', () => {
    spec
      .given([registered, aprilClosed])
      .when(close('2018-06', '2018-07-02'))
      .thenThrows('PERIOD_CLOSED_OUT_OF_ORDER', { expectedPeriod: '2018-05' });
  });

  it('closes across the year boundary: September 2018 then October 2018 (reporting year 2019)', () => {
    const september = closed('2018-09', '2018-10-03', 2018, '2018-09-30');
    spec
      .given([registered, september])
      .when(close('2018-10', '2018-11-02'))
      .then([closed('2018-10', '2018-11-02', 2019, '2018-10-31')]);
  });

  it('still takes a target for the open year', () => {
    spec
      .given([registered, aprilClosed])
      .when(setTarget({ casesRatePercent: '73' }))
      .thenEvents(([event]) => {
        expect(event).toMatchObject({ type: 'TargetSet', data: { casesTargetBasisPoints: 7300 } });
      });
  });

  it('refuses a target for a year whose annual period is closed: REPORTING_YEAR_CLOSED', () => {
    const september = closed('2018-09', '2018-10-03', 2018, '2018-09-30');
    spec.given([registered, september]).when(setTarget()).thenThrows('REPORTING_YEAR_CLOSED', { reportingYear: 2018 });
    spec
      .given([registered, september])
      .when(setTarget({ reportingYear: 2019 }))
      .thenEvents(([event]) => expect(event.type).toBe('TargetSet'));
  });
});

describe('ratePercentToBasisPoints', () => {
  it.each([
    ['72', 7200],
    ['72.5', 7250],
    ['72.50', 7250],
    ['0', 0],
    ['0.01', 1],
    ['100', 10_000],
    ['100.00', 10_000],
  ])('%s%% is %i basis points', (text, basisPoints) => {
    expect(ratePercentToBasisPoints(text, 'rate')).toBe(basisPoints);
  });
});
