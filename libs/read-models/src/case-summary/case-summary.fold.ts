/**
 * What case_summary knows about one case, and how each case event changes it. Pure: the projection loads the
 * summaries a batch touches, folds the events in memory and writes the results back.
 *
 * It mirrors the status rules of the case aggregate (libs/domain case-evolve.ts) rather than calling them, because the
 * aggregate's state needs the whole stream while a read model moves forward from its own row. A retraction is the
 * one step that cannot move forward: the projection then folds the case again from its kept history, retractions
 * applied as the command side applies them (case-summary.refold.ts).
 */
import {
  assertNever,
  type CaseEvent,
  type CaseReceived,
  type CaseStatus,
  type LocalDate,
  type ObligationItemStatus,
} from '@thads/domain';
import { CASE_DEADLINE_KINDS, closed, earliestDeadline, opened, WHOLE_CASE, type OpenDeadline } from './case-deadlines';

/** A case status once the case exists. */
export type CaseSummaryStatus = Exclude<CaseStatus, 'none'>;

/** Every status a summary can hold, for filters. */
export const CASE_SUMMARY_STATUSES = [
  'intake',
  'rejected',
  'decided',
  'enforceable',
  'not_enforceable',
  'separately_tracked',
  'postponed',
  'suspended',
  'entrusted_out',
  'terminated',
  'settled',
  'withdrawn',
] as const satisfies readonly CaseSummaryStatus[];

const CLOSED: readonly CaseSummaryStatus[] = ['rejected', 'entrusted_out', 'terminated', 'settled', 'withdrawn'];

/** An obligation item's money, as this office holds it. */
export interface TrackedItem {
  readonly itemId: string;
  readonly amount: bigint;
  readonly collected: bigint;
  readonly disbursed: bigint;
  readonly status: ObligationItemStatus;
}

/** Collected money not yet paid out, oldest first per item: disbursements pay the oldest collection first. */
export interface UnpaidCollection {
  readonly collectionId: string;
  readonly itemId: string;
  readonly unpaid: bigint;
}

/** One case as case_summary sees it after its last applied event. */
export interface CaseSummary {
  readonly caseId: string;
  readonly officeId: string;
  readonly source: string;
  readonly mode: string;
  readonly status: CaseSummaryStatus;
  readonly officerId: string | null;
  readonly receivedOn: LocalDate;
  readonly decisionOn: LocalDate | null;
  readonly items: readonly TrackedItem[];
  readonly unpaidCollections: readonly UnpaidCollection[];
  readonly deadlines: readonly OpenDeadline[];
  readonly lastEventType: string;
  readonly lastEffectiveDate: LocalDate;
  /** Stream revision of the last applied event: an event at or below it was applied already. */
  readonly revision: bigint;
  readonly position: bigint;
}

/**
 * Events the deadline sweep appends to case streams when a verification or re-verification date passes. They record
 * a detection, not an act: the deadline stays open until the act follows. Named as strings because they may not be in
 * the case codec yet; the fold never sees them (see passedOver).
 */
export const CASE_DETECTION_EVENT_TYPES: readonly string[] = [
  'VerificationDeadlineMissed',
  'ReverificationDeadlineMissed',
];

/** The case events the fold applies. */
export type CaseLifecycleEvent = Exclude<
  CaseEvent,
  { readonly type: 'VerificationDeadlineMissed' | 'ReverificationDeadlineMissed' }
>;

/** Where an event sits in the log. */
export interface EventPlace {
  readonly revision: bigint;
  readonly position: bigint;
}

