import { DomainError } from '../shared/domain-error';
import { assertNever } from '../shared/decider';
import type { CaseEvent, CaseReceived, FundsDisbursed } from './case-events';
import type {
  CaseAsset,
  CaseFacts,
  CaseState,
  CollectionRecord,
  Classification,
  ClosedCase,
  ClosedStatus,
  DecisionInfo,
  ExistingCase,
  ObligationItem,
  ObligationItemStatus,
  ResumableStatus,
  RunningCase,
  RunningStatus,
} from './case-state';
import { missedDeadlineKey } from './case-state';
import { withChanges } from '../shared/with-changes';

/**
 * Folds one case event into the state. Events are facts already decided: evolve never re-checks a rule.
 * It throws only on a history that cannot have been produced by the decider (a corrupt stream).
 * Every change of status (or of a postponement's kind) is also remembered as a dated transition (case-views).
 */
export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  const next = evolveOnce(state, event);
  if (next.status === 'none' || (next.status === state.status && byAgreementOf(next) === byAgreementOf(state)))
    return next;
  const transition = { status: next.status, effectiveDate: event.data.effectiveDate, byAgreement: byAgreementOf(next) };
  return withFacts(next, { ...next.facts, transitions: [...next.facts.transitions, transition] });
}

function byAgreementOf(state: CaseState): boolean {
  return 'byAgreement' in state && state.byAgreement;
}

