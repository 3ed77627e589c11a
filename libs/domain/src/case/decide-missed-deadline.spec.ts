import {
  CASE_DATES,
  CASE_FIXTURE,
  caseDecided,
  caseInEnforcement,
  caseInSeparateRegister,
  caseNotEnforceable,
  caseReceived,
  deciderSpec,
  eventsAfter,
  stateAfter,
} from '@thads/testing';
import type { CaseCommand, CaseDeadline } from './case-commands';
import { caseDecider } from './case-decider';
import type { CaseEvent } from './case-events';

const spec = deciderSpec(caseDecider);
const base = { caseId: CASE_FIXTURE.caseId, officeId: CASE_FIXTURE.officeId, ruleSet: 'LAW_2008_2014' as const };
/** The not-enforceable decision of 19 June 2025 sets the first periodic re-verification 6 months on. */
const REVERIFICATION_DUE = '2025-12-19';

function missed(deadline: CaseDeadline, dueOn: string, effectiveDate: string): CaseCommand {
  return { type: 'RecordMissedDeadline', data: { deadline, dueOn, effectiveDate } };
}
const verificationMissed: CaseEvent = {
  type: 'VerificationDeadlineMissed',
  data: { ...base, effectiveDate: '2025-06-27', dueOn: CASE_DATES.verificationDue },
};
const reverificationMissed: CaseEvent = {
  type: 'ReverificationDeadlineMissed',
  data: { ...base, effectiveDate: '2025-12-20', dueOn: REVERIFICATION_DUE },
};

describe('case: RecordMissedDeadline VERIFICATION (Art. 44(1))', () => {
  it('records a decided case never verified by verificationDueOn', () => {
    spec
      .given(caseDecided())
      .when(missed('VERIFICATION', CASE_DATES.verificationDue, '2025-06-27'))
      .then([verificationMissed]);
  });

  it('records it once: the same miss again gives no events, whatever the detection date', () => {
    const history = [...caseDecided(), verificationMissed];
    spec
      .given(history)
      .when(missed('VERIFICATION', CASE_DATES.verificationDue, '2025-06-27'))
      .then([]);
    spec
      .given(history)
      .when(missed('VERIFICATION', CASE_DATES.verificationDue, '2025-07-30'))
      .then([]);
  });

  it('gives no events when the verification happened', () => {
    spec
      .given(caseInEnforcement())
      .when(missed('VERIFICATION', CASE_DATES.verificationDue, '2025-06-27'))
      .then([]);
  });

  it('gives no events for a date that is not the case’s verification date', () => {
    spec
      .given(caseDecided())
      .when(missed('VERIFICATION', '2025-06-25', '2025-06-27'))
      .then([]);
  });

  it('gives no events while the case is postponed, and records the same date once the case is back in `decided`', () => {
    const postponed = eventsAfter(caseDecided(), [
      {
        type: 'PostponeEnforcement',
        data: { decisionNumber: 'H-1', ground: 'SERIOUS_ILLNESS', effectiveDate: '2025-06-20' },
      },
    ]);
    spec
      .given(postponed)
      .when(missed('VERIFICATION', CASE_DATES.verificationDue, '2025-06-27'))
      .then([]);
    const resumed = eventsAfter(postponed, [
      { type: 'ResumeEnforcement', data: { decisionNumber: 'TT-1', effectiveDate: '2025-07-10' } },
    ]);
    spec
      .given(resumed)
      .when(missed('VERIFICATION', CASE_DATES.verificationDue, '2025-07-11'))
      .thenEvents((events) => {
        expect(events).toEqual([
          {
            type: 'VerificationDeadlineMissed',
            data: { ...base, effectiveDate: '2025-07-11', dueOn: CASE_DATES.verificationDue },
          },
        ]);
      });
  });

  it('gives no events on a closed case (no CASE_CLOSED: nothing is left to record)', () => {
    const terminated = eventsAfter(caseDecided(), [
      {
        type: 'TerminateEnforcement',
        data: { decisionNumber: 'ĐC-1', ground: 'SETTLEMENT_OR_WAIVER', effectiveDate: '2025-06-20' },
      },
    ]);
    spec
      .given(terminated)
      .when(missed('VERIFICATION', CASE_DATES.verificationDue, '2025-06-27'))
      .then([]);
  });

  it('never blocks the late act: a verification dated before the detection is still accepted', () => {
    const history = eventsAfter(
      [...caseDecided(), verificationMissed],
      [
        {
          type: 'RecordVerification',
          data: { result: 'ENFORCEABLE', findings: 'Late, but done', effectiveDate: '2025-06-27' },
        },
      ],
    );
    expect(stateAfter(caseDecider, history)).toMatchObject({
      status: 'enforceable',
      facts: { lastEffectiveDate: '2025-06-27' },
    });
  });

  it('leaves the latest act date alone and remembers the miss', () => {
    expect(stateAfter(caseDecider, [...caseDecided(), verificationMissed])).toMatchObject({
      status: 'decided',
      facts: { lastEffectiveDate: CASE_DATES.decided, missedDeadlines: ['VERIFICATION:2025-06-26'] },
    });
  });
});