/** The summary after `event`. Throws on a history the aggregate cannot have written (an event before CaseReceived). */
export function foldCaseSummary(
  summary: CaseSummary | undefined,
  event: CaseLifecycleEvent,
  place: EventPlace,
): CaseSummary {
  if (event.type === 'CaseReceived') return received(event, place);
  if (!summary) throw new TypeError(`${event.type} for case ${event.data.caseId} precedes its CaseReceived`);
  const next: CaseSummary = {
    ...summary,
    lastEventType: event.type,
    lastEffectiveDate: event.data.effectiveDate,
    revision: place.revision,
    position: place.position,
  };
  const { deadlines } = next;
  switch (event.type) {
    case 'EnforcementRequestRejected':
      return closedCase(next, 'rejected');
    case 'EnforcementDecisionIssued':
      return {
        ...next,
        status: 'decided',
        decisionOn: event.data.effectiveDate,
        deadlines: opened(closed(deadlines, ['DECISION']), 'VERIFICATION', WHOLE_CASE, event.data.verificationDueOn),
      };
    case 'EnforcementOfficerAssigned':
      return { ...next, officerId: event.data.officerId };
    case 'EnforcementConditionsVerified': {
      const verified = closed(deadlines, ['VERIFICATION', 'NOT_ENFORCEABLE_DECISION']);
      if (event.data.result === 'NOT_ENFORCEABLE')
        return {
          ...next,
          deadlines: opened(verified, 'NOT_ENFORCEABLE_DECISION', WHOLE_CASE, event.data.notEnforceableDecisionDueOn),
        };
      return { ...next, status: next.status === 'decided' ? 'enforceable' : next.status, deadlines: verified };
    }
    case 'NotEnforceableDecided':
      return {
        ...next,
        status: 'not_enforceable',
        deadlines: opened(
          closed(deadlines, ['NOT_ENFORCEABLE_DECISION']),
          'REVERIFICATION',
          WHOLE_CASE,
          event.data.reverificationDueOn,
        ),
      };
    case 'ConditionsReverified': {
      const due = event.data.reverificationDueOn;
      const reverified =
        due === null ? closed(deadlines, ['REVERIFICATION']) : opened(deadlines, 'REVERIFICATION', WHOLE_CASE, due);
      return {
        ...next,
        status: event.data.result === 'ENFORCEABLE' ? 'enforceable' : next.status,
        deadlines: reverified,
      };
    }
    case 'AssetSeized':
      return {
        ...next,
        deadlines: opened(deadlines, 'VALUER_CONTRACT', event.data.assetId, event.data.valuerContractDueOn),
      };
    case 'AssetValued':
      return {
        ...next,
        deadlines: opened(
          closed(deadlines, ['VALUER_CONTRACT'], event.data.assetId),
          'AUCTION_CONTRACT',
          event.data.assetId,
          event.data.auctionContractDueOn,
        ),
      };
    case 'AssetSoldAtAuction':
    case 'AuctionFailed':
      return { ...next, deadlines: closed(deadlines, ['AUCTION_CONTRACT'], event.data.assetId) };
    case 'FundsCollected':
      return {
        ...next,
        items: changeItems(next.items, [event.data.itemId], (item) => ({
          ...item,
          collected: item.collected + event.data.amount,
        })),
        unpaidCollections: [
          ...next.unpaidCollections,
          { collectionId: event.data.collectionId, itemId: event.data.itemId, unpaid: event.data.amount },
        ],
        deadlines: opened(deadlines, 'DISBURSEMENT', event.data.collectionId, event.data.disbursementDueOn),
      };
    case 'FundsDisbursed':
      return disbursed(
        {
          ...next,
          items: changeItems(next.items, [event.data.itemId], (item) => ({
            ...item,
            disbursed: item.disbursed + event.data.amount,
          })),
        },
        event.data.itemId,
        event.data.amount,
      );
    case 'EnforcementPostponed':
      return { ...next, status: 'postponed' };
    case 'EnforcementSuspended':
      return { ...next, status: 'suspended' };
    case 'EnforcementResumed':
      return { ...next, status: event.data.resumedStatus };
    case 'EnforcementTerminated':
      return closedCase(
        { ...next, items: changeItems(next.items, event.data.itemIds, (item) => ({ ...item, status: 'terminated' })) },
        'terminated',
      );
    case 'ObligationItemsTerminated':
      return {
        ...next,
        items: changeItems(next.items, event.data.itemIds, (item) => ({ ...item, status: 'terminated' })),
      };
    case 'CaseSettled':
      return closedCase(next, 'settled');
    case 'EnforcementEntrusted': {
      const entrusted = {
        ...next,
        items: changeItems(next.items, event.data.itemIds, (item) => ({ ...item, status: 'entrusted' as const })),
      };
      return event.data.wholeCase ? closedCase(entrusted, 'entrusted_out') : entrusted;
    }
    case 'MovedToSeparateTrackingRegister':
      // The separate register is watched for new information, not re-verified on a clock (Decree 62 Art. 9(5)).
      return { ...next, status: 'separately_tracked', deadlines: closed(deadlines, ['REVERIFICATION']) };
    case 'DecisionWithdrawn':
    case 'DecisionAnnulled':
      return closedCase(next, 'withdrawn');
    case 'OfficerReassigned':
      return { ...next, officerId: event.data.officerId };
    case 'CaseReopened':
      return { ...next, status: event.data.reopenedStatus };
    case 'FactRetracted':
      // Only the step itself: what it undoes, the projection has undone already by folding the case again from its
      // history with the retraction applied (refoldCaseSummary), this event last.
      return next;
    case 'SecurityMeasureApplied':
    case 'CoercionDecided':
    case 'AuctionPriceReduced':
    case 'DecisionAmended':
      return next;
    default:
      return assertNever(event, 'case event');
  }
}

