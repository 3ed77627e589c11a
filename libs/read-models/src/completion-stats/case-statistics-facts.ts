/**
 * The part of each case event the statistics need, and nothing else: status changes and the money of obligation
 * items. Kept as one row per event (with its effective date and position) so a case can be classified at any date,
 * as known at any position.
 */
import { assertNever, type CaseEvent, type LocalDate } from '@thads/domain';

export interface ObligationAmount {
  readonly itemId: string;
  readonly amount: bigint;
}

/** One statistically relevant change to a case. */
export type CaseStatisticsFact =
  | { readonly kind: 'RECEIVED'; readonly items: readonly ObligationAmount[] }
  | { readonly kind: 'REJECTED' }
  /** The enforcement decision: from here the case is counted (one decision = one case, Art. 3(9)). */
  | { readonly kind: 'DECIDED' }
  /** Verified or re-verified enforceable. */
  | { readonly kind: 'ENFORCEABLE' }
  /** The head's not-enforceable decision (Art. 44a); a negative verification alone changes nothing. */
  | { readonly kind: 'NOT_ENFORCEABLE' }
  | { readonly kind: 'POSTPONED'; readonly byAgreement: boolean }
  | { readonly kind: 'SUSPENDED' }
  | { readonly kind: 'RESUMED' }
  | { readonly kind: 'COLLECTED'; readonly itemId: string; readonly amount: bigint }
  | { readonly kind: 'TERMINATED'; readonly itemIds: readonly string[]; readonly wholeCase: boolean }
  | { readonly kind: 'SETTLED' }
  | { readonly kind: 'ENTRUSTED'; readonly itemIds: readonly string[]; readonly wholeCase: boolean }
  | { readonly kind: 'SEPARATELY_TRACKED' }
  /** The enforcement decision was withdrawn or annulled (Art. 37): the case drops out of the count. */
  | { readonly kind: 'WITHDRAWN' }
  /** A closed case is open again, in this status. */
  | { readonly kind: 'REOPENED'; readonly status: string }
  /**
   * An earlier fact of this case no longer counts (CorrectRecordedFact, TT 04/2023 Art. 36): the latest earlier fact
   * of `retractedType` dated `retractedEffectiveDate`. Stored under that date, so a period it fell in is affected.
   */
  | { readonly kind: 'RETRACTED'; readonly retractedType: string; readonly retractedEffectiveDate: LocalDate };

/** A fact with the legal date it took effect on. Facts of one case are kept in stream order. */
export interface DatedFact {
  readonly effectiveDate: LocalDate;
  readonly fact: CaseStatisticsFact;
  /** The event type the fact came from; a retraction names the fact it undoes by it. */
  readonly eventType?: string;
}

/** The statistics fact of a case event, or null for an event that changes no figure (officers, assets, coercion…). */
export function statisticsFactOf(event: CaseEvent): CaseStatisticsFact | null {
  switch (event.type) {
    case 'CaseReceived':
      return { kind: 'RECEIVED', items: event.data.obligations.map(({ itemId, amount }) => ({ itemId, amount })) };
    case 'EnforcementRequestRejected':
      return { kind: 'REJECTED' };
    case 'EnforcementDecisionIssued':
      return { kind: 'DECIDED' };
    case 'EnforcementConditionsVerified':
    case 'ConditionsReverified':
      return event.data.result === 'ENFORCEABLE' ? { kind: 'ENFORCEABLE' } : null;
    case 'NotEnforceableDecided':
      return { kind: 'NOT_ENFORCEABLE' };
    case 'EnforcementPostponed':
      // Art. 48(1)(c): postponed by agreement of the parties stays enforceable under TT 06/2019 (thads-domain.md §6.4).
      return { kind: 'POSTPONED', byAgreement: event.data.ground === 'PARTIES_AGREE' };
    case 'EnforcementSuspended':
      return { kind: 'SUSPENDED' };
    case 'EnforcementResumed':
      return { kind: 'RESUMED' };
    case 'FundsCollected':
      return { kind: 'COLLECTED', itemId: event.data.itemId, amount: event.data.amount };
    case 'EnforcementTerminated':
      return { kind: 'TERMINATED', itemIds: event.data.itemIds, wholeCase: true };
    case 'ObligationItemsTerminated':
      return { kind: 'TERMINATED', itemIds: event.data.itemIds, wholeCase: false };
    case 'CaseSettled':
      return { kind: 'SETTLED' };
    case 'EnforcementEntrusted':
      return { kind: 'ENTRUSTED', itemIds: event.data.itemIds, wholeCase: event.data.wholeCase };
    case 'MovedToSeparateTrackingRegister':
      return { kind: 'SEPARATELY_TRACKED' };
    case 'DecisionWithdrawn':
    case 'DecisionAnnulled':
      return { kind: 'WITHDRAWN' };
    case 'CaseReopened':
      return { kind: 'REOPENED', status: event.data.reopenedStatus };
    case 'FactRetracted':
      // A retraction of an event that carries no figure (an officer, an asset step…) changes no figure either.
      return event.data.retractedEffectiveDate === null || !FACT_BEARING_TYPES.has(event.data.retractedType)
        ? null
        : { kind: 'RETRACTED', retractedType: event.data.retractedType, retractedEffectiveDate: event.data.retractedEffectiveDate };
    case 'DecisionAmended':
    case 'OfficerReassigned':
    case 'EnforcementOfficerAssigned':
    case 'SecurityMeasureApplied':
    case 'CoercionDecided':
    case 'AssetSeized':
    case 'AssetValued':
    case 'AssetSoldAtAuction':
    case 'AuctionFailed':
    case 'AuctionPriceReduced':
    case 'FundsDisbursed':
    case 'VerificationDeadlineMissed':
    case 'ReverificationDeadlineMissed':
      return null;
    default:
      return assertNever(event, 'case event');
  }
}