describe('case: RecordMissedDeadline REVERIFICATION (Art. 44(2))', () => {
  it('records a not-enforceable case not re-verified by reverificationDueOn', () => {
    spec
      .given(caseNotEnforceable())
      .when(missed('REVERIFICATION', REVERIFICATION_DUE, '2025-12-20'))
      .then([reverificationMissed]);
  });

  it('records it once', () => {
    spec
      .given([...caseNotEnforceable(), reverificationMissed])
      .when(missed('REVERIFICATION', REVERIFICATION_DUE, '2025-12-22'))
      .then([]);
  });

  it('gives no events once re-verified: the next date is another deadline', () => {
    const reverified = eventsAfter(caseNotEnforceable(), [
      {
        type: 'RecordPeriodicReverification',
        data: { result: 'STILL_NOT_ENFORCEABLE', findings: 'Nothing', effectiveDate: '2025-12-18' },
      },
    ]);
    spec
      .given(reverified)
      .when(missed('REVERIFICATION', REVERIFICATION_DUE, '2025-12-20'))
      .then([]);
    spec
      .given(reverified)
      .when(missed('REVERIFICATION', '2026-06-18', '2026-06-19'))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('gives no events in the separate register, which has no periodic clock', () => {
    spec
      .given(caseInSeparateRegister())
      .when(missed('REVERIFICATION', '2026-12-17', '2026-12-20'))
      .then([]);
  });

  it('is not a VERIFICATION miss, nor the other way round', () => {
    spec
      .given(caseNotEnforceable())
      .when(missed('VERIFICATION', CASE_DATES.verificationDue, '2025-12-20'))
      .then([]);
    spec
      .given(caseDecided())
      .when(missed('REVERIFICATION', REVERIFICATION_DUE, '2025-12-20'))
      .then([]);
  });
});

describe('case: RecordMissedDeadline refusals', () => {
  it('refuses a detection on the due date itself: DEADLINE_NOT_PASSED', () => {
    spec
      .given(caseDecided())
      .when(missed('VERIFICATION', CASE_DATES.verificationDue, CASE_DATES.verificationDue))
      .thenThrows('DEADLINE_NOT_PASSED', {
        dueOn: '2025-06-26',
        effectiveDate: '2025-06-26',
      });
  });

  it('refuses an unknown deadline: INVALID_DEADLINE, and a malformed date: INVALID_DATE', () => {
    spec
      .given(caseDecided())
      .when(missed('DECISION' as CaseDeadline, '2025-06-09', '2025-06-27'))
      .thenThrows('INVALID_DEADLINE', { field: 'deadline' });
    spec
      .given(caseDecided())
      .when(missed('VERIFICATION', '2025-06-31', '2025-07-01'))
      .thenThrows('INVALID_DATE', { field: 'dueOn' });
  });

  it('needs a case: CASE_NOT_FOUND', () => {
    spec
      .given([])
      .when(missed('VERIFICATION', '2025-06-26', '2025-06-27'))
      .thenThrows('CASE_NOT_FOUND');
  });

  it('gives no events before the decision: no verification date exists yet', () => {
    spec
      .given(caseReceived())
      .when(missed('VERIFICATION', '2025-06-26', '2025-06-27'))
      .then([]);
  });
});
