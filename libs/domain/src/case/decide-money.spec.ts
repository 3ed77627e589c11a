import {
  CASE_FIXTURE,
  caseDecided,
  caseInEnforcement,
  caseInSeparateRegister,
  caseNotEnforceable,
  caseReceived,
  deciderSpec,
  eventsAfter,
} from '@thads/testing';
import type { CaseCommand, RecordCollection } from './case-commands';
import { caseDecider } from './case-decider';

const spec = deciderSpec(caseDecider);
const base = { caseId: CASE_FIXTURE.caseId, officeId: CASE_FIXTURE.officeId, ruleSet: 'LAW_2008_2014' as const };
const { debtItemId, feeItemId, creditorId, debtorId, debtAmount, feeAmount } = CASE_FIXTURE;

function collect(collectionId: string, itemId: string, amount: bigint, effectiveDate: string): RecordCollection {
  return { type: 'RecordCollection', data: { collectionId, itemId, amount, source: 'VOLUNTARY', effectiveDate } };
}
function disburse(
  disbursementId: string,
  itemId: string,
  amount: bigint,
  effectiveDate: string,
  payeePartyId?: string,
): CaseCommand {
  return { type: 'DisburseFunds', data: { disbursementId, itemId, amount, payeePartyId, effectiveDate } };
}
function terminateItems(itemIds: string[], effectiveDate: string): CaseCommand {
  return {
    type: 'TerminateEnforcement',
    data: { decisionNumber: 'ĐC-1', ground: 'SETTLEMENT_OR_WAIVER', itemIds, effectiveDate },
  };
}
const settle = (effectiveDate: string): CaseCommand => ({ type: 'Settle', data: { effectiveDate } });
const pause: Record<'postponed' | 'suspended', CaseCommand> = {
  postponed: {
    type: 'PostponeEnforcement',
    data: { decisionNumber: 'H-1', ground: 'PARTIES_AGREE', effectiveDate: '2025-06-18' },
  },
  suspended: {
    type: 'SuspendEnforcement',
    data: { decisionNumber: 'T-1', ground: 'BANKRUPTCY_PETITION_ACCEPTED', effectiveDate: '2025-06-18' },
  },
};

/** Both items paid voluntarily on 10 June and paid out on 12 June, inside the voluntary period. */
const paidInFull = () =>
  eventsAfter(caseDecided(), [
    collect('c-1', debtItemId, debtAmount, '2025-06-10'),
    collect('c-2', feeItemId, feeAmount, '2025-06-10'),
    disburse('d-1', debtItemId, debtAmount, '2025-06-12', creditorId),
    disburse('d-2', feeItemId, feeAmount, '2025-06-12'),
  ]);

