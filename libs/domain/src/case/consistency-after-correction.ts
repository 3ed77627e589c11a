import type { CaseState } from './case-state';
import { heldOf, isFullyEnforced } from './case-state';
import { ensureRule } from './case-rules';
import { DomainError } from '../shared/domain-error';

/**
 * The rules a corrected case history must still keep. Commands keep them one step at a time
 * (COLLECTION_EXCEEDS_OUTSTANDING, DISBURSEMENT_EXCEEDS_COLLECTED, SETTLEMENT_INCOMPLETE); a correction rewrites an
 * earlier step, so the command path folds the corrected history and checks it as a whole with this:
 * - on each obligation item, collected ≤ owed and paid out ≤ collected (CORRECTION_BREAKS_MONEY);
 * - every later fact still follows from the facts before it (CORRECTION_BREAKS_HISTORY): retracting a postponement
 *   that was later resumed, say, would leave the resumption without its ground;
 * - a settled case still has every open item collected and paid out in full (CORRECTION_BREAKS_SETTLEMENT): a
 *   collection found to be smaller than recorded means the case was not complete, so the settlement goes first.
 */
export function ensureCaseConsistentAfterCorrection(foldCorrected: () => CaseState): void {
  const state = foldCorrectedHistory(foldCorrected);
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

function foldCorrectedHistory(foldCorrected: () => CaseState): CaseState {
  try {
    return foldCorrected();
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'CASE_HISTORY_INCONSISTENT') throw error;
    throw new DomainError(
      'CORRECTION_BREAKS_HISTORY',
      `This correction would leave a later fact without its ground (${String(error.details['reason'])}): retract the later facts first`,
      { brokenBy: error.details['eventType'], reason: error.details['reason'] },
    );
  }
}