/** Event types that carry a statistics fact: only their retraction changes a figure. */
const FACT_BEARING_TYPES: ReadonlySet<string> = new Set([
  'CaseReceived', 'EnforcementRequestRejected', 'EnforcementDecisionIssued', 'EnforcementConditionsVerified', 'ConditionsReverified',
  'NotEnforceableDecided', 'EnforcementPostponed', 'EnforcementSuspended', 'EnforcementResumed', 'FundsCollected',
  'EnforcementTerminated', 'ObligationItemsTerminated', 'CaseSettled', 'EnforcementEntrusted', 'MovedToSeparateTrackingRegister',
  'DecisionWithdrawn', 'DecisionAnnulled', 'CaseReopened',
]);

/**
 * A case's facts (stream order) with retractions honoured: each RETRACTED fact removes the latest earlier fact of its
 * type and date, and is removed itself. Pure; what is "known" was chosen by the caller, so a close that did not yet
 * know the retraction keeps the fact (its snapshot stays as it was) and later reports see the correction.
 */
export function withoutRetractedFacts(facts: readonly DatedFact[]): readonly DatedFact[] {
  if (!facts.some(({ fact }) => fact.kind === 'RETRACTED')) return facts;
  const kept: (DatedFact | null)[] = [...facts];
  kept.forEach((entry, index) => {
    if (entry?.fact.kind !== 'RETRACTED') return;
    const { retractedType, retractedEffectiveDate } = entry.fact;
    kept[index] = null;
    for (let earlier = index - 1; earlier >= 0; earlier -= 1) {
      const candidate = kept[earlier];
      if (candidate?.eventType === retractedType && candidate.effectiveDate === retractedEffectiveDate) {
        kept[earlier] = null;
        return;
      }
    }
  });
  return kept.filter((entry): entry is DatedFact => entry !== null);
}

/** The stored JSON of a fact: amounts as decimal strings. Deterministic, so a rebuild writes the same bytes. */
export function encodeFact(fact: CaseStatisticsFact): string {
  return JSON.stringify(fact, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

/** Reads back a stored fact; the only money fields are `amount` and `items[].amount`. */
export function decodeFact(json: string): CaseStatisticsFact {
  const parsed = JSON.parse(json) as { kind: string; amount?: string; items?: { itemId: string; amount: string }[] };
  if (parsed.kind === 'RECEIVED') return { kind: 'RECEIVED', items: (parsed.items ?? []).map((item) => ({ itemId: item.itemId, amount: BigInt(item.amount) })) };
  if (parsed.kind === 'COLLECTED') return { ...(parsed as object), amount: BigInt(parsed.amount ?? '0') } as CaseStatisticsFact;
  return parsed as CaseStatisticsFact;
}
