import { CASE_FIXTURE, caseInEnforcement, eventsAfter } from '@thads/testing';
import type { JsonRecord } from '../../shared/event-codec';
import type { StoredEvent } from '../../shared/retractions';
import type { CaseCommand } from '../case-commands';
import type { CaseEvent } from '../case-events';
import { caseEventCodec } from '../case-event-codec';
import { foldCaseHistory } from '../case-history';
import { openDeadlinesOf } from './case-deadlines-view';
import { caseSummaryOf, type CaseSummaryView } from './case-summary-view';

const reason = 'Entered in error';
const { debtItemId } = CASE_FIXTURE;

/** Pure fixtures have no ids: event n of the stream is `ev-n`. */
function recorded(events: readonly CaseEvent[]): StoredEvent[] {
  return events.map((event, n) => ({ id: `ev-${n}`, ...caseEventCodec.encode(event) }));
}

/**
 * `history` followed by a FactRetracted of its last `type` event, as the command side records one (only the fields the
 * fold reads are needed: which event, and the corrected data if any).
 */
function withRetraction(history: readonly StoredEvent[], type: string, correctedData?: JsonRecord): StoredEvent[] {
  const target = [...history].reverse().find((event) => event.type === type);
  if (!target) throw new Error(`no ${type} in the history`);
  const n = history.length;
  const data = {
    caseId: CASE_FIXTURE.caseId,
    officeId: CASE_FIXTURE.officeId,
    ruleSet: 'LAW_2008_2014',
    effectiveDate: '2025-07-01',
    retractedEventId: target.id,
    retractedType: type,
    retractedEffectiveDate: target.data.effectiveDate ?? null,
    ...(correctedData === undefined ? {} : { correctedData }),
  };
  return [...history, { id: `ev-${n}`, type: 'FactRetracted', data }];
}

const summaryOf = (history: readonly StoredEvent[]): CaseSummaryView => {
  const summary = caseSummaryOf(foldCaseHistory(history));
  if (summary === null) throw new Error('expected a case');
  return summary;
};
const deadlinesOf = (history: readonly StoredEvent[]) => openDeadlinesOf(foldCaseHistory(history));
const money = ({ owed, collected, disbursed }: CaseSummaryView) => ({ owed, collected, disbursed });
const collect = (collectionId: string, amount: bigint, effectiveDate: string): CaseCommand => ({
  type: 'RecordCollection',
  data: { collectionId, itemId: debtItemId, amount, source: 'VOLUNTARY', effectiveDate },
});
const disburse = (amount: bigint, effectiveDate: string): CaseCommand => ({
  type: 'DisburseFunds',
  data: { disbursementId: 'chi-1', itemId: debtItemId, amount, payeePartyId: CASE_FIXTURE.creditorId, effectiveDate },
});
const postpone: CaseCommand = {
  type: 'PostponeEnforcement',
  data: { decisionNumber: 'HO-1', ground: 'SERIOUS_ILLNESS', until: '2025-08-01', effectiveDate: '2025-06-20' },
};
const terminate: CaseCommand = {
  type: 'TerminateEnforcement',
  data: { decisionNumber: 'ĐC-1', ground: 'EXEMPTION_GRANTED', effectiveDate: '2025-06-20' },
};