describe('case: RecordCollection', () => {
  it('takes a voluntary payment during the voluntary period; paid out within 10 days (Art. 47)', () => {
    const command = collect('c-1', debtItemId, 100_000_000n, '2025-06-10');
    spec
      .given(caseDecided())
      .when({ ...command, data: { ...command.data, receiptNumber: 'BL-0001' } })
      .then([
        {
          type: 'FundsCollected',
          data: {
            ...base,
            effectiveDate: '2025-06-10',
            collectionId: 'c-1',
            itemId: debtItemId,
            amount: 100_000_000n,
            source: 'VOLUNTARY',
            receiptNumber: 'BL-0001',
            disbursementDueOn: '2025-06-20',
          },
        },
      ]);
  });

  it('moves a disbursement deadline that falls on a Saturday to Monday (Civil Code Art. 148(5))', () => {
    spec
      .given(caseDecided())
      .when(collect('c-1', debtItemId, 1n, '2025-06-11'))
      .thenEvents(([event]) => expect(event.data).toMatchObject({ disbursementDueOn: '2025-06-23' }));
  });

  it.each<[string, () => ReturnType<typeof caseDecided>]>([
    ['enforceable', caseInEnforcement],
    ['not enforceable', caseNotEnforceable],
    ['postponed', () => eventsAfter(caseInEnforcement(), [pause.postponed])],
    ['suspended', () => eventsAfter(caseInEnforcement(), [pause.suspended])],
  ])('takes a payment while the case is %s', (_label, history) => {
    spec
      .given(history())
      .when(collect('c-1', debtItemId, 1n, '2025-06-20'))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('refuses money before the decision and in the separate register', () => {
    spec
      .given(caseReceived())
      .when(collect('c-1', debtItemId, 1n, '2025-06-03'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'intake', command: 'RecordCollection' });
    spec
      .given(caseInSeparateRegister())
      .when(collect('c-1', debtItemId, 1n, '2026-06-22'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'separately_tracked' });
  });

  it('never collects beyond what is owed on the item', () => {
    spec
      .given(eventsAfter(caseDecided(), [collect('c-1', debtItemId, 800_000_000n, '2025-06-10')]))
      .when(collect('c-2', debtItemId, 100_000_001n, '2025-06-11'))
      .thenThrows('COLLECTION_EXCEEDS_OUTSTANDING', {
        itemId: debtItemId,
        amount: '100000001',
        outstanding: '100000000',
      });
  });

  it('collects only on an open item of the case', () => {
    spec
      .given(caseDecided())
      .when(collect('c-1', 'item-x', 1n, '2025-06-10'))
      .thenThrows('ITEM_NOT_FOUND', { itemId: 'item-x' });
    spec
      .given(eventsAfter(caseDecided(), [terminateItems([feeItemId], '2025-06-10')]))
      .when(collect('c-1', feeItemId, 1n, '2025-06-10'))
      .thenThrows('ITEM_NOT_OPEN', { itemId: feeItemId, itemStatus: 'terminated' });
  });

  it('needs a positive whole amount and a new collection id', () => {
    spec
      .given(caseDecided())
      .when(collect('c-1', debtItemId, 0n, '2025-06-10'))
      .thenThrows('INVALID_AMOUNT', { field: 'amount', value: '0' });
    spec
      .given(caseDecided())
      .when(collect('c-1', debtItemId, -5n, '2025-06-10'))
      .thenThrows('INVALID_MONEY', { field: 'amount' });
    spec
      .given(caseDecided())
      .when(collect('', debtItemId, 1n, '2025-06-10'))
      .thenThrows('MISSING_FIELD', { field: 'collectionId' });
    spec
      .given(eventsAfter(caseDecided(), [collect('c-1', debtItemId, 1n, '2025-06-10')]))
      .when(collect('c-1', debtItemId, 1n, '2025-06-10'))
      .thenThrows('DUPLICATE_COLLECTION_ID', { collectionId: 'c-1' });
  });
});

describe('case: DisburseFunds', () => {
  const collected = () =>
    eventsAfter(caseDecided(), [
      collect('c-1', debtItemId, 300_000_000n, '2025-06-10'),
      collect('c-2', feeItemId, feeAmount, '2025-06-10'),
    ]);

  it('pays a creditor out of what was collected on the item', () => {
    spec
      .given(collected())
      .when(disburse('d-1', debtItemId, 300_000_000n, '2025-06-12', creditorId))
      .then([
        {
          type: 'FundsDisbursed',
          data: {
            ...base,
            effectiveDate: '2025-06-12',
            disbursementId: 'd-1',
            itemId: debtItemId,
            amount: 300_000_000n,
            payeePartyId: creditorId,
          },
        },
      ]);
  });

  it('pays the state budget when no payee is named', () => {
    spec
      .given(collected())
      .when(disburse('d-1', feeItemId, feeAmount, '2025-06-12'))
      .thenEvents(([event]) => expect(event.data).not.toHaveProperty('payeePartyId'));
  });

  it('never pays out more than is held on the item', () => {
    spec
      .given(eventsAfter(collected(), [disburse('d-1', debtItemId, 200_000_000n, '2025-06-12', creditorId)]))
      .when(disburse('d-2', debtItemId, 100_000_001n, '2025-06-13', creditorId))
      .thenThrows('DISBURSEMENT_EXCEEDS_COLLECTED', { itemId: debtItemId, held: '100000000', amount: '100000001' });
  });

  it('still pays out money collected before the item was terminated', () => {
    spec
      .given(eventsAfter(collected(), [terminateItems([debtItemId], '2025-06-12')]))
      .when(disburse('d-1', debtItemId, 300_000_000n, '2025-06-12', creditorId))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('pays only a creditor of the case', () => {
    spec
      .given(collected())
      .when(disburse('d-1', debtItemId, 1n, '2025-06-12', debtorId))
      .thenThrows('PAYEE_NOT_A_CREDITOR', { payeePartyId: debtorId, role: 'DEBTOR' });
    spec
      .given(collected())
      .when(disburse('d-1', debtItemId, 1n, '2025-06-12', 'nobody'))
      .thenThrows('PAYEE_NOT_A_CREDITOR', { payeePartyId: 'nobody', role: null });
  });

  it('refuses an unknown item, a zero amount and a repeated id', () => {
    spec
      .given(collected())
      .when(disburse('d-1', 'item-x', 1n, '2025-06-12'))
      .thenThrows('ITEM_NOT_FOUND');
    spec
      .given(collected())
      .when(disburse('d-1', debtItemId, 0n, '2025-06-12'))
      .thenThrows('INVALID_AMOUNT', { field: 'amount' });
    spec
      .given(eventsAfter(collected(), [disburse('d-1', feeItemId, 1n, '2025-06-12')]))
      .when(disburse('d-1', feeItemId, 1n, '2025-06-12'))
      .thenThrows('DUPLICATE_DISBURSEMENT_ID', { disbursementId: 'd-1' });
  });
});

describe('case: Settle', () => {
  it('settles a case paid and paid out in full, even inside the voluntary period (Art. 52(1))', () => {
    spec
      .given(paidInFull())
      .when(settle('2025-06-13'))
      .then([
        {
          type: 'CaseSettled',
          data: { ...base, effectiveDate: '2025-06-13', enforcedItemIds: [debtItemId, feeItemId] },
        },
      ]);
  });

  it('settles when the items not enforced were terminated', () => {
    const history = eventsAfter(caseInEnforcement(), [
      terminateItems([feeItemId], '2025-06-18'),
      collect('c-1', debtItemId, debtAmount, '2025-06-18'),
      disburse('d-1', debtItemId, debtAmount, '2025-06-19', creditorId),
    ]);
    spec
      .given(history)
      .when(settle('2025-06-20'))
      .thenEvents(([event]) => expect(event.data).toMatchObject({ enforcedItemIds: [debtItemId] }));
  });

  it('lists what is still outstanding', () => {
    const history = eventsAfter(caseDecided(), [
      collect('c-1', debtItemId, debtAmount, '2025-06-10'),
      disburse('d-1', debtItemId, 1n, '2025-06-12', creditorId),
    ]);
    spec
      .given(history)
      .when(settle('2025-06-13'))
      .thenThrows('SETTLEMENT_INCOMPLETE', {
        outstanding: [
          { itemId: debtItemId, status: 'open', amount: '900000000', collected: '900000000', disbursed: '1' },
          { itemId: feeItemId, status: 'open', amount: '45000000', collected: '0', disbursed: '0' },
        ],
      });
  });

  it('never closes a case holding money, even on a terminated item', () => {
    const history = eventsAfter(caseInEnforcement(), [
      collect('c-1', feeItemId, 1_000_000n, '2025-06-18'),
      terminateItems([feeItemId], '2025-06-18'),
      collect('c-2', debtItemId, debtAmount, '2025-06-18'),
      disburse('d-1', debtItemId, debtAmount, '2025-06-19', creditorId),
    ]);
    spec
      .given(history)
      .when(settle('2025-06-20'))
      .thenThrows('SETTLEMENT_INCOMPLETE', {
        outstanding: [{ itemId: feeItemId, status: 'terminated', collected: '1000000', disbursed: '0' }],
      });
  });

  it('is a termination, not a completion, when nothing was enforced', () => {
    spec
      .given(eventsAfter(caseInEnforcement(), [terminateItems([debtItemId, feeItemId], '2025-06-18')]))
      .when(settle('2025-06-20'))
      .thenThrows('NOTHING_ENFORCED', {
        items: [
          { itemId: debtItemId, status: 'terminated' },
          { itemId: feeItemId, status: 'terminated' },
        ],
      });
  });

  it('settles only a decided or enforceable case', () => {
    spec
      .given(caseNotEnforceable())
      .when(settle('2025-06-20'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'not_enforceable', command: 'Settle' });
    spec
      .given(eventsAfter(caseInEnforcement(), [pause.postponed]))
      .when(settle('2025-06-20'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'postponed' });
  });
});
