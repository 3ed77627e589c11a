import type { CaseCommand, CaseEvent } from '@thads/domain';
import { CASE_FIXTURE as F, caseInEnforcement, eventsAfter } from '@thads/testing';
import { statisticsFactOf, withoutRetractedFacts, type DatedFact } from './case-statistics-facts';
import { bucketOn, classifyCase } from './classification';

// The fixture case: decided 4 June 2025, enforceable 17 June; 900,000,000 VND debt + 45,000,000 fee.
const YEAR_2025_SEPTEMBER = { openingBalanceOn: '2024-09-30', periodEndsOn: '2025-09-30' };
const reason = 'Entered in error';

function factsOf(events: readonly CaseEvent[]): DatedFact[] {
  return events.flatMap((event) => {
    const fact = statisticsFactOf(event);
    const effectiveDate = fact?.kind === 'RETRACTED' ? fact.retractedEffectiveDate : event.data.effectiveDate;
    return fact ? [{ effectiveDate, fact, eventType: event.type }] : [];
  });
}

const paidAndSettled: CaseCommand[] = [
  ...[F.debtItemId, F.feeItemId].flatMap((itemId, index): CaseCommand[] => {
    const amount = index === 0 ? F.debtAmount : F.feeAmount;
    return [
      { type: 'RecordCollection', data: { collectionId: `c-${itemId}`, itemId, amount, source: 'VOLUNTARY', effectiveDate: '2025-07-01' } },
      { type: 'DisburseFunds', data: { disbursementId: `d-${itemId}`, itemId, amount, effectiveDate: '2025-07-01' } },
    ];
  }),
  { type: 'Settle', data: { effectiveDate: '2025-07-02' } },
];
const retractSettlement: CaseCommand = {
  type: 'CorrectRecordedFact',
  data: { eventId: 'ev-settled', target: { type: 'CaseSettled', effectiveDate: '2025-07-02' }, reason, effectiveDate: '2025-08-01' },
};

describe('statistics: corrections', () => {
  it('a retracted settlement no longer counts as fully enforced, from the settlement’s own date', () => {
    const facts = withoutRetractedFacts(factsOf(eventsAfter(caseInEnforcement(), [...paidAndSettled, retractSettlement])));
    expect(facts.map(({ fact }) => fact.kind)).not.toContain('SETTLED');
    expect(facts.map(({ fact }) => fact.kind)).not.toContain('RETRACTED');
    expect(bucketOn(facts, '2025-07-15')).toBe('IN_PROGRESS');
    expect(classifyCase(facts, YEAR_2025_SEPTEMBER).cases).toMatchObject({ newlyReceived: 1n, inProgress: 1n, fullyEnforced: 0n });
  });

  it('a retraction of an event without a figure adds no fact', () => {
    const command: CaseCommand = { type: 'CorrectRecordedFact', data: { eventId: 'ev-1', target: { type: 'EnforcementOfficerAssigned', effectiveDate: '2025-06-04' }, reason, effectiveDate: '2025-06-20' } };
    const [event] = eventsAfter(caseInEnforcement(), [command]).slice(-1);
    expect(statisticsFactOf(event)).toBeNull();
  });

  it('leaves facts without retractions untouched', () => {
    const facts = factsOf(eventsAfter(caseInEnforcement(), paidAndSettled));
    expect(withoutRetractedFacts(facts)).toBe(facts);
  });

  it('a withdrawn decision is neither completed nor counted; reopening counts the case again', () => {
    const withdraw: CaseCommand = { type: 'WithdrawDecision', data: { decisionNumber: '101/QĐ-THADS', ground: 'WRONG_CONTENT', reason, effectiveDate: '2025-07-01' } };
    const withdrawn = factsOf(eventsAfter(caseInEnforcement(), [withdraw]));
    expect(bucketOn(withdrawn, '2025-07-15')).toBe('WITHDRAWN');
    expect(classifyCase(withdrawn, YEAR_2025_SEPTEMBER).cases).toMatchObject({ newlyReceived: 0n, fullyEnforced: 0n, terminated: 0n, inProgress: 0n });
    const reopened = factsOf(eventsAfter(caseInEnforcement(), [withdraw, { type: 'ReopenCase', data: { reason, effectiveDate: '2025-07-02' } }]));
    expect(bucketOn(reopened, '2025-07-15')).toBe('IN_PROGRESS');
    expect(classifyCase(reopened, YEAR_2025_SEPTEMBER).cases).toMatchObject({ newlyReceived: 1n, inProgress: 1n });
  });
});