function evolveOnce(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'CaseReceived') return caseReceived(event);
  if (state.status === 'none') throw corrupt(event, 'it precedes CaseReceived');
  if (event.type === 'VerificationDeadlineMissed' || event.type === 'ReverificationDeadlineMissed') {
    // A detection, not an act: it leaves lastEffectiveDate alone, so the late act may still be dated before it.
    const key = missedDeadlineKey(
      event.type === 'VerificationDeadlineMissed' ? 'VERIFICATION' : 'REVERIFICATION',
      event.data.dueOn,
    );
    return withFacts(state, { ...state.facts, missedDeadlines: [...state.facts.missedDeadlines, key] });
  }
  const lastEffectiveDate = lastEffectiveDateAfter(state.facts.lastEffectiveDate, event);
  const current = withFacts(state, { ...state.facts, lastEffectiveDate });
  const { facts } = current;
  switch (event.type) {
    case 'EnforcementRequestRejected':
      return { status: 'rejected', facts };
    case 'EnforcementDecisionIssued':
      return {
        status: 'decided',
        facts,
        decision: {
          decisionNumber: event.data.decisionNumber,
          decidedOn: event.data.effectiveDate,
          voluntaryPeriodEndsOn: event.data.voluntaryPeriodEndsOn,
          verificationDueOn: event.data.verificationDueOn,
        },
      };
    case 'EnforcementOfficerAssigned':
      return withFacts(
        current,
        withChanges(facts, {
          officerId: event.data.officerId,
          officerAssignedOn: event.data.effectiveDate,
        }),
      );
    case 'EnforcementConditionsVerified': {
      const verified = withClassification(current, {
        verificationCount: facts.classification.verificationCount + 1,
        latestResult: event.data.result,
        verifiedGround: event.data.result === 'NOT_ENFORCEABLE' ? event.data.ground : undefined,
        notEnforceableDecisionDueOn:
          event.data.result === 'NOT_ENFORCEABLE' ? event.data.notEnforceableDecisionDueOn : undefined,
      });
      return event.data.result === 'ENFORCEABLE' && verified.status === 'decided'
        ? running(verified, 'enforceable')
        : verified;
    }
    case 'NotEnforceableDecided':
      return running(
        withClassification(current, {
          notEnforceableDecidedOn: event.data.effectiveDate,
          ground: event.data.ground,
          longTerm: event.data.ground === 'ADDRESS_UNKNOWN' || event.data.debtorImprisonedLongTerm,
          negativeReverifications: 0,
          reverificationDueOn: event.data.reverificationDueOn,
          notEnforceableDecisionDueOn: undefined,
        }),
        'not_enforceable',
      );
    case 'ConditionsReverified': {
      const enforceable = event.data.result === 'ENFORCEABLE';
      const reverified = withClassification(current, {
        verificationCount: facts.classification.verificationCount + 1,
        latestResult: enforceable ? 'ENFORCEABLE' : 'NOT_ENFORCEABLE',
        verifiedGround: enforceable ? undefined : facts.classification.ground,
        negativeReverifications: event.data.negativeReverifications,
        reverificationDueOn: event.data.reverificationDueOn ?? undefined,
      });
      return enforceable ? running(reverified, 'enforceable') : reverified;
    }
    case 'SecurityMeasureApplied':
      return withFacts(current, { ...facts, securityMeasureIds: [...facts.securityMeasureIds, event.data.measureId] });
    case 'CoercionDecided':
      return withFacts(current, { ...facts, coercionMeasures: [...facts.coercionMeasures, event.data.measure] });
    case 'AssetSeized': {
      const asset: CaseAsset = {
        assetId: event.data.assetId,
        kind: event.data.kind,
        status: 'seized',
        priceReductions: 0,
        valuerContractDueOn: event.data.valuerContractDueOn,
      };
      return withFacts(current, { ...facts, assets: [...facts.assets, asset] });
    }
    case 'AssetValued':
      return withAsset(current, event.data.assetId, (asset) =>
        withChanges(asset, {
          status: 'valued',
          startingPrice: event.data.value,
          auctionContractDueOn: event.data.auctionContractDueOn,
        }),
      );
    case 'AssetSoldAtAuction':
      return withAsset(current, event.data.assetId, (asset) =>
        withChanges(asset, {
          status: 'sold',
          auctionContractDueOn: undefined,
        }),
      );
    case 'AuctionFailed':
      return withAsset(current, event.data.assetId, (asset) =>
        withChanges(asset, {
          status: 'auction_failed',
          auctionContractDueOn: undefined,
        }),
      );
    case 'AuctionPriceReduced':
      return withAsset(current, event.data.assetId, (asset) =>
        withChanges(asset, {
          status: 'valued',
          startingPrice: event.data.newPrice,
          priceReductions: event.data.reductionNumber,
        }),
      );
    case 'FundsCollected': {
      const collected = withItems(current, [event.data.itemId], (item) => ({
        ...item,
        collected: item.collected + event.data.amount,
      }));
      const collection: CollectionRecord = {
        collectionId: event.data.collectionId,
        itemId: event.data.itemId,
        amount: event.data.amount,
        collectedOn: event.data.effectiveDate,
        unpaid: event.data.amount,
        disbursementDueOn: event.data.disbursementDueOn,
      };
      return withFacts(collected, {
        ...collected.facts,
        collectionIds: [...facts.collectionIds, event.data.collectionId],
        collections: [...facts.collections, collection],
      });
    }
    case 'FundsDisbursed': {
      const paid = withItems(current, [event.data.itemId], (item) => ({
        ...item,
        disbursed: item.disbursed + event.data.amount,
      }));
      return withFacts(paid, {
        ...paid.facts,
        disbursementIds: [...facts.disbursementIds, event.data.disbursementId],
        collections: paidOut(facts.collections, event),
      });
    }
    case 'EnforcementPostponed':
      return {
        status: 'postponed',
        facts: {
          ...facts,
          postponementCount: facts.postponementCount + 1,
          protestPostponementUsed: facts.protestPostponementUsed || event.data.ground === 'PROTEST_REQUEST',
        },
        decision: decisionOf(current, event),
        resumeTo: resumableStatusOf(current, event),
        byAgreement: event.data.ground === 'PARTIES_AGREE',
      };
    case 'EnforcementSuspended':
      return {
        status: 'suspended',
        facts,
        decision: decisionOf(current, event),
        resumeTo: resumableStatusOf(current, event),
        byAgreement: false,
      };
    case 'EnforcementResumed':
      return running(current, grounded(resumeToOf(current), event.data.resumedStatus, event));
    case 'EnforcementTerminated':
      return closed(withItemStatus(current, event.data.itemIds, 'terminated', event.data.effectiveDate), 'terminated');
    case 'ObligationItemsTerminated':
      return withItemStatus(current, event.data.itemIds, 'terminated', event.data.effectiveDate);
    case 'CaseSettled':
      return closed(current, 'settled');
    case 'EnforcementEntrusted': {
      const entrusted = withItemStatus(current, event.data.itemIds, 'entrusted', event.data.effectiveDate);
      return event.data.wholeCase ? closed(entrusted, 'entrusted_out') : entrusted;
    }
    case 'MovedToSeparateTrackingRegister':
      return running(current, 'separately_tracked');
    case 'EnforcementRequestSentBack':
      return closed(current, 'sent_back');
    case 'CaseTakenUp':
      return closed(current, 'taken_up');
    case 'DecisionWithdrawn':
    case 'DecisionAnnulled':
      return closed(current, 'withdrawn');
    case 'DecisionAmended':
      return current;
    case 'FactRetracted': {
      // The fold that reaches this event already skipped or corrected the retracted one (withRetractionsApplied):
      // only remember it, and whether its latest standing correction retracts it outright.
      const id = event.data.retractedEventId;
      const outright = (facts.retractedOutright ?? []).filter((retracted) => retracted !== id);
      return withFacts(
        current,
        withChanges(facts, {
          retractedEventIds: [...(facts.retractedEventIds ?? []), id],
          retractedOutright: event.data.correctedData === undefined ? [...outright, id] : outright,
        }),
      );
    }
    case 'OfficerReassigned':
      return withFacts(
        current,
        withChanges(facts, {
          officerId: event.data.officerId,
          officerAssignedOn: event.data.effectiveDate,
        }),
      );
    case 'CaseReopened':
      return running(current, grounded(reopenToOf(current), event.data.reopenedStatus, event));
    default:
      return assertNever(event, 'case event');
  }
}

