import { caseEventCodec, type CaseCommand, type CaseEvent, type JsonRecord } from '@thads/domain';
import type { EventMetadata, RecordedEvent } from '@thads/event-store';
import { CASE_FIXTURE, caseInEnforcement, eventsAfter } from '@thads/testing';
import { collectedOf, disbursedOf, nextDeadlineOf, owedOf, type CaseSummary } from './case-summary.fold';
import { refoldCaseSummary } from './case-summary.refold';

const reason = 'Entered in error';
const metadata: EventMetadata = {
  actor: { id: 'admin-1', role: 'admin' },
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
  schemaVersion: 1,
  recordedAt: '2025-07-01T03:00:00.000Z',
  prevHash: '',
  hash: '',
};
const { debtItemId } = CASE_FIXTURE;

/** Pure fixtures have no ids or positions: event n of the stream is `ev-n` at revision and position n. */
function recorded(events: readonly CaseEvent[]): RecordedEvent[] {
  return events.map((event, n) => ({
    id: `ev-${n}`,
    stream: 'case-case-0001',
    revision: BigInt(n),
    position: BigInt(n),
    ...caseEventCodec.encode(event),
    metadata,
  }));
}

/**
 * `history` followed by a FactRetracted of its last `type` event, as the command side records one (only the fields the
 * fold reads are needed: which event, and the corrected data if any).
 */
function withRetraction(history: readonly RecordedEvent[], type: string, correctedData?: JsonRecord): RecordedEvent[] {
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
  return [
    ...history,
    {
      id: `ev-${n}`,
      stream: 'case-case-0001',
      revision: BigInt(n),
      position: BigInt(n),
      type: 'FactRetracted',
      data,
      metadata,
    },
  ];
}

const summaryOf = (history: readonly RecordedEvent[]): CaseSummary => refoldCaseSummary(history);
const money = (summary: CaseSummary) => ({
  owed: owedOf(summary),
  collected: collectedOf(summary),
  disbursed: disbursedOf(summary),
});
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

describe('case_summary: refolding a case on a retraction', () => {
  it('given a collection, when it is retracted, then the money and the deadlines are as before it', () => {
    const before = recorded(caseInEnforcement());
    const collected = recorded(eventsAfter(caseInEnforcement(), [collect('thu-1', 50_000_000n, '2025-06-18')]));
    expect(nextDeadlineOf(summaryOf(collected))?.kind).toBe('DISBURSEMENT');

    const retracted = summaryOf(withRetraction(collected, 'FundsCollected'));

    expect(money(retracted)).toEqual(money(summaryOf(before)));
    expect(retracted.deadlines).toEqual(summaryOf(before).deadlines);
    expect(retracted).toMatchObject({
      lastEventType: 'FactRetracted',
      lastEffectiveDate: '2025-07-01',
      revision: BigInt(collected.length),
    });
  });

  it('given a collection with correctedData, then the corrected amount counts in its place', () => {
    const collected = recorded(eventsAfter(caseInEnforcement(), [collect('thu-1', 50_000_000n, '2025-06-18')]));

    const corrected = summaryOf(withRetraction(collected, 'FundsCollected', { amount: '5000000' }));

    expect(money(corrected)).toEqual({
      owed: CASE_FIXTURE.debtAmount + CASE_FIXTURE.feeAmount - 5_000_000n,
      collected: 5_000_000n,
      disbursed: 0n,
    });
    expect(corrected.unpaidCollections).toEqual([{ collectionId: 'thu-1', itemId: debtItemId, unpaid: 5_000_000n }]);
  });

  it('given a collection paid out, when the disbursement is retracted, then the collection is unpaid again with its deadline', () => {
    const paid = recorded(
      eventsAfter(caseInEnforcement(), [
        collect('thu-1', 50_000_000n, '2025-06-18'),
        disburse(50_000_000n, '2025-06-19'),
      ]),
    );
    expect(nextDeadlineOf(summaryOf(paid))).toBeNull();

    const retracted = summaryOf(withRetraction(paid, 'FundsDisbursed'));

    expect(money(retracted).disbursed).toBe(0n);
    expect(retracted.unpaidCollections).toEqual([{ collectionId: 'thu-1', itemId: debtItemId, unpaid: 50_000_000n }]);
    expect(nextDeadlineOf(retracted)).toEqual(expect.objectContaining({ kind: 'DISBURSEMENT', subject: 'thu-1' }));
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
