import type { CaseCommand, CaseEvent } from '@thads/domain';
import { caseInEnforcement, eventsAfter } from '@thads/testing';
import { foldCaseSummary, type CaseLifecycleEvent, type CaseSummary } from './case-summary.fold';

const reason = 'Entered in error';

function summaryOf(events: readonly CaseEvent[]): CaseSummary {
  let summary: CaseSummary | undefined;
  events.forEach((event, index) => {
    summary = foldCaseSummary(summary, event as CaseLifecycleEvent, { revision: BigInt(index), position: BigInt(index) });
  });
  return summary!;
}

const terminate: CaseCommand = { type: 'TerminateEnforcement', data: { decisionNumber: 'ĐC-1', ground: 'EXEMPTION_GRANTED', effectiveDate: '2025-06-20' } };
const retract = (type: string): CaseCommand => ({ type: 'CorrectRecordedFact', data: { eventId: 'ev-9', target: { type, effectiveDate: '2025-06-20' }, reason, effectiveDate: '2025-06-21' } });

describe('case_summary: corrections', () => {
  it('a retracted closing event reopens the case in the status it closed from', () => {
    expect(summaryOf(eventsAfter(caseInEnforcement(), [terminate]))).toMatchObject({ status: 'terminated', reopenTo: 'enforceable' });
    const reopened = summaryOf(eventsAfter(caseInEnforcement(), [terminate, retract('EnforcementTerminated')]));
    expect(reopened.status).toBe('enforceable');
    expect(reopened.reopenTo).toBeUndefined();
  });

  it('a retraction of another event leaves the status alone', () => {
    expect(summaryOf(eventsAfter(caseInEnforcement(), [terminate, retract('SecurityMeasureApplied')])).status).toBe('terminated');
  });

  it('shows withdrawn, reopened and reassigned cases', () => {
    const withdraw: CaseCommand = { type: 'WithdrawDecision', data: { decisionNumber: '101/QĐ-THADS', ground: 'WRONG_CONTENT', reason, effectiveDate: '2025-06-20' } };
    expect(summaryOf(eventsAfter(caseInEnforcement(), [withdraw])).status).toBe('withdrawn');
    const reopened = eventsAfter(caseInEnforcement(), [withdraw, { type: 'ReopenCase', data: { reason, effectiveDate: '2025-06-21' } }, { type: 'ReassignOfficer', data: { officerId: 'officer-2', reason, effectiveDate: '2025-06-21' } }]);
    expect(summaryOf(reopened)).toMatchObject({ status: 'enforceable', officerId: 'officer-2' });
  });
});
