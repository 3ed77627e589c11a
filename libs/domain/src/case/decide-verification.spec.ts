import {
  CASE_DATES,
  CASE_FIXTURE,
  caseDecided,
  caseInEnforcement,
  caseInSeparateRegister,
  caseNotEnforceable,
  caseReceived,
  caseReverifiedTwice,
  deciderSpec,
  eventsAfter,
  stateAfter,
} from '@thads/testing';
import type {
  CaseCommand,
  DecideNotEnforceable,
  MoveToSeparateTrackingRegister,
  NotEnforceableGround,
  RecordPeriodicReverification,
  RecordVerification,
} from './case-commands';
import { caseDecider } from './case-decider';

const spec = deciderSpec(caseDecider);
const base = { caseId: CASE_FIXTURE.caseId, officeId: CASE_FIXTURE.officeId, ruleSet: 'LAW_2008_2014' as const };

function verify(
  result: RecordVerification['data']['result'],
  ground?: NotEnforceableGround,
  effectiveDate = CASE_DATES.verified,
): RecordVerification {
  return {
    type: 'RecordVerification',
    data: { result, ground, findings: 'Checked land registry and banks', effectiveDate },
  };
}
function decideNotEnforceable(ground: NotEnforceableGround, debtorImprisonedLongTerm?: boolean): DecideNotEnforceable {
  return {
    type: 'DecideNotEnforceable',
    data: { decisionNumber: '9/QĐ-CĐK', ground, debtorImprisonedLongTerm, effectiveDate: '2025-06-19' },
  };
}
function reverify(
  result: RecordPeriodicReverification['data']['result'],
  effectiveDate: string,
): RecordPeriodicReverification {
  return { type: 'RecordPeriodicReverification', data: { result, findings: 'Checked again', effectiveDate } };
}
function moveToRegister(effectiveDate: string): MoveToSeparateTrackingRegister {
  return { type: 'MoveToSeparateTrackingRegister', data: { effectiveDate } };
}

const twiceReverified = caseReverifiedTwice;

describe('case: RecordVerification', () => {
  it('classifies a decided case enforceable', () => {
    spec
      .given(caseDecided())
      .when(verify('ENFORCEABLE'))
      .then([
        {
          type: 'EnforcementConditionsVerified',
          data: {
            ...base,
            effectiveDate: '2025-06-17',
            result: 'ENFORCEABLE',
            findings: 'Checked land registry and banks',
          },
        },
      ]);
    expect(stateAfter(caseDecider, caseInEnforcement()).status).toBe('enforceable');
  });

  it('starts the 5-working-day clock for a not-enforceable decision (Art. 44a)', () => {
    spec
      .given(caseDecided())
      .when(verify('NOT_ENFORCEABLE', 'NO_INCOME_OR_ASSETS'))
      .then([
        {
          type: 'EnforcementConditionsVerified',
          data: {
            ...base,
            effectiveDate: '2025-06-17',
            result: 'NOT_ENFORCEABLE',
            ground: 'NO_INCOME_OR_ASSETS',
            findings: 'Checked land registry and banks',
            notEnforceableDecisionDueOn: '2025-06-24',
          },
        },
      ]);
  });

  it('may find an enforceable case run dry; the case stays enforceable until the head decides', () => {
    const events = eventsAfter(caseInEnforcement(), [verify('NOT_ENFORCEABLE', 'NO_INCOME_OR_ASSETS', '2025-07-01')]);
    expect(stateAfter(caseDecider, events).status).toBe('enforceable');
  });

  it('needs the ground of a negative finding', () => {
    spec.given(caseDecided()).when(verify('NOT_ENFORCEABLE')).thenThrows('MISSING_GROUND', { field: 'ground' });
  });

  it('waits for the decision', () => {
    spec
      .given(caseReceived())
      .when(verify('ENFORCEABLE', undefined, '2025-06-03'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'intake' });
  });

  it('is replaced by periodic re-verification once the case is not enforceable', () => {
    spec
      .given(caseNotEnforceable())
      .when(verify('ENFORCEABLE', undefined, '2025-07-01'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'not_enforceable' });
  });
});

