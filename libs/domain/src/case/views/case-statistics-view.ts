import { assertNever } from '../../shared/decider';
import type { LocalDate } from '../../shared/local-date';
import type { Vnd } from '../../shared/money';
import type { EnforcementMode } from '../case-commands';
import type { CaseState, CaseStatus, ObligationItemStatus, StatusTransition } from '../case-state';

/**
 * What the THADS statistics see of a case (TT 08/2015, TT 06/2019 §6.4 of docs/statistics.md): the bucket it stood in
 * on any date and its money, read off its folded state. Pure and JSON-friendly apart from bigint money, so a read
 * model may keep the view as known at each position and classify it for any period later.
 */

/**
 * Where a case stands on a date. Only the last eight are counted; a case is counted from its enforcement decision
 * (one decision = one case, Art. 3(9); TT 08/2015 annex), so a received case awaiting its decision and a rejected
 * request are not.
 */
export type CaseBucket =
  | 'NOT_RECEIVED'
  | 'AWAITING_DECISION'
  | 'REJECTED'
  /** Enforceable and not completed: decided but not yet verified [I], verified enforceable, postponed by agreement. */
  | 'IN_PROGRESS'
  | 'NOT_ENFORCEABLE'
  | 'POSTPONED_OR_SUSPENDED'
  | 'SEPARATELY_TRACKED'
  | 'ENTRUSTED_OUT'
  /** Taken up by the provincial office (rút lên): out of this office's phải thi hành; the province counts its own case. */
  | 'TAKEN_UP'
  | 'FULLY_ENFORCED'
  | 'TERMINATED'
  /** The enforcement decision was withdrawn or annulled (Art. 37): neither completed nor on the books; not counted. */
  | 'WITHDRAWN';

/**
 * Why a case stands paused, where the forms count it apart (TT 06/2019): postponed (hoãn), suspended (tạm đình chỉ),
 * or postponed by the parties' agreement (Art. 48(1)(c)), which stays in IN_PROGRESS and is shown inside có điều kiện.
 */
export type PauseKind = 'POSTPONED' | 'SUSPENDED' | 'POSTPONED_BY_AGREEMENT';

/** One change of bucket on its effective date, with the kind of pause when the case is paused. */
export interface BucketChange {
  readonly on: LocalDate;
  readonly bucket: CaseBucket;
  readonly pause?: PauseKind;
}

/** The statistics' view of one case: its buckets over time, its items and its dated collections. */
export interface CaseStatisticsView {
  readonly caseId: string;
  readonly officeId: string;
  /** Ex officio (chủ động) or on request (theo đơn yêu cầu): the forms split the figures by it. */
  readonly mode: EnforcementMode;
  /** Each change of bucket on its effective date, in stream order. */
  readonly buckets: readonly BucketChange[];
  readonly items: readonly {
    readonly itemId: string;
    readonly amount: Vnd;
    readonly status: ObligationItemStatus;
    /** When it was terminated or entrusted; absent while open. */
    readonly statusChangedOn?: LocalDate;
  }[];
  readonly collections: readonly { readonly itemId: string; readonly amount: Vnd; readonly on: LocalDate }[];
}

/** An obligation item as it stood on a date. */
export interface ItemOnDate {
  readonly itemId: string;
  readonly amount: Vnd;
  readonly collected: Vnd;
  readonly status: ObligationItemStatus;
}

/** A case as it stood at 24:00 on a date: its bucket and its obligation items. */
export interface CaseOnDate {
  readonly bucket: CaseBucket;
  /** Set while the case is postponed or suspended. */
  readonly pause?: PauseKind;
  readonly items: readonly ItemOnDate[];
}

/** The kind of pause of a status, undefined when it is not a pause. */
export function pauseOfStatus(status: Exclude<CaseStatus, 'none'>, byAgreement: boolean): PauseKind | undefined {
  if (status === 'suspended') return 'SUSPENDED';
  if (status === 'postponed') return byAgreement ? 'POSTPONED_BY_AGREEMENT' : 'POSTPONED';
  return undefined;
}

