import { DomainError } from '../shared/domain-error';
import { complaintEventCodec } from './complaint-event-codec';
import { COMPLAINT_EVENT_TYPES, type ComplaintEvent } from './complaint-events';
import { FULL_PATH, filedGroupB } from './complaint-test-fixtures';

describe('complaintEventCodec', () => {
  it('knows every complaint event type', () => {
    expect([...complaintEventCodec.eventTypes].sort()).toEqual([...COMPLAINT_EVENT_TYPES].sort());
  });

  const deadlineMissed: ComplaintEvent = {
    type: 'ComplaintDeadlineMissed',
    data: {
      complaintId: 'cpl-1',
      caseId: 'case-1',
      effectiveDate: '2024-03-12',
      ruleSet: 'LAW_2008_2014',
      deadline: 'ACCEPTANCE',
      level: 1,
      dueOn: '2024-03-11',
      decidingAuthority: 'HEAD_OF_DISTRICT_OFFICE',
    },
  };

  it.each([...FULL_PATH, filedGroupB, deadlineMissed].map((event) => [event.type, event] as const))(
    'round-trips %s through stored JSON unchanged',
    (_type, event) => {
      const stored = JSON.parse(JSON.stringify(complaintEventCodec.encode(event)));
      expect(complaintEventCodec.decode(stored)).toEqual(event);
    },
  );

  it('writes no bigint and no undefined field', () => {
    for (const event of FULL_PATH) {
      const text = JSON.stringify(complaintEventCodec.encode(event));
      expect(JSON.parse(text)).toEqual(complaintEventCodec.encode(event));
    }
  });

  it('refuses an unknown event type: UNKNOWN_EVENT_TYPE', () => {
    let thrown: unknown;
    try {
      complaintEventCodec.decode({ type: 'ComplaintReviewed', data: {} });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).code).toBe('UNKNOWN_EVENT_TYPE');
  });
});