describe('case: DecideNotEnforceable', () => {
  const negative = (ground: NotEnforceableGround) => eventsAfter(caseDecided(), [verify('NOT_ENFORCEABLE', ground)]);

  it('decides on the verified ground; re-verification within 6 months (Art. 44(2))', () => {
    spec
      .given(negative('NO_INCOME_OR_ASSETS'))
      .when(decideNotEnforceable('NO_INCOME_OR_ASSETS'))
      .then([
        {
          type: 'NotEnforceableDecided',
          data: {
            ...base,
            effectiveDate: '2025-06-19',
            decisionNumber: '9/QĐ-CĐK',
            ground: 'NO_INCOME_OR_ASSETS',
            debtorImprisonedLongTerm: false,
            reverificationDueOn: '2025-12-19',
          },
        },
      ]);
  });

  it('re-verifies every 12 months when the address is unknown', () => {
    spec
      .given(negative('ADDRESS_UNKNOWN'))
      .when(decideNotEnforceable('ADDRESS_UNKNOWN'))
      .thenEvents(([event]) => expect(event.data).toMatchObject({ reverificationDueOn: '2026-06-19' }));
  });

  it('re-verifies every 12 months when the debtor is imprisoned long-term', () => {
    spec
      .given(negative('NO_INCOME_OR_ASSETS'))
      .when(decideNotEnforceable('NO_INCOME_OR_ASSETS', true))
      .thenEvents(([event]) =>
        expect(event.data).toMatchObject({ debtorImprisonedLongTerm: true, reverificationDueOn: '2026-06-19' }),
      );
  });

  it('needs a negative verification', () => {
    spec
      .given(caseDecided())
      .when(decideNotEnforceable('NO_INCOME_OR_ASSETS'))
      .thenThrows('NOT_ENFORCEABLE_NOT_VERIFIED', { latestResult: null });
    spec
      .given(caseInEnforcement())
      .when(decideNotEnforceable('NO_INCOME_OR_ASSETS'))
      .thenThrows('NOT_ENFORCEABLE_NOT_VERIFIED', { latestResult: 'ENFORCEABLE' });
  });

  it('rests on the ground the verification found', () => {
    spec
      .given(negative('NO_INCOME_OR_ASSETS'))
      .when(decideNotEnforceable('ADDRESS_UNKNOWN'))
      .thenThrows('NOT_ENFORCEABLE_GROUND_MISMATCH', {
        ground: 'ADDRESS_UNKNOWN',
        verifiedGround: 'NO_INCOME_OR_ASSETS',
      });
  });

  it('is decided once', () => {
    spec
      .given(caseNotEnforceable())
      .when(decideNotEnforceable('NO_INCOME_OR_ASSETS'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'not_enforceable' });
  });
});

describe('case: RecordPeriodicReverification', () => {
  it('counts a negative re-verification and sets the next one 6 months on', () => {
    spec
      .given(caseNotEnforceable())
      .when(reverify('STILL_NOT_ENFORCEABLE', '2025-12-18'))
      .then([
        {
          type: 'ConditionsReverified',
          data: {
            ...base,
            effectiveDate: '2025-12-18',
            result: 'STILL_NOT_ENFORCEABLE',
            findings: 'Checked again',
            negativeReverifications: 1,
            creditorNoticeRequired: false,
            reverificationDueOn: '2026-06-18',
          },
        },
      ]);
  });

  it('requires the creditor notice on the 2nd negative re-verification only (Art. 44(2))', () => {
    const once = eventsAfter(caseNotEnforceable(), [reverify('STILL_NOT_ENFORCEABLE', '2025-12-18')]);
    spec
      .given(once)
      .when(reverify('STILL_NOT_ENFORCEABLE', '2026-06-17'))
      .thenEvents(([event]) =>
        expect(event.data).toMatchObject({
          negativeReverifications: 2,
          creditorNoticeRequired: true,
          reverificationDueOn: '2026-12-17',
        }),
      );
    spec
      .given(twiceReverified())
      .when(reverify('STILL_NOT_ENFORCEABLE', '2026-12-16'))
      .thenEvents(([event]) =>
        expect(event.data).toMatchObject({ negativeReverifications: 3, creditorNoticeRequired: false }),
      );
  });

  it('keeps the 12-month cadence for a long-term case', () => {
    spec
      .given(caseNotEnforceable({ debtorImprisonedLongTerm: true }))
      .when(reverify('STILL_NOT_ENFORCEABLE', '2026-06-17'))
      .thenEvents(([event]) => expect(event.data).toMatchObject({ reverificationDueOn: '2027-06-17' }));
  });

  it('brings the case back to enforcement when conditions are found', () => {
    const events = eventsAfter(caseNotEnforceable(), [reverify('ENFORCEABLE', '2025-10-01')]);
    expect(events.at(-1)?.data).toMatchObject({
      negativeReverifications: 0,
      creditorNoticeRequired: false,
      reverificationDueOn: null,
    });
    expect(stateAfter(caseDecider, events).status).toBe('enforceable');
  });

  it('is only for not-enforceable cases', () => {
    spec
      .given(caseInEnforcement())
      .when(reverify('ENFORCEABLE', '2025-07-01'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'enforceable', command: 'RecordPeriodicReverification' });
  });
});

