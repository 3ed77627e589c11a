import type { CaseState } from './case-state';
import { heldOf, isFullyEnforced } from './case-state';
import { ensureRule } from './case-rules';

/**
 * The rules a corrected case history must still keep. Commands keep them one step at a time
 * (COLLECTION_EXCEEDS_OUTSTANDING, DISBURSEMENT_EXCEEDS_COLLECTED, SETTLEMENT_INCOMPLETE); a correction rewrites an
 * earlier step, so the command path folds the corrected history and checks it as a whole with this:
 * - on each obligation item, collected ≤ owed and paid out ≤ collected (CORRECTION_BREAKS_MONEY);
 * - a settled case still has every open item collected and paid out in full (CORRECTION_BREAKS_SETTLEMENT): a
 *   collection found to be smaller than recorded means the case was not complete, so the settlement goes first.
 */
export function ensureCaseConsistentAfterCorrection(state: CaseState): void {
  if (state.status === 'none') return;
  for (const item of state.facts.items) {
    ensureRule(
      item.collected <= item.amount,
      'CORRECTION_BREAKS_MONEY',
      `Item ${item.itemId} would have ${item.collected} VND collected of ${item.amount} owed`,
      {
        itemId: item.itemId,
        field: 'collected',
        collected: item.collected.toString(),
        amount: item.amount.toString(),
      },
    );
    ensureRule(
      item.disbursed <= item.collected,
      'CORRECTION_BREAKS_MONEY',
      `Item ${item.itemId} would have ${item.disbursed} VND paid out of ${item.collected} collected`,
      {
        itemId: item.itemId,
        field: 'disbursed',
        disbursed: item.disbursed.toString(),
        collected: item.collected.toString(),
      },
    );
  }
  if (state.status !== 'settled') return;
  const outstanding = state.facts.items.filter(
    (item) => (item.status === 'open' && !isFullyEnforced(item)) || heldOf(item) > 0n,
  );
  ensureRule(
    outstanding.length === 0,
    'CORRECTION_BREAKS_SETTLEMENT',
    'The case is settled and this correction leaves items not collected and paid out in full: retract the settlement first',
    {
      outstanding: outstanding.map((item) => ({
        itemId: item.itemId,
        amount: item.amount.toString(),
        collected: item.collected.toString(),
        disbursed: item.disbursed.toString(),
      })),
    },
  );
}
