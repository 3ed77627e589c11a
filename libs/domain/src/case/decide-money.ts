import type { DisburseFunds, RecordCollection, Settle } from './case-commands';
import type { CaseEvent } from './case-events';
import {
  ensureRule,
  eventData,
  legalDueDate,
  requireItem,
  requirePositiveMoney,
  requireStatus,
  requireText,
} from './case-rules';
import { heldOf, isFullyEnforced, outstandingOf, type ExistingCase, type ObligationItem } from './case-state';

/** Money in and out per obligation item (Art. 47, 76–83), and completion (Art. 52(1)). */

/**
 * Money moves from the decision on: the debtor may pay voluntarily during the voluntary period (Art. 45(1)), and
 * also while the case is not enforceable, postponed or suspended, since a voluntary payment or the proceeds of an
 * earlier sale must still be received and paid out. Not in the separate register: a payment there is new
 * information, recorded first as a re-verification that makes the case enforceable again.
 */
const MONEY_STATUSES = ['decided', 'enforceable', 'not_enforceable', 'postponed', 'suspended'] as const;

/** A collection on one open item, never beyond what is still owed on it. */
export function decideRecordCollection(command: RecordCollection, state: ExistingCase): readonly CaseEvent[] {
  const { facts } = requireStatus(state, MONEY_STATUSES, command.type);
  const { effectiveDate, source, receiptNumber } = command.data;
  const collectionId = requireText(command.data.collectionId, 'collectionId');
  ensureRule(
    !facts.collectionIds.includes(collectionId),
    'DUPLICATE_COLLECTION_ID',
    `Collection ${collectionId} was already recorded`,
    { collectionId },
  );
  const item = requireItem(facts, command.data.itemId);
  ensureRule(
    item.status === 'open',
    'ITEM_NOT_OPEN',
    `Item ${item.itemId} is ${item.status}: nothing more is collected on it`,
    {
      itemId: item.itemId,
      itemStatus: item.status,
    },
  );
  const amount = requirePositiveMoney(command.data.amount, 'amount');
  const outstanding = outstandingOf(item);
  ensureRule(
    amount <= outstanding,
    'COLLECTION_EXCEEDS_OUTSTANDING',
    `Only ${outstanding} VND is still owed on item ${item.itemId}`,
    {
      field: 'amount',
      itemId: item.itemId,
      amount: amount.toString(),
      outstanding: outstanding.toString(),
    },
  );
  return [
    {
      type: 'FundsCollected',
      data: eventData(facts, effectiveDate, {
        collectionId,
        itemId: item.itemId,
        amount,
        source,
        ...(receiptNumber === undefined ? {} : { receiptNumber }),
        disbursementDueOn: legalDueDate('DISBURSEMENT', effectiveDate),
      }),
    },
  ];
}

/**
 * A payment out of what was collected on one item (Art. 47): never more than is held on it. Money collected before
 * an item was terminated or entrusted is still paid out. The payee, when named, is a creditor of the case.
 */
export function decideDisburseFunds(command: DisburseFunds, state: ExistingCase): readonly CaseEvent[] {
  const { facts } = requireStatus(state, MONEY_STATUSES, command.type);
  const { effectiveDate, payeePartyId } = command.data;
  const disbursementId = requireText(command.data.disbursementId, 'disbursementId');
  ensureRule(
    !facts.disbursementIds.includes(disbursementId),
    'DUPLICATE_DISBURSEMENT_ID',
    `Disbursement ${disbursementId} was already recorded`,
    {
      disbursementId,
    },
  );
  const item = requireItem(facts, command.data.itemId);
  const amount = requirePositiveMoney(command.data.amount, 'amount');
  const held = heldOf(item);
  ensureRule(
    amount <= held,
    'DISBURSEMENT_EXCEEDS_COLLECTED',
    `Only ${held} VND collected on item ${item.itemId} is not yet paid out`,
    {
      field: 'amount',
      itemId: item.itemId,
      amount: amount.toString(),
      held: held.toString(),
    },
  );
  if (payeePartyId !== undefined) {
    const payee = facts.parties.find((party) => party.partyId === payeePartyId);
    ensureRule(payee?.role === 'CREDITOR', 'PAYEE_NOT_A_CREDITOR', `${payeePartyId} is not a creditor of this case`, {
      field: 'payeePartyId',
      payeePartyId,
      role: payee?.role ?? null,
    });
  }
  return [
    {
      type: 'FundsDisbursed',
      data: eventData(facts, effectiveDate, {
        disbursementId,
        itemId: item.itemId,
        amount,
        ...(payeePartyId === undefined ? {} : { payeePartyId }),
      }),
    },
  ];
}

/**
 * Thi hành xong (Art. 52(1)): every open item collected and paid out in full, no money left held on any item, and at
 * least one item enforced: a case whose items were all terminated or entrusted ends by termination or entrustment.
 * A 0-VND (non-monetary) item counts as enforced when the case is settled: the officer's Settle confirms it.
 */
export function decideSettle(command: Settle, state: ExistingCase): readonly CaseEvent[] {
  const { facts } = requireStatus(state, ['decided', 'enforceable'], command.type);
  const outstanding = facts.items.filter(
    (item) => (item.status === 'open' && !isFullyEnforced(item)) || heldOf(item) > 0n,
  );
  ensureRule(
    outstanding.length === 0,
    'SETTLEMENT_INCOMPLETE',
    'Some items are not yet collected and paid out in full',
    {
      outstanding: outstanding.map(describeMoney),
    },
  );
  const enforcedItemIds = facts.items.filter((item) => item.status === 'open').map((item) => item.itemId);
  ensureRule(
    enforcedItemIds.length > 0,
    'NOTHING_ENFORCED',
    'No item was enforced: terminate or entrust the case instead',
    {
      items: facts.items.map((item) => ({ itemId: item.itemId, status: item.status })),
    },
  );
  return [{ type: 'CaseSettled', data: eventData(facts, command.data.effectiveDate, { enforcedItemIds }) }];
}

function describeMoney(item: ObligationItem) {
  return {
    itemId: item.itemId,
    status: item.status,
    amount: item.amount.toString(),
    collected: item.collected.toString(),
    disbursed: item.disbursed.toString(),
  };
}