/**
 * The case's latest act after `event`. A correction of the record (FactRetracted, DecisionAmended) is not an act of
 * the lifecycle and leaves it alone, so an ordinary act may still be dated before it; the other corrective acts are
 * dated by default at the act they correct and never move it back. Every other act is the latest.
 */
function lastEffectiveDateAfter(last: string, event: CaseEvent): string {
  switch (event.type) {
    case 'FactRetracted':
    case 'DecisionAmended':
      return last;
    case 'DecisionWithdrawn':
    case 'DecisionAnnulled':
    case 'OfficerReassigned':
    case 'CaseReopened':
      return event.data.effectiveDate > last ? event.data.effectiveDate : last;
    default:
      return event.data.effectiveDate;
  }
}

function caseReceived(event: CaseReceived): CaseState {
  const { data } = event;
  const items: ObligationItem[] = data.obligations.map((obligation) => ({
    itemId: obligation.itemId,
    kind: obligation.kind,
    description: obligation.description,
    amount: obligation.amount,
    collected: 0n,
    disbursed: 0n,
    status: 'open',
  }));
  return {
    status: 'intake',
    facts: {
      caseId: data.caseId,
      officeId: data.officeId,
      source: data.source,
      mode: data.mode,
      interimMeasure: data.interimMeasure,
      parties: data.parties,
      items,
      receivedOn: data.effectiveDate,
      decisionDueOn: data.decisionDueOn,
      lastEffectiveDate: data.effectiveDate,
      classification: { verificationCount: 0, longTerm: false, negativeReverifications: 0 },
      coercionMeasures: [],
      securityMeasureIds: [],
      assets: [],
      collectionIds: [],
      collections: [],
      transitions: [],
      disbursementIds: [],
      postponementCount: 0,
      protestPostponementUsed: false,
      missedDeadlines: [],
    },
  };
}

function withFacts(state: ExistingCase, facts: CaseFacts): ExistingCase {
  return { ...state, facts };
}

function withClassification(state: ExistingCase, change: Partial<Classification>): ExistingCase {
  return withFacts(state, {
    ...state.facts,
    classification: withChanges(state.facts.classification, change),
  });
}

