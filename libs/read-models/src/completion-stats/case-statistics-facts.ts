/**
 * The part of each case event the statistics need, and nothing else: status changes and the money of obligation
 * items. Kept as one row per event (with its effective date and position) so a case can be classified at any date,
 * as known at any position.
 */
import {
  assertNever,
  caseEventCodec,
  type CaseEvent,
  type FactRetracted,
  type JsonRecord,
  type LocalDate,
} from '@thads/domain';

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
   * An earlier event of this case no longer counts as recorded (CorrectRecordedFact, TT 04/2023 Art. 36): the fact of
   * event `retractedEventId` is dropped, or replaced by the fact of the corrected event when the correction gives one.
   */
  | {
      readonly kind: 'RETRACTED';
      readonly retractedEventId: string;
      readonly retractedEffectiveDate: LocalDate;
      readonly replacement: ReplacementFact | null;
    };

/** The fact of a corrected event, with the date the corrected event takes effect on. */
export interface ReplacementFact {
  readonly effectiveDate: LocalDate;
  readonly eventType: string;
  readonly fact: CaseStatisticsFact;
}

/** A fact with the legal date it took effect on. Facts of one case are kept in stream order. */
export interface DatedFact {
  readonly effectiveDate: LocalDate;
  readonly fact: CaseStatisticsFact;
  /** The event type the fact came from. */
  readonly eventType?: string;
  /** The event the fact came from: a retraction names the fact it undoes by it. */
  readonly eventId?: string;
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
      return retractionFactOf(event);
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
  'CaseReceived',
  'EnforcementRequestRejected',
  'EnforcementDecisionIssued',
  'EnforcementConditionsVerified',
  'ConditionsReverified',
  'NotEnforceableDecided',
  'EnforcementPostponed',
  'EnforcementSuspended',
  'EnforcementResumed',
  'FundsCollected',
  'EnforcementTerminated',
  'ObligationItemsTerminated',
  'CaseSettled',
  'EnforcementEntrusted',
  'MovedToSeparateTrackingRegister',
  'DecisionWithdrawn',
  'DecisionAnnulled',
  'CaseReopened',
]);

/**
 * The fact of a retraction, or null when neither the retracted event nor its correction carries a figure (an officer,
 * an asset step…). The event carries the retracted event's data, so the corrected event is rebuilt here exactly as
 * the command path folds it: correctedData laid over the original data.
 */
function retractionFactOf(event: FactRetracted): CaseStatisticsFact | null {
  const { retractedEventId, retractedType, retractedEffectiveDate, retractedData, correctedData } = event.data;
  if (retractedEffectiveDate === null || !FACT_BEARING_TYPES.has(retractedType)) return null;
  // Retractions recorded before FactRetracted carried retractedData: the fact of the named event is dropped, and a
  // correction cannot be rebuilt without the original's data (the command side's fold still lays it over).
  if (typeof retractedData !== 'object' || retractedData === null)
    return { kind: 'RETRACTED', retractedEventId, retractedEffectiveDate, replacement: null };
  const original = statisticsFactOf(decodeCaseEvent(retractedType, retractedData));
  const corrected =
    correctedData === undefined ? null : decodeCaseEvent(retractedType, { ...retractedData, ...correctedData });
  const correctedFact = corrected === null ? null : statisticsFactOf(corrected);
  if (original === null && correctedFact === null) return null;
  return {
    kind: 'RETRACTED',
    retractedEventId,
    retractedEffectiveDate,
    replacement:
      corrected === null || correctedFact === null
        ? null
        : { effectiveDate: corrected.data.effectiveDate, eventType: retractedType, fact: correctedFact },
  };
}

function decodeCaseEvent(type: string, data: JsonRecord): CaseEvent {
  return caseEventCodec.decode({ type, data });
}

/**
 * The date a fact is stored (and selected) under. A retraction counts from the earlier of the retracted act's date
 * and its correction's: a report of a period ending between them must see it, and a closed period holding either
 * gets an adjustment.
 */
export function storedDateOf(fact: CaseStatisticsFact, effectiveDate: LocalDate): LocalDate {
  if (fact.kind !== 'RETRACTED') return effectiveDate;
  const corrected = fact.replacement?.effectiveDate;
  return corrected !== undefined && corrected < fact.retractedEffectiveDate ? corrected : fact.retractedEffectiveDate;
}

/**
 * A case's facts (stream order) with retractions honoured: each RETRACTED fact takes the place of the fact of the
 * event it names — as its replacement, or as nothing — and is removed itself. When that fact is not among `facts`
 * (it had no figure, or lies after the period the caller selected), a replacement stands at the retraction's place.
 * Pure; what is "known" was chosen by the caller, so a close that did not yet know the retraction keeps the fact (its
 * snapshot stays as it was) and later reports see the correction.
 */
export function withoutRetractedFacts(facts: readonly DatedFact[]): readonly DatedFact[] {
  if (!facts.some(({ fact }) => fact.kind === 'RETRACTED')) return facts;
  const kept: (DatedFact | null)[] = [...facts];
  kept.forEach((entry, index) => {
    if (entry?.fact.kind !== 'RETRACTED') return;
    const { retractedEventId, replacement } = entry.fact;
    const replacing: DatedFact | null = replacement === null ? null : { ...replacement, eventId: retractedEventId };
    const original = kept.findIndex((candidate, at) => at < index && candidate?.eventId === retractedEventId);
    kept[index] = original === -1 ? replacing : null;
    if (original !== -1) kept[original] = replacing;
  });
  return kept.filter((entry): entry is DatedFact => entry !== null);
}

/** The stored JSON of a fact: amounts as decimal strings. Deterministic, so a rebuild writes the same bytes. */
export function encodeFact(fact: CaseStatisticsFact): string {
  return JSON.stringify(fact, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

/** Reads back a stored fact; the only money fields are `amount`, `items[].amount` and those of a replacement. */
export function decodeFact(json: string): CaseStatisticsFact {
  return reviveMoney(JSON.parse(json) as StoredFact);
}

type StoredFact = {
  readonly kind: string;
  readonly amount?: string;
  readonly items?: readonly { itemId: string; amount: string }[];
  readonly replacement?: StoredReplacement | null;
};
type StoredReplacement = { readonly effectiveDate: LocalDate; readonly eventType: string; readonly fact: StoredFact };

function reviveMoney(parsed: StoredFact): CaseStatisticsFact {
  switch (parsed.kind) {
    case 'RECEIVED':
      return {
        kind: 'RECEIVED',
        items: (parsed.items ?? []).map((item) => ({ itemId: item.itemId, amount: BigInt(item.amount) })),
      };
    case 'COLLECTED':
      return { ...(parsed as object), amount: BigInt(parsed.amount ?? '0') } as CaseStatisticsFact;
    case 'RETRACTED': {
      const replacement = parsed.replacement ?? null;
      return {
        ...(parsed as object),
        replacement: replacement === null ? null : { ...replacement, fact: reviveMoney(replacement.fact) },
      } as CaseStatisticsFact;
    }
    default:
      return parsed as unknown as CaseStatisticsFact;
  }
}