/**
 * The summary after an event of its stream that changes none of its facts (a sweep's detection, or a type this
 * projection does not know yet): the row still says which revision of the stream it reflects.
 */
export function passedOver(summary: CaseSummary, eventType: string, place: EventPlace): CaseSummary {
  return { ...summary, lastEventType: eventType, revision: place.revision, position: place.position };
}

/** VND still to collect on the items this office enforces (open items); 0 once the case is closed. */
export function owedOf(summary: CaseSummary): bigint {
  if (CLOSED.includes(summary.status)) return 0n;
  return summary.items
    .filter((item) => item.status === 'open')
    .reduce((sum, item) => sum + (item.amount > item.collected ? item.amount - item.collected : 0n), 0n);
}

/** VND collected by this office on every item, including items later terminated or entrusted. */
export function collectedOf(summary: CaseSummary): bigint {
  return summary.items.reduce((sum, item) => sum + item.collected, 0n);
}

/** VND paid out to creditors or the state budget. */
export function disbursedOf(summary: CaseSummary): bigint {
  return summary.items.reduce((sum, item) => sum + item.disbursed, 0n);
}

/** The earliest open legal deadline, or null when nothing is due. */
export function nextDeadlineOf(summary: CaseSummary): OpenDeadline | null {
  return earliestDeadline(summary.deadlines);
}

function received(event: CaseReceived, place: EventPlace): CaseSummary {
  const { data } = event;
  return {
    caseId: data.caseId,
    officeId: data.officeId,
    source: data.source,
    mode: data.mode,
    status: 'intake',
    officerId: null,
    receivedOn: data.effectiveDate,
    decisionOn: null,
    items: data.obligations.map((item) => ({
      itemId: item.itemId,
      amount: item.amount,
      collected: 0n,
      disbursed: 0n,
      status: 'open',
    })),
    unpaidCollections: [],
    deadlines: [{ kind: 'DECISION', subject: WHOLE_CASE, dueOn: data.decisionDueOn }],
    lastEventType: event.type,
    lastEffectiveDate: data.effectiveDate,
    revision: place.revision,
    position: place.position,
  };
}

/**
 * A closed case has no procedural deadline left. Money collected and not yet paid out must still be paid out
 * (Art. 47), so its DISBURSEMENT deadlines stay open.
 */
function closedCase(summary: CaseSummary, status: CaseSummaryStatus): CaseSummary {
  const procedural = CASE_DEADLINE_KINDS.filter((kind) => kind !== 'DISBURSEMENT');
  return { ...summary, status, deadlines: closed(summary.deadlines, procedural) };
}

function changeItems(
  items: readonly TrackedItem[],
  itemIds: readonly string[],
  change: (item: TrackedItem) => TrackedItem,
): TrackedItem[] {
  return items.map((item) => (itemIds.includes(item.itemId) ? change(item) : item));
}

/** Pays the item's collections oldest first; a collection paid in full closes its DISBURSEMENT deadline. */
function disbursed(summary: CaseSummary, itemId: string, amount: bigint): CaseSummary {
  let left = amount;
  let deadlines = summary.deadlines;
  const unpaidCollections: UnpaidCollection[] = [];
  for (const collection of summary.unpaidCollections) {
    if (collection.itemId !== itemId || left === 0n) {
      unpaidCollections.push(collection);
      continue;
    }
    const paid = collection.unpaid < left ? collection.unpaid : left;
    left -= paid;
    if (paid === collection.unpaid) deadlines = closed(deadlines, ['DISBURSEMENT'], collection.collectionId);
    else unpaidCollections.push({ ...collection, unpaid: collection.unpaid - paid });
  }
  return { ...summary, unpaidCollections, deadlines };
}
