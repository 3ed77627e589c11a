import {
  CASE_FIXTURE,
  caseDecided,
  caseInEnforcement,
  caseInSeparateRegister,
  caseReceived,
  caseReverifiedTwice,
  caseWithValuedAsset,
  eventsAfter,
  retractionOf,
  stateAfter,
} from '@thads/testing';
import { DomainError } from '../shared/domain-error';
import { caseDecider } from './case-decider';
import { caseEventCodec } from './case-event-codec';
import type { CaseEvent } from './case-events';

const { assetId, debtItemId, feeItemId, creditorId } = CASE_FIXTURE;

/** Histories that between them hold every case event type. */
function everyKindOfHistory(): CaseEvent[][] {
  const sold = eventsAfter(caseWithValuedAsset(), [
    { type: 'RecordAuctionResult', data: { assetId, outcome: 'FAILED', effectiveDate: '2025-08-05' } },
    { type: 'ReduceAuctionPrice', data: { assetId, newPrice: 900_000_000n, effectiveDate: '2025-08-12' } },
    {
      type: 'RecordAuctionResult',
      data: { assetId, outcome: 'SOLD', price: 900_000_000n, effectiveDate: '2025-09-09' },
    },
    {
      type: 'RecordCollection',
      data: {
        collectionId: 'c-1',
        itemId: debtItemId,
        amount: 900_000_000n,
        source: 'AUCTION_PROCEEDS',
        receiptNumber: 'BL-1',
        effectiveDate: '2025-09-30',
      },
    },
    {
      type: 'DisburseFunds',
      data: {
        disbursementId: 'd-1',
        itemId: debtItemId,
        amount: 900_000_000n,
        payeePartyId: creditorId,
        effectiveDate: '2025-10-03',
      },
    },
    {
      type: 'TerminateEnforcement',
      data: { decisionNumber: 'ĐC-1', ground: 'EXEMPTION_GRANTED', itemIds: [feeItemId], effectiveDate: '2025-10-03' },
    },
    { type: 'Settle', data: { effectiveDate: '2025-10-06' } },
  ]);
  const paused = eventsAfter(caseInEnforcement(), [
    {
      type: 'ApplySecurityMeasure',
      data: { measureId: 'm-1', kind: 'ACCOUNT_FREEZE', description: 'Freeze', effectiveDate: '2025-06-18' },
    },
    {
      type: 'PostponeEnforcement',
      data: { decisionNumber: 'H-1', ground: 'PROTEST_REQUEST', effectiveDate: '2025-06-18' },
    },
    { type: 'ResumeEnforcement', data: { decisionNumber: 'TT-1', effectiveDate: '2025-07-01' } },
    {
      type: 'SuspendEnforcement',
      data: { decisionNumber: 'T-1', ground: 'REOPENING_PROTEST', effectiveDate: '2025-07-02' },
    },
    { type: 'ResumeEnforcement', data: { decisionNumber: 'TT-2', effectiveDate: '2025-07-15' } },
    {
      type: 'EntrustEnforcement',
      data: { decisionNumber: 'UT-1', targetOfficeId: 'office-hn', itemIds: [feeItemId], effectiveDate: '2025-07-16' },
    },
    {
      type: 'EntrustEnforcement',
      data: { decisionNumber: 'UT-2', targetOfficeId: 'office-hn', effectiveDate: '2025-07-17' },
    },
  ]);
  const tracked = eventsAfter(caseInSeparateRegister(), [
    {
      type: 'TerminateEnforcement',
      data: { decisionNumber: 'ĐC-2', ground: 'DEBTOR_DIED_NO_ESTATE', effectiveDate: '2026-07-02' },
    },
  ]);
  const rejected = eventsAfter(caseReceived(), [
    { type: 'RejectEnforcementRequest', data: { ground: 'LIMITATION_EXPIRED', effectiveDate: '2025-06-03' } },
  ]);
  const missedDates = eventsAfter(caseDecided(), [
    {
      type: 'RecordMissedDeadline',
      data: { deadline: 'VERIFICATION', dueOn: '2025-06-26', effectiveDate: '2025-06-27' },
    },
    {
      type: 'RecordVerification',
      data: {
        result: 'NOT_ENFORCEABLE',
        ground: 'NO_INCOME_OR_ASSETS',
        findings: 'Nothing',
        effectiveDate: '2025-06-27',
      },
    },
    {
      type: 'DecideNotEnforceable',
      data: { decisionNumber: '9/QĐ-CĐK', ground: 'NO_INCOME_OR_ASSETS', effectiveDate: '2025-06-30' },
    },
    {
      type: 'RecordMissedDeadline',
      data: { deadline: 'REVERIFICATION', dueOn: '2025-12-30', effectiveDate: '2025-12-31' },
    },
  ]);
  const reason = 'Entered in error';
  const corrected = eventsAfter(caseInEnforcement(), [
    { type: 'ReassignOfficer', data: { officerId: 'officer-2', reason, effectiveDate: '2025-06-18' } },
    {
      type: 'AmendDecision',
      data: {
        decisionNumber: '101/QĐ-THADS',
        amendment: 'Debtor address corrected',
        reason,
        effectiveDate: '2025-06-18',
      },
    },
    retractionOf(caseInEnforcement(), 'EnforcementOfficerAssigned', {
      eventId: 'e-1',
      correctedData: { officerId: 'officer-3' },
      reason,
      effectiveDate: '2025-06-18',
    }),
    {
      type: 'WithdrawDecision',
      data: { decisionNumber: '101/QĐ-THADS', ground: 'WRONG_CONTENT', reason, effectiveDate: '2025-06-19' },
    },
    { type: 'ReopenCase', data: { reason, effectiveDate: '2025-06-20' } },
    {
      type: 'AnnulDecision',
      data: {
        decisionNumber: '101/QĐ-THADS',
        annulledBy: 'Cục THADS Hải Phòng',
        ground: 'ISSUED_WITHOUT_COMPETENCE',
        reason,
        effectiveDate: '2025-06-21',
      },
    },
  ]);
  // Law 106/2025: an on-request case not enforceable since 19 June 2025 is sent back two years on.
  const sentBack = eventsAfter(caseReverifiedTwice(), [
    { type: 'SendBackEnforcementRequest', data: { noticeNumber: '12/TB-THADS', effectiveDate: '2027-06-21' } },
  ]);
  // Rút lên: the provincial office takes up the district's case.
  const takenUp = eventsAfter(caseInEnforcement(), [
    {
      type: 'TakeUpCase',
      data: {
        decisionNumber: '7/QĐ-CTHADS',
        effectiveDate: '2025-06-20',
        official: { role: 'head', officeIds: ['HP'] },
        officeLine: [
          { officeId: 'office-hp', tier: 'DISTRICT' },
          { officeId: 'HP', tier: 'PROVINCE' },
        ],
      },
    },
  ]);
  return [sold, paused, tracked, rejected, missedDates, corrected, sentBack, takenUp];
}