describe('summary view of a case folded with its retractions', () => {
  it('given a collection, when it is retracted, then the money and the deadlines are as before it', () => {
    const before = recorded(caseInEnforcement());
    const collected = recorded(eventsAfter(caseInEnforcement(), [collect('thu-1', 50_000_000n, '2025-06-18')]));
    expect(summaryOf(collected).nextDeadline?.kind).toBe('DISBURSEMENT');

    const retracted = summaryOf(withRetraction(collected, 'FundsCollected'));

    expect(money(retracted)).toEqual(money(summaryOf(before)));
    expect(deadlinesOf(withRetraction(collected, 'FundsCollected'))).toEqual(deadlinesOf(before));
    // The retraction (dated 1 July) is not an act of the lifecycle: the latest act is the verification again.
    expect(retracted).toMatchObject({ lastEffectiveDate: '2025-06-17' });
  });

  it('given a collection with correctedData, then the corrected amount counts in its place', () => {
    const collected = recorded(eventsAfter(caseInEnforcement(), [collect('thu-1', 50_000_000n, '2025-06-18')]));

    const corrected = summaryOf(withRetraction(collected, 'FundsCollected', { amount: '5000000' }));

    expect(money(corrected)).toEqual({
      owed: CASE_FIXTURE.debtAmount + CASE_FIXTURE.feeAmount - 5_000_000n,
      collected: 5_000_000n,
      disbursed: 0n,
    });
    expect(foldCaseHistory(withRetraction(collected, 'FundsCollected', { amount: '5000000' }))).toMatchObject({
      facts: { collections: [{ collectionId: 'thu-1', itemId: debtItemId, unpaid: 5_000_000n }] },
    });
  });

  it('given a collection paid out, when the disbursement is retracted, then the collection is unpaid again with its deadline', () => {
    const paid = recorded(
      eventsAfter(caseInEnforcement(), [
        collect('thu-1', 50_000_000n, '2025-06-18'),
        disburse(50_000_000n, '2025-06-19'),
      ]),
    );
    expect(summaryOf(paid).nextDeadline).toBeNull();

    const retracted = summaryOf(withRetraction(paid, 'FundsDisbursed'));

    expect(money(retracted).disbursed).toBe(0n);
    expect(retracted.nextDeadline).toEqual(expect.objectContaining({ kind: 'DISBURSEMENT', subject: 'thu-1' }));
  });

  it('given a postponed case, when the postponement is retracted, then the status is the one it was postponed from', () => {
    const postponed = recorded(eventsAfter(caseInEnforcement(), [postpone]));
    expect(summaryOf(postponed).status).toBe('postponed');

    expect(summaryOf(withRetraction(postponed, 'EnforcementPostponed')).status).toBe('enforceable');
  });

  it('given a terminated case, when the termination is retracted, then the case is open in the status it closed from', () => {
    const terminated = recorded(eventsAfter(caseInEnforcement(), [terminate]));
    expect(summaryOf(terminated).status).toBe('terminated');

    const reopened = summaryOf(withRetraction(terminated, 'EnforcementTerminated'));

    expect(reopened.status).toBe('enforceable');
    expect(money(reopened).owed).toBe(CASE_FIXTURE.debtAmount + CASE_FIXTURE.feeAmount);
  });

  it('keeps earlier retractions when a later one refolds the case', () => {
    const history = withRetraction(
      recorded(eventsAfter(caseInEnforcement(), [collect('thu-1', 50_000_000n, '2025-06-18'), postpone])),
      'FundsCollected',
    );

    const both = summaryOf(withRetraction(history, 'EnforcementPostponed'));

    expect([both.status, money(both).collected]).toEqual(['enforceable', 0n]);
  });

  it('shows withdrawn, reopened and reassigned cases', () => {
    const withdraw: CaseCommand = {
      type: 'WithdrawDecision',
      data: { decisionNumber: '101/QĐ-THADS', ground: 'WRONG_CONTENT', reason, effectiveDate: '2025-06-20' },
    };
    expect(summaryOf(recorded(eventsAfter(caseInEnforcement(), [withdraw]))).status).toBe('withdrawn');
    const reopened = eventsAfter(caseInEnforcement(), [
      withdraw,
      { type: 'ReopenCase', data: { reason, effectiveDate: '2025-06-21' } },
      { type: 'ReassignOfficer', data: { officerId: 'officer-2', reason, effectiveDate: '2025-06-21' } },
    ]);
    expect(summaryOf(recorded(reopened))).toMatchObject({ status: 'enforceable', officerId: 'officer-2' });
  });
});