function withItems(
  state: ExistingCase,
  itemIds: readonly string[],
  change: (item: ObligationItem) => ObligationItem,
): ExistingCase {
  const items = state.facts.items.map((item) => (itemIds.includes(item.itemId) ? change(item) : item));
  return withFacts(state, { ...state.facts, items });
}

function withItemStatus(
  state: ExistingCase,
  itemIds: readonly string[],
  status: ObligationItemStatus,
  statusChangedOn: string,
): ExistingCase {
  return withItems(state, itemIds, (item) => withChanges(item, { status, statusChangedOn }));
}

/** A disbursement pays the unpaid rest of its item's collections, oldest first. */
function paidOut(collections: readonly CollectionRecord[], event: FundsDisbursed): CollectionRecord[] {
  let left = event.data.amount;
  return collections.map((collection) => {
    if (collection.itemId !== event.data.itemId || left === 0n || collection.unpaid === 0n) return collection;
    const paid = collection.unpaid < left ? collection.unpaid : left;
    left -= paid;
    return { ...collection, unpaid: collection.unpaid - paid };
  });
}

function withAsset(state: ExistingCase, assetId: string, change: (asset: CaseAsset) => CaseAsset): ExistingCase {
  const assets = state.facts.assets.map((asset) => (asset.assetId === assetId ? change(asset) : asset));
  return withFacts(state, { ...state.facts, assets });
}

function running(state: ExistingCase, status: RunningStatus): RunningCase {
  return { status, facts: state.facts, decision: decisionOf(state) };
}

function closed(state: ExistingCase, status: ClosedStatus): ClosedCase {
  return { status, facts: state.facts, decision: decisionOf(state), reopenTo: reopenStatusOf(state) };
}

// A paused case reopens in the status it would have resumed to: the pause ended with the case.
function reopenStatusOf(state: ExistingCase): RunningStatus {
  if ('reopenTo' in state) return state.reopenTo;
  if ('resumeTo' in state) return state.resumeTo;
  return state.status === 'intake' || state.status === 'rejected' ? 'decided' : state.status;
}

function decisionOf(state: ExistingCase, event?: CaseEvent): DecisionInfo {
  if ('decision' in state) return state.decision;
  throw corrupt(event, `the case has no enforcement decision (status ${state.status})`);
}

/**
 * The status a resumption or a reopening recorded, when the case before it still leads there: the decider took it
 * from `resumeTo` / `reopenTo`. A correction of an earlier fact can change that (a retracted not-enforceable
 * decision, and the case reopens to `decided`, not `not_enforceable`): the recorded status then has no ground.
 */
function grounded<S extends RunningStatus>(expected: RunningStatus | undefined, recorded: S, event: CaseEvent): S {
  if (expected === recorded) return recorded;
  throw corrupt(
    event,
    `it records status ${recorded} where the case before it leads to ${expected ?? 'no such status'}`,
  );
}

function resumeToOf(state: ExistingCase): RunningStatus | undefined {
  return 'resumeTo' in state ? state.resumeTo : undefined;
}

function reopenToOf(state: ExistingCase): RunningStatus | undefined {
  return 'reopenTo' in state ? state.reopenTo : undefined;
}

function resumableStatusOf(state: ExistingCase, event: CaseEvent): ResumableStatus {
  if (state.status === 'decided' || state.status === 'enforceable') return state.status;
  throw corrupt(event, `enforcement cannot pause from status ${state.status}`);
}

// A history the deciders would never have produced: reached only through damaged data or a retraction that takes
// away a later fact's ground, which the correction check turns into CORRECTION_BREAKS_HISTORY.
function corrupt(event: CaseEvent | undefined, why: string): DomainError {
  return new DomainError(
    'CASE_HISTORY_INCONSISTENT',
    `Corrupt case stream: cannot apply ${event?.type ?? 'an event'} because ${why}`,
    { eventType: event?.type ?? null, reason: why },
  );
}