const roundTrip = (event: CaseEvent): CaseEvent =>
  caseEventCodec.decode(JSON.parse(JSON.stringify(caseEventCodec.encode(event))));

describe('caseEventCodec', () => {
  it('lists every event type and the histories cover them all', () => {
    const seen = new Set(
      everyKindOfHistory()
        .flat()
        .map((event) => event.type),
    );
    expect([...seen].sort()).toEqual([...caseEventCodec.eventTypes].sort());
    expect(caseEventCodec.eventTypes).toHaveLength(34);
  });

  it('round-trips every event through JSON unchanged, and so the state', () => {
    for (const history of everyKindOfHistory()) {
      const decoded = history.map(roundTrip);
      expect(decoded).toEqual(history);
      expect(stateAfter(caseDecider, decoded)).toEqual(stateAfter(caseDecider, history));
    }
  });

  it('writes money as decimal strings', () => {
    const [received] = caseReceived();
    expect(caseEventCodec.encode(received).data).toMatchObject({
      obligations: [{ amount: '900000000' }, { amount: '45000000' }],
    });
    const reduced = everyKindOfHistory()[0].find((event) => event.type === 'AuctionPriceReduced');
    expect(reduced && caseEventCodec.encode(reduced).data).toMatchObject({
      previousPrice: '1000000000',
      newPrice: '900000000',
    });
  });

  it('refuses an unknown type and a malformed amount', () => {
    expect(() => caseEventCodec.decode({ type: 'CaseVanished', data: {} })).toThrow(DomainError);
    const collected = caseEventCodec.encode(
      everyKindOfHistory()[0].find((event) => event.type === 'FundsCollected') as CaseEvent,
    );
    expect(() => caseEventCodec.decode({ ...collected, data: { ...collected.data, amount: '1e9' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_MONEY' }),
    );
  });
});
