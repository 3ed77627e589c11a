/**
 * Classification of one case for the statistics (thads-domain.md §6.4, §6.6): its bucket at a point in time, by
 * effective date, and what it adds to the tallies of a period. Pure: the caller chooses which facts are known.
 */
import type { LocalDate } from '@thads/domain';
import type { DatedFact } from './case-statistics-facts';
import { addTallies, EMPTY_TALLY, type StatisticsTally } from './statistics';

/**
 * Where a case stands on a date. Only the last seven are counted; a case is counted from its enforcement decision
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
  | 'FULLY_ENFORCED'
  | 'TERMINATED'
  /** The enforcement decision was withdrawn or annulled (Art. 37): neither completed nor on the books; not counted. */
  | 'WITHDRAWN';

/** Open buckets: a case in one of them at 24:00 on 30 September is carried over into the next year. */
const ON_THE_BOOKS: ReadonlySet<CaseBucket> = new Set(['IN_PROGRESS', 'NOT_ENFORCEABLE', 'POSTPONED_OR_SUSPENDED']);
const NOT_COUNTED: ReadonlySet<CaseBucket> = new Set(['NOT_RECEIVED', 'AWAITING_DECISION', 'REJECTED', 'WITHDRAWN']);

interface ItemOnDate {
  readonly itemId: string;
  readonly amount: bigint;
  readonly collected: bigint;
  readonly status: 'open' | 'terminated' | 'entrusted';
}

/** A case folded up to a date: its bucket and its obligation items. */
export interface CaseOnDate {
  readonly bucket: CaseBucket;
  readonly items: readonly ItemOnDate[];
}

/**
 * Folds the facts in effect at 24:00 local time on `date` (effectiveDate ≤ date), in stream order: the case as it
 * stood that night. The case decider never dates an act before the previous one, but a correction may move an act's
 * date (or a replacement stands at its retraction's place), so a later-dated fact is skipped, not taken as the end.
 */
export function caseOn(facts: readonly DatedFact[], date: LocalDate): CaseOnDate {
  let bucket: CaseBucket = 'NOT_RECEIVED';
  let items: ItemOnDate[] = [];
  const setItems = (itemIds: readonly string[], change: (item: ItemOnDate) => ItemOnDate) => {
    items = items.map((item) => (itemIds.includes(item.itemId) ? change(item) : item));
  };
  for (const { effectiveDate, fact } of facts) {
    if (effectiveDate > date) continue;
    switch (fact.kind) {
      case 'RECEIVED':
        bucket = 'AWAITING_DECISION';
        items = fact.items.map(({ itemId, amount }) => ({ itemId, amount, collected: 0n, status: 'open' }));
        break;
      case 'REJECTED':
        bucket = 'REJECTED';
        break;
      case 'DECIDED':
      case 'ENFORCEABLE':
      case 'RESUMED':
        bucket = 'IN_PROGRESS';
        break;
      case 'NOT_ENFORCEABLE':
        bucket = 'NOT_ENFORCEABLE';
        break;
      case 'POSTPONED':
        bucket = fact.byAgreement ? 'IN_PROGRESS' : 'POSTPONED_OR_SUSPENDED';
        break;
      case 'SUSPENDED':
        bucket = 'POSTPONED_OR_SUSPENDED';
        break;
      case 'COLLECTED':
        setItems([fact.itemId], (item) => ({ ...item, collected: item.collected + fact.amount }));
        break;
      case 'TERMINATED':
        setItems(fact.itemIds, (item) => ({ ...item, status: 'terminated' }));
        if (fact.wholeCase) bucket = 'TERMINATED';
        break;
      case 'SETTLED':
        bucket = 'FULLY_ENFORCED';
        break;
      case 'ENTRUSTED':
        setItems(fact.itemIds, (item) => ({ ...item, status: 'entrusted' }));
        if (fact.wholeCase) bucket = 'ENTRUSTED_OUT';
        break;
      case 'SEPARATELY_TRACKED':
        bucket = 'SEPARATELY_TRACKED';
        break;
      case 'WITHDRAWN':
        bucket = 'WITHDRAWN';
        break;
      case 'REOPENED':
        bucket =
          fact.status === 'not_enforceable'
            ? 'NOT_ENFORCEABLE'
            : fact.status === 'separately_tracked'
              ? 'SEPARATELY_TRACKED'
              : 'IN_PROGRESS';
        break;
      case 'RETRACTED':
        // Removed before folding (withoutRetractedFacts); a caller that skipped that step counts the fact as it stood.
        break;
    }
  }
  return { bucket, items };
}

/** The bucket of a case at 24:00 local time on `date`. */
export function bucketOn(facts: readonly DatedFact[], date: LocalDate): CaseBucket {
  return caseOn(facts, date).bucket;
}