describe('case: MoveToSeparateTrackingRegister', () => {
  it('moves 1 year after the decision with 2 re-verifications (Decree 62 Art. 9(5))', () => {
    spec
      .given(twiceReverified())
      .when(moveToRegister('2026-06-19'))
      .then([
        {
          type: 'MovedToSeparateTrackingRegister',
          data: { ...base, effectiveDate: '2026-06-19', notEnforceableDecidedOn: '2025-06-19' },
        },
      ]);
  });

  it('waits the full year', () => {
    spec
      .given(twiceReverified())
      .when(moveToRegister('2026-06-18'))
      .thenThrows('SEPARATE_REGISTER_TOO_EARLY', { earliestOn: '2026-06-19' });
  });

  it('waits 2 years for a long-term case', () => {
    const longTerm = eventsAfter(caseNotEnforceable({ debtorImprisonedLongTerm: true }), [
      reverify('STILL_NOT_ENFORCEABLE', '2025-12-18'),
      reverify('STILL_NOT_ENFORCEABLE', '2026-06-17'),
    ]);
    spec
      .given(longTerm)
      .when(moveToRegister('2026-06-19'))
      .thenThrows('SEPARATE_REGISTER_TOO_EARLY', { earliestOn: '2027-06-19' });
  });

  it('waits 2 years for every case moved under Law 106/2025 (Decree 152/2026 Art. 22(1))', () => {
    const exOfficio = eventsAfter(caseDecided({ source: 'JUDGMENT', mode: 'EX_OFFICIO' }), [
      {
        type: 'RecordVerification',
        data: {
          result: 'NOT_ENFORCEABLE',
          ground: 'NO_INCOME_OR_ASSETS',
          findings: 'Nothing',
          effectiveDate: '2025-06-17',
        },
      },
      {
        type: 'DecideNotEnforceable',
        data: { decisionNumber: '9/QĐ-CĐK', ground: 'NO_INCOME_OR_ASSETS', effectiveDate: '2025-06-19' },
      },
      reverify('STILL_NOT_ENFORCEABLE', '2025-12-18'),
      reverify('STILL_NOT_ENFORCEABLE', '2026-06-17'),
    ]);
    spec
      .given(exOfficio)
      .when(moveToRegister('2026-07-01'))
      .thenThrows('SEPARATE_REGISTER_TOO_EARLY', { earliestOn: '2027-06-19' });
    spec
      .given(exOfficio)
      .when(moveToRegister('2027-06-21'))
      .thenEvents(([event]) => expect(event.data).toMatchObject({ ruleSet: 'LAW_106_2025' }));
  });

  it('refuses an on-request case from 1 July 2026: it is sent back instead (SEPARATE_REGISTER_ON_REQUEST)', () => {
    spec
      .given(caseReverifiedTwice())
      .when(moveToRegister('2026-07-01'))
      .thenThrows('SEPARATE_REGISTER_ON_REQUEST', { mode: 'ON_REQUEST' });
  });

  it('needs 2 re-verifications', () => {
    const once = eventsAfter(caseNotEnforceable(), [reverify('STILL_NOT_ENFORCEABLE', '2025-12-18')]);
    spec
      .given(once)
      .when(moveToRegister('2026-06-19'))
      .thenThrows('SEPARATE_REGISTER_NEEDS_TWO_VERIFICATIONS', { negativeReverifications: 1 });
  });

  it('is only for not-enforceable cases', () => {
    spec
      .given(caseInEnforcement())
      .when(moveToRegister('2026-06-19'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'enforceable' });
  });

  describe('in the separate register', () => {
    const tracked = caseInSeparateRegister;

    it('has no periodic clock: a negative re-verification sets no due date', () => {
      spec
        .given(tracked())
        .when(reverify('STILL_NOT_ENFORCEABLE', '2026-09-15'))
        .thenEvents(([event]) =>
          expect(event.data).toMatchObject({ negativeReverifications: 3, reverificationDueOn: null }),
        );
      expect(
        stateAfter(caseDecider, eventsAfter(tracked(), [reverify('STILL_NOT_ENFORCEABLE', '2026-09-15')])).status,
      ).toBe('separately_tracked');
    });

    it('returns to enforcement when new information shows conditions (Decree 62 Art. 9(6))', () => {
      expect(stateAfter(caseDecider, eventsAfter(tracked(), [reverify('ENFORCEABLE', '2026-09-15')])).status).toBe(
        'enforceable',
      );
    });

    it('does not move twice', () => {
      spec
        .given(tracked())
        .when(moveToRegister('2026-09-15'))
        .thenThrows('INVALID_STATE_TRANSITION', { status: 'separately_tracked' });
    });
  });
});