/** The bucket of a status (a postponement by agreement of the parties stays enforceable under TT 06/2019). */
export function bucketOfStatus(status: Exclude<CaseStatus, 'none'>, byAgreement: boolean): CaseBucket {
  switch (status) {
    case 'intake':
      return 'AWAITING_DECISION';
    case 'rejected':
      return 'REJECTED';
    case 'decided':
    case 'enforceable':
      return 'IN_PROGRESS';
    case 'not_enforceable':
      return 'NOT_ENFORCEABLE';
    case 'postponed':
      return byAgreement ? 'IN_PROGRESS' : 'POSTPONED_OR_SUSPENDED';
    case 'suspended':
      return 'POSTPONED_OR_SUSPENDED';
    case 'separately_tracked':
      return 'SEPARATELY_TRACKED';
    case 'entrusted_out':
      return 'ENTRUSTED_OUT';
    case 'taken_up':
      return 'TAKEN_UP';
    case 'settled':
      return 'FULLY_ENFORCED';
    case 'terminated':
      return 'TERMINATED';
    case 'withdrawn':
      return 'WITHDRAWN';
    case 'sent_back':
      // [I] The case ends (Decree 152/2026 Art. 32(1)(d)) on the same ground the ex officio one leaves for the
      // separate register (Art. 22): it leaves phải thi hành without being completed, counted with the separate
      // register until the Decree 152/2026 annex's columns are confirmed (docs/law-2026.md, SENT_BACK_STATISTICS).
      return 'SEPARATELY_TRACKED';
    default:
      return assertNever(status, 'case status');
  }
}

/** Every status the case took with its effective date, in stream order (empty before CaseReceived). */
export function statusTransitionsOf(state: CaseState): readonly StatusTransition[] {
  return state.status === 'none' ? [] : state.facts.transitions;
}

/** The statistics view of a case; null before its CaseReceived. */
export function statisticsViewOf(state: CaseState): CaseStatisticsView | null {
  if (state.status === 'none') return null;
  const { facts } = state;
  return {
    caseId: facts.caseId,
    officeId: facts.officeId,
    mode: facts.mode,
    buckets: facts.transitions.map(({ status, effectiveDate, byAgreement }) => {
      const pause = pauseOfStatus(status, byAgreement);
      return { on: effectiveDate, bucket: bucketOfStatus(status, byAgreement), ...(pause && { pause }) };
    }),
    items: facts.items.map(({ itemId, amount, status, statusChangedOn }) =>
      statusChangedOn === undefined ? { itemId, amount, status } : { itemId, amount, status, statusChangedOn },
    ),
    collections: facts.collections.map(({ itemId, amount, collectedOn }) => ({ itemId, amount, on: collectedOn })),
  };
}

/**
 * The case as it stood at 24:00 local time on `date`: what took effect by then (effectiveDate ≤ date), in stream
 * order. The decider never dates an act before the previous one, but a correction may move an act's date, so a
 * later-dated change is skipped, not taken as the end.
 */
export function caseOnDate(view: CaseStatisticsView, date: LocalDate): CaseOnDate {
  let bucket: CaseBucket = 'NOT_RECEIVED';
  let pause: PauseKind | undefined;
  for (const change of view.buckets)
    if (change.on <= date) {
      bucket = change.bucket;
      pause = change.pause;
    }
  if (bucket === 'NOT_RECEIVED') return { bucket, items: [] };
  const items = view.items.map((item) => ({
    itemId: item.itemId,
    amount: item.amount,
    collected: view.collections
      .filter((collection) => collection.itemId === item.itemId && collection.on <= date)
      .reduce((sum, collection) => sum + collection.amount, 0n),
    status: item.statusChangedOn !== undefined && item.statusChangedOn <= date ? item.status : ('open' as const),
  }));
  return pause === undefined ? { bucket, items } : { bucket, pause, items };
}

/** The bucket of a case at 24:00 local time on `date`. */
export function bucketOn(state: CaseState, date: LocalDate): CaseBucket {
  const view = statisticsViewOf(state);
  return view === null ? 'NOT_RECEIVED' : caseOnDate(view, date).bucket;
}

/** Money collected on the case's items dated after `from` and on or before `to` (the year so far, for a period). */
export function collectedBetween(view: CaseStatisticsView, from: LocalDate, to: LocalDate): Vnd {
  return view.collections
    .filter((collection) => collection.on > from && collection.on <= to)
    .reduce((sum, collection) => sum + collection.amount, 0n);
}
