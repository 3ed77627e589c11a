import {
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
import type {
  CaseCommand,
  EntrustEnforcement,
  PostponeEnforcement,
  PostponementGround,
  TerminateEnforcement,
} from './case-commands';
import { caseDecider } from './case-decider';
import type { CaseEvent } from './case-events';

const spec = deciderSpec(caseDecider);
const base = { caseId: CASE_FIXTURE.caseId, officeId: CASE_FIXTURE.officeId, ruleSet: 'LAW_2008_2014' as const };
const { debtItemId, feeItemId, otherOfficeId } = CASE_FIXTURE;

function postpone(
  effectiveDate: string,
  ground: PostponementGround = 'PARTIES_AGREE',
  until?: string,
): PostponeEnforcement {
  return { type: 'PostponeEnforcement', data: { decisionNumber: 'H-1', ground, until, effectiveDate } };
}
const suspend = (effectiveDate: string): CaseCommand => ({
  type: 'SuspendEnforcement',
  data: { decisionNumber: 'T-1', ground: 'CASSATION_PROTEST', effectiveDate },
});
const resume = (effectiveDate: string): CaseCommand => ({
  type: 'ResumeEnforcement',
  data: { decisionNumber: 'TT-1', effectiveDate },
});
function terminate(effectiveDate: string, itemIds?: string[]): TerminateEnforcement {
  return {
    type: 'TerminateEnforcement',
    data: { decisionNumber: 'ĐC-1', ground: 'JUDGMENT_ANNULLED', itemIds, effectiveDate },
  };
}
function entrust(effectiveDate: string, itemIds?: string[], targetOfficeId = otherOfficeId): EntrustEnforcement {
  return { type: 'EntrustEnforcement', data: { decisionNumber: 'UT-1', targetOfficeId, itemIds, effectiveDate } };
}
const statusAfter = (events: CaseEvent[]) => stateAfter(caseDecider, events).status;

describe('case: PostponeEnforcement', () => {
  it('postpones an enforceable case (Art. 48)', () => {
    spec
      .given(caseInEnforcement())
      .when(postpone('2025-06-18', 'PARTIES_AGREE', '2025-08-18'))
      .then([
        {
          type: 'EnforcementPostponed',
          data: {
            ...base,
            effectiveDate: '2025-06-18',
            decisionNumber: 'H-1',
            ground: 'PARTIES_AGREE',
            until: '2025-08-18',
          },
        },
      ]);
    const state = stateAfter(caseDecider, eventsAfter(caseInEnforcement(), [postpone('2025-06-18')]));
    expect(state).toMatchObject({ status: 'postponed', resumeTo: 'enforceable', facts: { postponementCount: 1 } });
  });

  it('lasts at most 3 months on a protest request, 3 months when no end is given (Art. 48(2))', () => {
    spec
      .given(caseInEnforcement())
      .when(postpone('2025-06-18', 'PROTEST_REQUEST'))
      .thenEvents(([event]) => expect(event.data).toMatchObject({ until: '2025-09-18' }));
    spec
      .given(caseInEnforcement())
      .when(postpone('2025-06-18', 'PROTEST_REQUEST', '2025-09-19'))
      .thenThrows('POSTPONEMENT_ON_PROTEST_TOO_LONG', { until: '2025-09-19', latestEnd: '2025-09-18' });
  });

  it('postpones on a protest request once per case (Art. 48(2))', () => {
    const once = eventsAfter(caseInEnforcement(), [postpone('2025-06-18', 'PROTEST_REQUEST'), resume('2025-07-01')]);
    spec.given(once).when(postpone('2025-07-15', 'PROTEST_REQUEST')).thenThrows('POSTPONEMENT_ON_PROTEST_ALREADY_USED');
    spec
      .given(once)
      .when(postpone('2025-07-15', 'SERIOUS_ILLNESS'))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('refuses an end before the start and a malformed end', () => {
    spec
      .given(caseInEnforcement())
      .when(postpone('2025-06-18', 'PARTIES_AGREE', '2025-06-17'))
      .thenThrows('POSTPONEMENT_ENDS_BEFORE_IT_STARTS', { field: 'until' });
    spec
      .given(caseInEnforcement())
      .when(postpone('2025-06-18', 'PARTIES_AGREE', 'soon'))
      .thenThrows('INVALID_DATE', { field: 'until' });
  });

  it('pauses only a decided or enforceable case', () => {
    spec
      .given(caseNotEnforceable())
      .when(postpone('2025-07-01'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'not_enforceable', command: 'PostponeEnforcement' });
    spec
      .given(eventsAfter(caseInEnforcement(), [postpone('2025-06-18')]))
      .when(postpone('2025-06-19'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'postponed' });
    spec
      .given(caseReceived())
      .when(postpone('2025-06-03'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'intake' });
  });
});

describe('case: SuspendEnforcement and ResumeEnforcement', () => {
  it('suspends on a cassation protest (Art. 49)', () => {
    spec
      .given(caseInEnforcement())
      .when(suspend('2025-06-18'))
      .then([
        {
          type: 'EnforcementSuspended',
          data: { ...base, effectiveDate: '2025-06-18', decisionNumber: 'T-1', ground: 'CASSATION_PROTEST' },
        },
      ]);
    spec
      .given(eventsAfter(caseInEnforcement(), [postpone('2025-06-18')]))
      .when(suspend('2025-06-19'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'postponed' });
  });

  it('resumes to the status held before the pause (Art. 48(4), 49(3))', () => {
    spec
      .given(eventsAfter(caseInEnforcement(), [postpone('2025-06-18')]))
      .when(resume('2025-07-01'))
      .then([
        {
          type: 'EnforcementResumed',
          data: { ...base, effectiveDate: '2025-07-01', decisionNumber: 'TT-1', resumedStatus: 'enforceable' },
        },
      ]);
    const suspendedWhileDecided = eventsAfter(caseDecided(), [suspend('2025-06-10')]);
    expect(statusAfter(suspendedWhileDecided)).toBe('suspended');
    expect(statusAfter(eventsAfter(suspendedWhileDecided, [resume('2025-07-01')]))).toBe('decided');
  });

  it('resumes only a paused case', () => {
    spec
      .given(caseInEnforcement())
      .when(resume('2025-07-01'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'enforceable', command: 'ResumeEnforcement' });
  });
});

describe('case: TerminateEnforcement', () => {
  it('terminates the whole case with its open items (Art. 50)', () => {
    spec
      .given(caseInEnforcement())
      .when(terminate('2025-06-18'))
      .then([
        {
          type: 'EnforcementTerminated',
          data: {
            ...base,
            effectiveDate: '2025-06-18',
            decisionNumber: 'ĐC-1',
            ground: 'JUDGMENT_ANNULLED',
            itemIds: [debtItemId, feeItemId],
          },
        },
      ]);
    expect(statusAfter(eventsAfter(caseInEnforcement(), [terminate('2025-06-18')]))).toBe('terminated');
  });

  it.each<[string, () => CaseEvent[]]>([
    ['decided', caseDecided],
    ['not enforceable', caseNotEnforceable],
    ['postponed', () => eventsAfter(caseInEnforcement(), [postpone('2025-06-18')])],
    ['suspended', () => eventsAfter(caseInEnforcement(), [suspend('2025-06-18')])],
    ['in the separate register', caseInSeparateRegister],
  ])('terminates a case that is %s', (_label, history) => {
    spec
      .given(history())
      .when(terminate('2026-07-01'))
      .thenEvents(([event]) => expect(event.type).toBe('EnforcementTerminated'));
  });

  it('terminates some items and keeps the case going', () => {
    spec
      .given(caseInEnforcement())
      .when(terminate('2025-06-18', [feeItemId]))
      .then([
        {
          type: 'ObligationItemsTerminated',
          data: {
            ...base,
            effectiveDate: '2025-06-18',
            decisionNumber: 'ĐC-1',
            ground: 'JUDGMENT_ANNULLED',
            itemIds: [feeItemId],
          },
        },
      ]);
    const partly = eventsAfter(caseInEnforcement(), [terminate('2025-06-18', [feeItemId])]);
    const state = stateAfter(caseDecider, partly);
    expect(state.status).toBe('enforceable');
    if (state.status === 'none') throw new Error('expected a case');
    expect(state.facts.items.map((item) => [item.itemId, item.status])).toEqual([
      [debtItemId, 'open'],
      [feeItemId, 'terminated'],
    ]);
    spec
      .given(partly)
      .when(terminate('2025-06-19'))
      .thenEvents(([event]) => expect(event.data).toMatchObject({ itemIds: [debtItemId] }));
  });

  it('checks the items it names', () => {
    const partly = eventsAfter(caseInEnforcement(), [terminate('2025-06-18', [feeItemId])]);
    spec
      .given(partly)
      .when(terminate('2025-06-19', [feeItemId]))
      .thenThrows('ITEM_NOT_OPEN', { itemId: feeItemId, itemStatus: 'terminated' });
    spec
      .given(partly)
      .when(terminate('2025-06-19', ['item-x']))
      .thenThrows('ITEM_NOT_FOUND', { itemId: 'item-x' });
    spec
      .given(partly)
      .when(terminate('2025-06-19', [debtItemId, debtItemId]))
      .thenThrows('DUPLICATE_ITEM_ID', { itemId: debtItemId });
    spec.given(partly).when(terminate('2025-06-19', [])).thenThrows('INVALID_ITEM_LIST', { field: 'itemIds' });
  });

  it('waits for the decision', () => {
    spec
      .given(caseReceived())
      .when(terminate('2025-06-03'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'intake' });
  });
});

describe('case: EntrustEnforcement', () => {
  it('entrusts the whole case to another office; the case ends here (Art. 55–57)', () => {
    spec
      .given(caseInEnforcement())
      .when(entrust('2025-06-18'))
      .then([
        {
          type: 'EnforcementEntrusted',
          data: {
            ...base,
            effectiveDate: '2025-06-18',
            decisionNumber: 'UT-1',
            targetOfficeId: otherOfficeId,
            wholeCase: true,
            itemIds: [debtItemId, feeItemId],
          },
        },
      ]);
    expect(statusAfter(eventsAfter(caseInEnforcement(), [entrust('2025-06-18')]))).toBe('entrusted_out');
  });

  it('entrusts some items; they take no more collections here', () => {
    const partly = eventsAfter(caseInEnforcement(), [entrust('2025-06-18', [debtItemId])]);
    expect(partly.at(-1)?.data).toMatchObject({ wholeCase: false, itemIds: [debtItemId] });
    expect(statusAfter(partly)).toBe('enforceable');
    spec
      .given(partly)
      .when({
        type: 'RecordCollection',
        data: { collectionId: 'c-1', itemId: debtItemId, amount: 1n, source: 'VOLUNTARY', effectiveDate: '2025-06-19' },
      })
      .thenThrows('ITEM_NOT_OPEN', { itemStatus: 'entrusted' });
    spec
      .given(partly)
      .when(entrust('2025-06-19', [debtItemId]))
      .thenThrows('ITEM_NOT_OPEN', { itemId: debtItemId });
  });

  it('entrusts to another office only', () => {
    spec
      .given(caseInEnforcement())
      .when(entrust('2025-06-18', undefined, CASE_FIXTURE.officeId))
      .thenThrows('ENTRUST_TO_SAME_OFFICE', { targetOfficeId: CASE_FIXTURE.officeId });
    spec
      .given(caseInEnforcement())
      .when(entrust('2025-06-18', undefined, ''))
      .thenThrows('MISSING_FIELD', { field: 'targetOfficeId' });
  });

  it('entrusts only a decided or enforceable case', () => {
    spec
      .given(caseNotEnforceable())
      .when(entrust('2025-07-01'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'not_enforceable', command: 'EntrustEnforcement' });
  });
});
