import {
  CASE_DATES as D,
  caseDecided,
  caseInEnforcement,
  deciderSpec,
  eventsAfter,
  issueDecisionCommand,
  receiveCaseCommand,
  retractionOf,
  stateAfter,
} from '@thads/testing';
import { caseDecider } from './case-decider';
import type { CaseCommand } from './case-commands';
import type { CaseEvent } from './case-events';

/** Dates that cannot lie: acts after the office's today, and what corrections are dated on. */
const spec = deciderSpec(caseDecider);
const reason = 'Entered in error';
const onToday = (command: CaseCommand, today: string): CaseCommand => ({ ...command, today });
const verify = (effectiveDate: string): CaseCommand => ({
  type: 'RecordVerification',
  data: { result: 'ENFORCEABLE', findings: 'Owns a house', effectiveDate },
});
const security = (effectiveDate: string): CaseCommand => ({
  type: 'ApplySecurityMeasure',
  data: { measureId: 'm-1', kind: 'ACCOUNT_FREEZE', description: 'Freeze the account', effectiveDate },
});
const collect = (effectiveDate: string): CaseCommand => ({
  type: 'RecordCollection',
  data: { collectionId: 'thu-1', itemId: 'item-debt', amount: 5_000_000n, source: 'VOLUNTARY', effectiveDate },
});
const last = (events: readonly CaseEvent[]) => events[events.length - 1];

describe('case: no act dated after the office’s today (ACT_DATED_IN_FUTURE)', () => {
  it('refuses a receipt dated after today, naming the date and today', () => {
    spec
      .given([])
      .when(onToday(receiveCaseCommand({ effectiveDate: '2025-06-03' }), '2025-06-02'))
      .thenThrows('ACT_DATED_IN_FUTURE', { field: 'effectiveDate', effectiveDate: '2025-06-03', today: '2025-06-02' });
  });

  it('refuses any later act dated after today, and accepts one dated today', () => {
    spec
      .given(caseDecided())
      .when(onToday(verify('2025-06-18'), '2025-06-17'))
      .thenThrows('ACT_DATED_IN_FUTURE', { effectiveDate: '2025-06-18', today: '2025-06-17' });
    spec
      .given(caseDecided())
      .when(onToday(verify('2025-06-17'), '2025-06-17'))
      .thenEvents(([event]) => expect(event.type).toBe('EnforcementConditionsVerified'));
  });

  it('refuses a decision said to be served after today', () => {
    const served = issueDecisionCommand({ servedOn: '2025-06-06' });
    spec
      .given(eventsAfter([], [receiveCaseCommand()]))
      .when(onToday(served, D.decided))
      .thenThrows('ACT_DATED_IN_FUTURE', { field: 'servedOn', servedOn: '2025-06-06', today: D.decided });
  });

  it('refuses a correction dated after today too', () => {
    const history = eventsAfter(caseInEnforcement(), [collect('2025-06-18')]);
    spec
      .given(history)
      .when(onToday(retractionOf(history, 'FundsCollected', { effectiveDate: '2025-06-20' }), '2025-06-19'))
      .thenThrows('ACT_DATED_IN_FUTURE', { effectiveDate: '2025-06-20' });
  });
});

describe('case: a correction is dated at the act it corrects, never today', () => {
  const collected = eventsAfter(caseInEnforcement(), [collect('2025-06-18')]);
  const undated = (history: readonly CaseEvent[]): CaseCommand => {
    const command = retractionOf(history, 'FundsCollected', { effectiveDate: '2025-06-18' });
    const { effectiveDate: _omitted, ...data } = command.data;
    return { ...command, data };
  };

  it('dates CorrectRecordedFact without effectiveDate at the retracted act', () => {
    spec
      .given(collected)
      .when(onToday(undated(collected), '2026-03-01'))
      .thenEvents(([event]) => expect(event.data).toMatchObject({ effectiveDate: '2025-06-18' }));
  });

  it('leaves the case’s latest act alone, so an ordinary back-dated entry after the correction is accepted', () => {
    // Recorded on 1 March 2026 but dated there, or explicitly on 1 March: either way a 20 June act still follows.
    for (const correction of [
      undated(collected),
      retractionOf(collected, 'FundsCollected', { effectiveDate: '2026-03-01' }),
    ]) {
      const corrected = eventsAfter(collected, [onToday(correction, '2026-03-01')]);
      expect(stateAfter(caseDecider, corrected)).toMatchObject({ facts: { lastEffectiveDate: '2025-06-18' } });
      spec
        .given(corrected)
        .when(onToday(security('2025-06-20'), '2026-03-01'))
        .thenEvents(([event]) => expect(event).toMatchObject({ type: 'SecurityMeasureApplied' }));
    }
  });

  it('refuses a correction dated before the act it corrects (CORRECTION_BEFORE_CORRECTED_ACT)', () => {
    spec
      .given(collected)
      .when(retractionOf(collected, 'FundsCollected', { effectiveDate: '2025-06-17' }))
      .thenThrows('CORRECTION_BEFORE_CORRECTED_ACT', { effectiveDate: '2025-06-17', correctedActOn: '2025-06-18' });
  });

  it('dates a withdrawal or an amendment at the enforcement decision, a reassignment at the assignment', () => {
    const commands: CaseCommand[] = [
      { type: 'AmendDecision', data: { decisionNumber: '101/QĐ-THADS', amendment: 'Address', reason } },
      { type: 'ReassignOfficer', data: { officerId: 'officer-2', reason } },
      { type: 'WithdrawDecision', data: { decisionNumber: '101/QĐ-THADS', ground: 'WRONG_CONTENT', reason } },
    ];
    const events = eventsAfter(
      collected,
      commands.map((command) => onToday(command, '2026-03-01')),
    );
    expect(events.slice(-3).map((event) => [event.type, event.data.effectiveDate])).toEqual([
      ['DecisionAmended', D.decided],
      ['OfficerReassigned', D.decided],
      ['DecisionWithdrawn', D.decided],
    ]);
  });

  it('dates a reopening at the close, so the case stands reopened from the day it was wrongly closed', () => {
    const terminated = eventsAfter(collected, [
      {
        type: 'TerminateEnforcement',
        data: { decisionNumber: 'ĐC-1', ground: 'EXEMPTION_GRANTED', effectiveDate: '2025-06-25' },
      },
    ]);
    const reopened = eventsAfter(terminated, [onToday({ type: 'ReopenCase', data: { reason } }, '2026-03-01')]);
    expect(last(reopened)).toMatchObject({ type: 'CaseReopened', data: { effectiveDate: '2025-06-25' } });
    spec
      .given(reopened)
      .when(onToday(security('2025-06-26'), '2026-03-01'))
      .thenEvents(([event]) => expect(event.type).toBe('SecurityMeasureApplied'));
  });
});
