// Specs may use the shared test helpers; the lint rule keeps @thads/* out of the domain's runtime code.
import { deciderSpec, stateAfter } from '@thads/testing';
import type { ComplaintCommand, ComplaintDeadline } from './complaint-commands';
import { complaintDecider } from './complaint-decider';
import type { ComplaintEvent } from './complaint-events';
import {
  CASE_ID,
  COMPLAINT_ID,
  accept,
  acceptedAtLevel1,
  acceptedAtLevel2,
  decidedAtLevel1,
  decidedAtLevel2,
  escalated,
  filed,
  withdraw,
} from './complaint-test-fixtures';

const spec = deciderSpec(complaintDecider);
const base = (effectiveDate: string) => ({
  complaintId: COMPLAINT_ID,
  caseId: CASE_ID,
  effectiveDate,
  ruleSet: 'LAW_2008_2014' as const,
});

function missed(deadline: ComplaintDeadline, dueOn: string, effectiveDate: string): ComplaintCommand {
  return { type: 'RecordMissedDeadline', data: { deadline, dueOn, effectiveDate } };
}

/** Filed Mon 4 Mar 2024: acceptance due Mon 11 Mar (5 working days). */
const acceptanceMissed: ComplaintEvent = {
  type: 'ComplaintDeadlineMissed',
  data: {
    ...base('2024-03-12'),
    deadline: 'ACCEPTANCE',
    level: 1,
    dueOn: '2024-03-11',
    decidingAuthority: 'HEAD_OF_DISTRICT_OFFICE',
  },
};

describe('complaint: RecordMissedDeadline ACCEPTANCE (Art. 148)', () => {
  it('records a first complaint not accepted by acceptanceDueOn, naming the level and who had to act', () => {
    spec
      .given([filed])
      .when(missed('ACCEPTANCE', '2024-03-11', '2024-03-12'))
      .then([acceptanceMissed]);
  });

  it('records it once, whatever the detection date', () => {
    spec
      .given([filed, acceptanceMissed])
      .when(missed('ACCEPTANCE', '2024-03-11', '2024-03-12'))
      .then([]);
    spec
      .given([filed, acceptanceMissed])
      .when(missed('ACCEPTANCE', '2024-03-11', '2024-03-20'))
      .then([]);
  });

  it('gives no events once accepted, or for a date that is not the acceptance date', () => {
    spec
      .given([filed, acceptedAtLevel1])
      .when(missed('ACCEPTANCE', '2024-03-11', '2024-03-12'))
      .then([]);
    spec
      .given([filed])
      .when(missed('ACCEPTANCE', '2024-03-08', '2024-03-12'))
      .then([]);
  });

  it('records the second level’s acceptance date apart from the first', () => {
    const history = [filed, acceptanceMissed, acceptedAtLevel1, decidedAtLevel1, escalated];
    spec
      .given(history)
      .when(missed('ACCEPTANCE', '2024-04-08', '2024-04-09'))
      .then([
        {
          type: 'ComplaintDeadlineMissed',
          data: {
            ...base('2024-04-09'),
            deadline: 'ACCEPTANCE',
            level: 2,
            dueOn: '2024-04-08',
            decidingAuthority: 'HEAD_OF_PROVINCIAL_OFFICE',
          },
        },
      ]);
  });

  it('never blocks the late act: an acceptance dated before the detection is still accepted, and recorded late', () => {
    spec
      .given([filed, acceptanceMissed])
      .when(accept('2024-03-12'))
      .thenEvents((events) => {
        expect(events).toEqual([
          {
            type: 'ComplaintAccepted',
            data: expect.objectContaining({ effectiveDate: '2024-03-12', acceptedLate: true }),
          },
        ]);
      });
    expect(stateAfter(complaintDecider, [filed, acceptanceMissed])).toMatchObject({
      status: 'filed',
      lastActOn: '2024-03-04',
      missedDeadlines: ['ACCEPTANCE:L1:2024-03-11'],
    });
  });
});

describe('complaint: RecordMissedDeadline RESOLUTION (Art. 146)', () => {
  const resolutionMissed: ComplaintEvent = {
    type: 'ComplaintDeadlineMissed',
    data: {
      ...base('2024-03-26'),
      deadline: 'RESOLUTION',
      level: 1,
      dueOn: '2024-03-25',
      decidingAuthority: 'HEAD_OF_DISTRICT_OFFICE',
    },
  };

  it('records an accepted complaint not decided by resolutionDueOn, once', () => {
    spec
      .given([filed, acceptedAtLevel1])
      .when(missed('RESOLUTION', '2024-03-25', '2024-03-26'))
      .then([resolutionMissed]);
    spec
      .given([filed, acceptedAtLevel1, resolutionMissed])
      .when(missed('RESOLUTION', '2024-03-25', '2024-03-27'))
      .then([]);
  });

  it('gives no events once decided, nor on a final decision (no COMPLAINT_DECISION_FINAL)', () => {
    spec
      .given([filed, acceptedAtLevel1, decidedAtLevel1])
      .when(missed('RESOLUTION', '2024-03-25', '2024-03-26'))
      .then([]);
    spec
      .given([filed, acceptedAtLevel1, decidedAtLevel1, escalated, acceptedAtLevel2, decidedAtLevel2])
      .when(missed('RESOLUTION', '2024-05-02', '2024-05-03'))
      .then([]);
  });

  it('gives no events on a withdrawn complaint (no COMPLAINT_CLOSED: nothing is left to record)', () => {
    const withdrawn: ComplaintEvent = { type: 'ComplaintWithdrawn', data: { ...base('2024-03-20'), level: 1 } };
    spec
      .given([filed, acceptedAtLevel1, withdrawn])
      .when(missed('RESOLUTION', '2024-03-25', '2024-03-26'))
      .then([]);
    expect(
      complaintDecider.decide(withdraw('2024-03-20'), stateAfter(complaintDecider, [filed, acceptedAtLevel1])),
    ).toEqual([withdrawn]);
  });
});

describe('complaint: RecordMissedDeadline refusals', () => {
  it('refuses a detection on the due date: DEADLINE_NOT_PASSED; an unknown deadline: INVALID_VALUE; a bad date: INVALID_DATE', () => {
    spec
      .given([filed])
      .when(missed('ACCEPTANCE', '2024-03-11', '2024-03-11'))
      .thenThrows('DEADLINE_NOT_PASSED', { dueOn: '2024-03-11' });
    spec
      .given([filed])
      .when(missed('ESCALATION' as ComplaintDeadline, '2024-03-11', '2024-03-12'))
      .thenThrows('INVALID_VALUE', { field: 'deadline' });
    spec
      .given([filed])
      .when(missed('ACCEPTANCE', '11/03/2024', '2024-03-12'))
      .thenThrows('INVALID_DATE', { field: 'dueOn' });
  });

  it('needs a complaint: COMPLAINT_NOT_FOUND', () => {
    spec
      .given([])
      .when(missed('ACCEPTANCE', '2024-03-11', '2024-03-12'))
      .thenThrows('COMPLAINT_NOT_FOUND');
  });
});
