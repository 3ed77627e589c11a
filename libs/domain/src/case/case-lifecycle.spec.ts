import { CASE_FIXTURE, eventsAfter, issueDecisionCommand, receiveCaseCommand, stateAfter } from '@thads/testing';
import type { CaseCommand } from './case-commands';
import { caseDecider } from './case-decider';
import type { CaseEvent } from './case-events';
import type { CaseStatus } from './case-state';

const { assetId, debtItemId, feeItemId, creditorId, debtAmount, feeAmount } = CASE_FIXTURE;

/**
 * One case from receipt to completion, each step with the event it must produce, the status it leaves, and the
 * deadline it starts. Dates are 2025 working days clear of public holidays unless the row says otherwise.
 */
const story: [CaseCommand, CaseEvent['type'], CaseStatus, Record<string, unknown>][] = [
  [receiveCaseCommand(), 'CaseReceived', 'intake', { decisionDueOn: '2025-06-09' }],
  // Served Thu 5 June: the 10th day is Sunday 15 June, so the period ends Monday 16 June (Civil Code Art. 148(5)).
  [
    issueDecisionCommand(),
    'EnforcementDecisionIssued',
    'decided',
    { voluntaryPeriodEndsOn: '2025-06-16', verificationDueOn: '2025-06-26', issuedLate: false },
  ],
  [
    { type: 'AssignEnforcementOfficer', data: { officerId: 'officer-1', effectiveDate: '2025-06-04' } },
    'EnforcementOfficerAssigned',
    'decided',
    { caseFileDueOn: '2025-06-06' },
  ],
  [
    {
      type: 'RecordVerification',
      data: { result: 'ENFORCEABLE', findings: 'Owns a house', effectiveDate: '2025-06-17' },
    },
    'EnforcementConditionsVerified',
    'enforceable',
    {},
  ],
  [
    {
      type: 'DecideCoercion',
      data: {
        decisionNumber: '7/QĐ-CCTHA',
        measure: 'SEIZE_AND_SELL',
        scheduledAt: '2025-06-20T08:00',
        effectiveDate: '2025-06-18',
      },
    },
    'CoercionDecided',
    'enforceable',
    {},
  ],
  // Seized on a Friday: 5 working days run over the weekend to the next Friday.
  [
    { type: 'SeizeAsset', data: { assetId, kind: 'REAL_ESTATE', description: 'House', effectiveDate: '2025-06-20' } },
    'AssetSeized',
    'enforceable',
    { valuerContractDueOn: '2025-06-27' },
  ],
  [
    {
      type: 'RecordValuation',
      data: { assetId, value: 1_000_000_000n, valuer: 'Valuer Co.', effectiveDate: '2025-07-01' },
    },
    'AssetValued',
    'enforceable',
    { auctionContractDueOn: '2025-07-11' },
  ],
  [
    { type: 'RecordAuctionResult', data: { assetId, outcome: 'FAILED', effectiveDate: '2025-08-05' } },
    'AuctionFailed',
    'enforceable',
    { startingPrice: 1_000_000_000n },
  ],
  [
    { type: 'ReduceAuctionPrice', data: { assetId, newPrice: 900_000_000n, effectiveDate: '2025-08-12' } },
    'AuctionPriceReduced',
    'enforceable',
    { reductionNumber: 1 },
  ],
  [
    {
      type: 'RecordAuctionResult',
      data: { assetId, outcome: 'SOLD', price: 950_000_000n, effectiveDate: '2025-09-09' },
    },
    'AssetSoldAtAuction',
    'enforceable',
    { buyerPaymentDueOn: '2025-10-09' },
  ],
  [
    {
      type: 'RecordCollection',
      data: {
        collectionId: 'c-1',
        itemId: debtItemId,
        amount: debtAmount,
        source: 'AUCTION_PROCEEDS',
        receiptNumber: 'BL-7',
        effectiveDate: '2025-09-30',
      },
    },
    'FundsCollected',
    'enforceable',
    { disbursementDueOn: '2025-10-10' },
  ],
  [
    {
      type: 'RecordCollection',
      data: {
        collectionId: 'c-2',
        itemId: feeItemId,
        amount: feeAmount,
        source: 'AUCTION_PROCEEDS',
        effectiveDate: '2025-09-30',
      },
    },
    'FundsCollected',
    'enforceable',
    {},
  ],
  [
    {
      type: 'DisburseFunds',
      data: {
        disbursementId: 'd-1',
        itemId: debtItemId,
        amount: debtAmount,
        payeePartyId: creditorId,
        effectiveDate: '2025-10-03',
      },
    },
    'FundsDisbursed',
    'enforceable',
    {},
  ],
  [
    {
      type: 'DisburseFunds',
      data: { disbursementId: 'd-2', itemId: feeItemId, amount: feeAmount, effectiveDate: '2025-10-03' },
    },
    'FundsDisbursed',
    'enforceable',
    {},
  ],
  [
    { type: 'Settle', data: { effectiveDate: '2025-10-06' } },
    'CaseSettled',
    'settled',
    { enforcedItemIds: [debtItemId, feeItemId] },
  ],
];

describe('case: a full lifecycle, receipt to settlement', () => {
  let history: CaseEvent[] = [];

  it.each(story.map((row, index) => [index + 1, row[0].type, ...row] as const))(
    'step %i: %s',
    (_step, _name, command, eventType, status, expectedData) => {
      const before = history.length;
      history = eventsAfter(history, [command]);
      const produced = history.slice(before);
      expect(produced.map((event) => event.type)).toEqual([eventType]);
      expect(produced[0].data).toMatchObject({
        caseId: CASE_FIXTURE.caseId,
        officeId: CASE_FIXTURE.officeId,
        effectiveDate: command.data.effectiveDate,
        ruleSet: 'LAW_2008_2014',
        ...expectedData,
      });
      expect(stateAfter(caseDecider, history).status).toBe(status);
    },
  );

  it('ends with every item collected and paid out and the asset sold', () => {
    const state = stateAfter(caseDecider, history);
    if (state.status !== 'settled') throw new Error(`expected settled, got ${state.status}`);
    expect(state.facts.items).toEqual([
      {
        itemId: debtItemId,
        kind: 'DEBT',
        description: 'Repay the loan',
        amount: debtAmount,
        collected: debtAmount,
        disbursed: debtAmount,
        status: 'open',
      },
      {
        itemId: feeItemId,
        kind: 'COURT_FEE',
        description: 'Court fee',
        amount: feeAmount,
        collected: feeAmount,
        disbursed: feeAmount,
        status: 'open',
      },
    ]);
    expect(state.facts.assets).toEqual([
      {
        assetId,
        kind: 'REAL_ESTATE',
        status: 'sold',
        startingPrice: 900_000_000n,
        priceReductions: 1,
        valuerContractDueOn: '2025-06-27',
      },
    ]);
    expect(state.decision).toEqual({
      decisionNumber: '101/QĐ-THADS',
      decidedOn: '2025-06-04',
      voluntaryPeriodEndsOn: '2025-06-16',
      verificationDueOn: '2025-06-26',
    });
    expect(state.facts.officerId).toBe('officer-1');
    expect(state.facts.lastEffectiveDate).toBe('2025-10-06');
  });
});