describe('case: SendBackEnforcementRequest (Law 106/2025 Art. 38; Decree 152/2026 Art. 22(2), 32(1)(d))', () => {
  const sendBack = (effectiveDate: string): CaseCommand => ({
    type: 'SendBackEnforcementRequest',
    data: { noticeNumber: '12/TB-THADS', effectiveDate },
  });

  it('sends an on-request case back 2 years after the not-enforceable decision; the case ends, its steps kept', () => {
    const events = spec
      .given(caseReverifiedTwice())
      .when(sendBack('2027-06-21'))
      .thenEvents(([event]) =>
        expect(event).toMatchObject({
          type: 'EnforcementRequestSentBack',
          data: { noticeNumber: '12/TB-THADS', notEnforceableDecidedOn: '2025-06-19', ruleSet: 'LAW_106_2025' },
        }),
      );
    const state = stateAfter(caseDecider, [...caseReverifiedTwice(), ...events]);
    expect(state.status).toBe('sent_back');
    // The steps before 1 July 2026 keep the rule set they were taken under.
    expect(caseReverifiedTwice().map((event) => event.data.ruleSet)).toEqual(expect.arrayContaining(['LAW_2008_2014']));
    spec
      .given([...caseReverifiedTwice(), ...events])
      .when(reverify('ENFORCEABLE', '2027-07-01'))
      .thenThrows('CASE_CLOSED');
  });

  it('only from 1 July 2026, after 2 years, on request, after a re-verification', () => {
    spec.given(caseReverifiedTwice()).when(sendBack('2026-06-30')).thenThrows('SEND_BACK_NOT_IN_FORCE');
    spec
      .given(caseReverifiedTwice())
      .when(sendBack('2027-06-18'))
      .thenThrows('SEND_BACK_TOO_EARLY', { earliestOn: '2027-06-19' });
    spec.given(caseNotEnforceable()).when(sendBack('2027-06-21')).thenThrows('SEND_BACK_NEEDS_REVERIFICATION');
    const exOfficio = eventsAfter(caseDecided({ source: 'JUDGMENT', mode: 'EX_OFFICIO' }), [
      {
        type: 'RecordVerification',
        data: {
          result: 'NOT_ENFORCEABLE',
          ground: 'NO_INCOME_OR_ASSETS',
          findings: 'Nothing',
          effectiveDate: '2025-06-17',
        },
      },
      {
        type: 'DecideNotEnforceable',
        data: { decisionNumber: '9/QĐ-CĐK', ground: 'NO_INCOME_OR_ASSETS', effectiveDate: '2025-06-19' },
      },
    ]);
    spec.given(exOfficio).when(sendBack('2027-06-21')).thenThrows('SEND_BACK_EX_OFFICIO');
    spec.given(caseInEnforcement()).when(sendBack('2027-06-21')).thenThrows('INVALID_STATE_TRANSITION');
  });
});
