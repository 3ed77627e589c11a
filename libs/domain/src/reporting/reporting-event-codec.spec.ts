import { DomainError } from '../shared/domain-error';
import { reportingEventCodec } from './reporting-event-codec';
import { REPORTING_EVENT_TYPES, type ReportingEvent } from './reporting-events';

const EVENTS: readonly ReportingEvent[] = [
  {
    type: 'OfficeRegistered',
    data: {
      officeId: 'HP',
      effectiveDate: '2017-10-01',
      ruleSet: 'LAW_2008_2014',
      name: 'Hải Phòng',
      parentOfficeId: 'TC',
      tier: 'PROVINCE',
    },
  },
  {
    type: 'OfficeRegistered',
    data: {
      officeId: 'TC',
      effectiveDate: '2017-10-01',
      ruleSet: 'LAW_2008_2014',
      name: 'Tổng cục',
      tier: 'GENERAL_DEPARTMENT',
    },
  },
  {
    type: 'TargetSet',
    data: {
      officeId: 'HP',
      effectiveDate: '2017-10-02',
      ruleSet: 'LAW_2008_2014',
      reportingYear: 2018,
      casesTargetBasisPoints: 7200,
      moneyTargetBasisPoints: 3200,
    },
  },
  {
    type: 'PeriodClosed',
    data: {
      officeId: 'HP',
      effectiveDate: '2018-06-01',
      ruleSet: 'LAW_2008_2014',
      period: '2018-05',
      reportingYear: 2018,
      periodEndsOn: '2018-05-31',
    },
  },
];

describe('reportingEventCodec', () => {
  it('knows every reporting event type', () => {
    expect([...reportingEventCodec.eventTypes].sort()).toEqual([...REPORTING_EVENT_TYPES].sort());
  });

  it.each(EVENTS.map((event) => [event.type, event] as const))(
    'round-trips %s through stored JSON unchanged',
    (_type, event) => {
      const stored = JSON.parse(JSON.stringify(reportingEventCodec.encode(event)));
      expect(reportingEventCodec.decode(stored)).toEqual(event);
    },
  );

  it('refuses an unknown event type: UNKNOWN_EVENT_TYPE', () => {
    expect(() => reportingEventCodec.decode({ type: 'OfficeRenamed', data: {} })).toThrow(DomainError);
  });
});