/** The window of a cumulative period: the opening balance date (30 Sep before the year) and the period end. */
export interface PeriodWindow {
  readonly openingBalanceOn: LocalDate;
  readonly periodEndsOn: LocalDate;
}

/** Tallies of a period by cases (việc) and by money (tiền, VND): for one case, an office or a roll-up. */
export interface Tallies {
  readonly cases: StatisticsTally;
  readonly money: StatisticsTally;
}

/** Tallies of nothing. */
export const NO_TALLIES: Tallies = { cases: EMPTY_TALLY, money: EMPTY_TALLY };

/**
 * Classifies a case for a period (thads-domain.md §6.4). It enters the year as carried over when it was on the
 * books at the opening balance; as newly received when decided in the year, or [I] when it comes back from the
 * separate register (keeping carried-over = the previous year's carried-to-next). It then counts in the bucket it
 * is in at the period end.
 *
 * Money of a case = the amounts of its obligation items not entrusted out. Completed money (of a case fully enforced
 * or terminated in the year) = what was collected on its items, shown as fully enforced, plus the uncollected part
 * of terminated items, shown as terminated: together its whole phải-thi-hành money, so carried-to-next money stays
 * what the next year carries over. Collections on cases still open are not completed money (docs/statistics.md).
 */
export function classifyCase(facts: readonly DatedFact[], window: PeriodWindow): Tallies {
  const opening = caseOn(facts, window.openingBalanceOn);
  const end = caseOn(facts, window.periodEndsOn);
  const carried = ON_THE_BOOKS.has(opening.bucket);
  const newlyDecided =
    (opening.bucket === 'NOT_RECEIVED' || opening.bucket === 'AWAITING_DECISION') && !NOT_COUNTED.has(end.bucket);
  const backFromSeparateRegister = opening.bucket === 'SEPARATELY_TRACKED' && end.bucket !== 'SEPARATELY_TRACKED';
  if (!carried && !newlyDecided && !backFromSeparateRegister) return NO_TALLIES;

  const entrustedAtOpening = new Set(
    opening.items.filter((item) => item.status === 'entrusted').map((item) => item.itemId),
  );
  const openingMoney = sum(
    end.items.filter((item) => !entrustedAtOpening.has(item.itemId)),
    (item) => item.amount,
  );
  const booksMoney = sum(
    end.items.filter((item) => item.status !== 'entrusted'),
    (item) => item.amount,
  );
  const entrance = carried ? 'carriedOver' : 'newlyReceived';
  const cases: Partial<Record<keyof StatisticsTally, bigint>> = { [entrance]: 1n };
  const money: Partial<Record<keyof StatisticsTally, bigint>> = { [entrance]: openingMoney };
  // Items entrusted during the year leave the books' money; a wholly entrusted case takes all of it along.
  money.entrustedOut = end.bucket === 'ENTRUSTED_OUT' ? openingMoney : openingMoney - booksMoney;
  switch (end.bucket) {
    case 'ENTRUSTED_OUT':
      cases.entrustedOut = 1n;
      break;
    case 'SEPARATELY_TRACKED':
      cases.movedToSeparateRegister = 1n;
      money.movedToSeparateRegister = booksMoney;
      break;
    case 'IN_PROGRESS':
      cases.inProgress = 1n;
      money.inProgress = booksMoney;
      break;
    case 'NOT_ENFORCEABLE':
      cases.notEnforceable = 1n;
      money.notEnforceable = booksMoney;
      break;
    case 'POSTPONED_OR_SUSPENDED':
      cases.postponedOrSuspended = 1n;
      money.postponedOrSuspended = booksMoney;
      break;
    case 'FULLY_ENFORCED':
    case 'TERMINATED': {
      cases[end.bucket === 'FULLY_ENFORCED' ? 'fullyEnforced' : 'terminated'] = 1n;
      const kept = end.items.filter((item) => item.status !== 'entrusted');
      money.fullyEnforced = sum(kept, (item) => item.collected);
      money.terminated = sum(
        kept.filter((item) => item.status === 'terminated'),
        (item) => item.amount - item.collected,
      );
      break;
    }
    default:
      // Not counted at the end: impossible for a case counted at the opening (statuses never go back to intake).
      return NO_TALLIES;
  }
  return { cases: { ...EMPTY_TALLY, ...cases }, money: { ...EMPTY_TALLY, ...money } };
}

/** Field-by-field sum of tallies, by cases and by money. */
export function addAllTallies(tallies: Iterable<Tallies>): Tallies {
  let cases = EMPTY_TALLY;
  let money = EMPTY_TALLY;
  for (const tally of tallies) {
    cases = addTallies(cases, tally.cases);
    money = addTallies(money, tally.money);
  }
  return { cases, money };
}

function sum<Item>(items: readonly Item[], amountOf: (item: Item) => bigint): bigint {
  return items.reduce((total, item) => total + amountOf(item), 0n);
}
