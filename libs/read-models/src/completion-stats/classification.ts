/**
 * What one case adds to the tallies of a period (docs/domain.md). Where the case stood on a date is the
 * domain's statistics view (libs/domain case/views/case-statistics-view.ts); this only counts it. Pure: the caller
 * chooses which view is known.
 */
import { caseOnDate, collectedBetween, type CaseBucket, type CaseStatisticsView, type LocalDate } from '@thads/domain';
import { addTallies, EMPTY_TALLY, toEnforceOf, type StatisticsTally } from './statistics';

/** Open buckets: a case in one of them at 24:00 on 30 September is carried over into the next year. */
const ON_THE_BOOKS: ReadonlySet<CaseBucket> = new Set(['IN_PROGRESS', 'NOT_ENFORCEABLE', 'POSTPONED_OR_SUSPENDED']);
const NOT_COUNTED: ReadonlySet<CaseBucket> = new Set(['NOT_RECEIVED', 'AWAITING_DECISION', 'REJECTED', 'WITHDRAWN']);

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
 * Classifies a case for a period (docs/domain.md). It enters the year as carried over when it was on the
 * books at the opening balance; as newly received when decided in the year, or [I] when it comes back from the
 * separate register (keeping carried-over = the previous year's carried-to-next). It then counts in the bucket it
 * is in at the period end.
 *
 * Money of a case = the amounts of its obligation items not entrusted out. Completed money (of a case fully enforced
 * or terminated in the year) = what was collected on its items, shown as fully enforced, plus the uncollected part
 * of terminated items, shown as terminated: together its whole phải-thi-hành money, so carried-to-next money stays
 * what the next year carries over. Collections on cases still open are not completed money (docs/statistics.md).
 */
export function classifyCase(view: CaseStatisticsView, window: PeriodWindow): Tallies {
  const opening = caseOnDate(view, window.openingBalanceOn);
  const end = caseOnDate(view, window.periodEndsOn);
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
    case 'TAKEN_UP':
      // Rút lên: the case leaves this office's books with what it still carries; the province counts its own case.
      cases.takenUp = 1n;
      money.takenUp = booksMoney;
      break;
    case 'SEPARATELY_TRACKED':
      cases.movedToSeparateRegister = 1n;
      money.movedToSeparateRegister = booksMoney;
      break;
    case 'IN_PROGRESS':
      cases.inProgress = 1n;
      money.inProgress = booksMoney;
      if (end.pause === 'POSTPONED_BY_AGREEMENT') {
        cases.postponedByAgreement = 1n;
        money.postponedByAgreement = booksMoney;
      }
      break;
    case 'NOT_ENFORCEABLE':
      cases.notEnforceable = 1n;
      money.notEnforceable = booksMoney;
      break;
    case 'POSTPONED_OR_SUSPENDED': {
      const kind = end.pause === 'SUSPENDED' ? 'suspended' : 'postponed';
      cases.postponedOrSuspended = cases[kind] = 1n;
      money.postponedOrSuspended = money[kind] = booksMoney;
      break;
    }
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
  if (ON_THE_BOOKS.has(end.bucket)) {
    money.collectedOnOpen = collectedBetween(view, window.openingBalanceOn, window.periodEndsOn);
    if (money.collectedOnOpen > 0n) cases.collectedOnOpen = 1n;
  }
  const tallies = { cases: { ...EMPTY_TALLY, ...cases }, money: { ...EMPTY_TALLY, ...money } };
  return view.mode === 'EX_OFFICIO' ? withExOfficioPart(tallies) : tallies;
}

/** An ex officio case's own figures, again in the ex officio fields (on request is the rest, statistics.ts). */
function withExOfficioPart({ cases, money }: Tallies): Tallies {
  const part = (tally: StatisticsTally): StatisticsTally => ({
    ...tally,
    exOfficioToEnforce: toEnforceOf(tally),
    exOfficioInProgress: tally.inProgress,
    exOfficioPostponedOrSuspended: tally.postponedOrSuspended,
    exOfficioNotEnforceable: tally.notEnforceable,
    exOfficioCompleted: tally.fullyEnforced + tally.terminated,
  });
  return { cases: part(cases), money: part(money) };
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
