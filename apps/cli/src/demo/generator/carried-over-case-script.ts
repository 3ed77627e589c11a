/**
 * A case carried over into the year: received and decided before 1 October, on the books at 24:00 on 30 September
 * (in progress, not enforceable, postponed or suspended), then written through to its end state at the period end.
 */
import {
  addCalendarDays,
  addMonths,
  daysBetween,
  LAW_106_2025_EFFECTIVE,
  type EnforcementMode,
  type LocalDate,
  type NotEnforceableGround,
} from '@thads/domain';
import type { EndState } from '../scenario/scenario';
import { caseIdentity, type CaseIdentity } from './case-identity';
import { requireProvince, reserveDaysFor, type CaseContext } from './case-context';
import { DoesNotFit, enterPhase, startScript, workingDayBetween, type CaseScript } from './case-script';
import {
  notEnforceableGround,
  openingStateFor,
  postponementGround,
  suspensionGround,
  terminationGround,
  type OpeningState,
} from './choices';
import {
  decideNotEnforceable,
  entrust,
  intake,
  moveToSeparateRegister,
  postpone,
  resume,
  reverifyEnforceable,
  reverifyWhileDue,
  sendBack,
  suspend,
  takeUp,
  terminate,
  verifyEnforceable,
} from './script-acts';
import { collectExactly, collectPart, decideCoercion, settleByCoercion } from './script-money';

/** End states whose cases are never paid in part before the year: their VND stays whole in the report. */
const KEPT_WHOLE: ReadonlySet<EndState> = new Set(['terminated', 'entrustedOut', 'takenUp']);

/** Writes a carried-over case ending in `state`. Throws DoesNotFit when this attempt runs out of days. */
export function writeCarriedOverCase(context: CaseContext, state: EndState): CaseScript {
  const { random, window } = context;
  const opening = window.openingBalanceOn;
  const script = startScript(random, context.tempo, window.historyStartsOn, opening);
  const leaving = leavingTheBooks(context, state);
  // Leaving for the separate register or the creditor needs the not-enforceable decision long before, so an early receipt.
  const latestReceipt =
    leaving === undefined
      ? addCalendarDays(opening, -45)
      : addCalendarDays(addMonths(leaving.lastDay, -leaving.months), -60);
  const receivedOn = workingDayBetween(random, window.historyStartsOn, latestReceipt);
  const identity = caseIdentity(random, context.amount, context.area, receivedOn, leaving?.mode ?? context.mode);
  intake(script, identity, context.officeId, context.officerId, receivedOn);
  const openingState = openingStateFor(random, state);
  // The separate register comes a year after the decision for a debtor without assets; two years when the address is
  // unknown (Decree 62 Art. 9(5)), which would not fit.
  const ground = leaving !== undefined ? 'NO_INCOME_OR_ASSETS' : notEnforceableGround(random);
  writeHistory(context, script, identity, openingState, ground, state);

  enterPhase(script, inYearStart(context, state), window.periodEndsOn);
  if (leaving !== undefined) {
    enterPhase(script, window.yearStartsOn, leaving.lastDay);
    reverifyWhileDue(script, addMonths(script.notEnforceableDecidedOn ?? opening, leaving.months));
    enterPhase(script, inYearStart(context, state), leaving.lastDay);
    if (state === 'sentBack') sendBack(script);
    else moveToSeparateRegister(script, leaving.months === 24);
    return script;
  }
  endCarriedOverCase(context, script, identity, openingState, state);
  return script;
}

/** How a case leaves the books without being completed: by when, how long after its decision, and in which mode. */
interface Leaving {
  readonly lastDay: LocalDate;
  readonly months: number;
  readonly mode?: EnforcementMode;
}

/**
 * The separate register: a year after the not-enforceable decision under Decree 62, moved before 1 July 2026 in a
 * year that straddles it; in a year under Law 106/2025 two years, ex officio only (Decree 152/2026 Art. 22(1)). A
 * request sent back: on request, two years after the decision, from 1 July 2026 (Art. 22(2)).
 */
function leavingTheBooks(context: CaseContext, state: EndState): Leaving | undefined {
  const { yearStartsOn, periodEndsOn } = context.window;
  if (state === 'sentBack') return { lastDay: periodEndsOn, months: 24, mode: 'ON_REQUEST' };
  if (state !== 'movedToSeparateRegister') return undefined;
  if (yearStartsOn >= LAW_106_2025_EFFECTIVE) return { lastDay: periodEndsOn, months: 24, mode: 'EX_OFFICIO' };
  const beforeNewLaw = addCalendarDays(LAW_106_2025_EFFECTIVE, -1);
  return { lastDay: periodEndsOn < beforeNewLaw ? periodEndsOn : beforeNewLaw, months: 12 };
}

/** Before the year: the decision and what brought the case to its opening state; every act by 30 September. */
function writeHistory(
  context: CaseContext,
  script: CaseScript,
  identity: CaseIdentity,
  openingState: OpeningState,
  ground: NotEnforceableGround,
  state: EndState,
): void {
  const { random } = context;
  switch (openingState) {
    case 'enforceable':
      verifyEnforceable(script);
      // Nothing is collected on a case that will be terminated, so all its VND counts as terminated money and the
      // report's split matches the scenario's figures, nor on one that leaves for another office, whose own case then
      // carries the file's amount (docs/scenarios.md).
      // Nor when the file states the year's collections: the planned amount must still be owed.
      if (!KEPT_WHOLE.has(state) && context.collect === undefined && random.chance(0.3))
        collectPart(script, 'VOLUNTARY');
      return;
    case 'notEnforceable':
      decideNotEnforceable(script, ground);
      return reverifyWhileDue(script, script.limit);
    case 'postponed':
      if (random.chance(0.6)) verifyEnforceable(script);
      return postpone(script, postponementGround(random));
    case 'suspended':
      if (random.chance(0.6)) verifyEnforceable(script);
      return suspend(script, suspensionGround(random, identity));
  }
}

/** In the year: from the opening state to the end state. */
function endCarriedOverCase(
  context: CaseContext,
  script: CaseScript,
  identity: CaseIdentity,
  from: OpeningState,
  state: EndState,
): void {
  const { random } = context;
  switch (state) {
    case 'inProgress':
      if (context.collect !== undefined) {
        // The file states the collections: back to enforcement, then paid in part by exactly the planned amount.
        backToEnforcement(script, from);
        if (context.collect > 0n) collectExactly(script, context.collect, 'VOLUNTARY');
        return;
      }
      if (from === 'notEnforceable') return reverifyEnforceable(script);
      if (from === 'postponed' || from === 'suspended') return resume(script);
      return keepEnforcing(context, script);
    case 'fullyEnforced':
      backToEnforcement(script, from);
      return settleByCoercion(script, context.moneyPath === 'voluntary' ? 'accountDebit' : context.moneyPath);
    case 'terminated':
      return terminate(script, terminationGround(random, identity));
    case 'postponed':
      if (from === 'enforceable') postpone(script, postponementGround(random));
      return;
    case 'suspended':
      if (from === 'enforceable') suspend(script, suspensionGround(random, identity));
      return;
    case 'notEnforceable':
      if (from === 'enforceable') decideNotEnforceable(script, notEnforceableGround(random));
      else enterPhase(script, context.window.yearStartsOn, context.window.periodEndsOn);
      return reverifyWhileDue(script, script.limit);
    case 'entrustedOut':
      backToEnforcement(script, from);
      return entrust(script, random.pick(context.entrustTargets));
    case 'postponedByAgreement':
      backToEnforcement(script, from);
      return postpone(script, 'PARTIES_AGREE');
    case 'takenUp':
      return takeUp(script, requireProvince(context));
    case 'movedToSeparateRegister':
    case 'sentBack':
      throw new DoesNotFit('handled by writeCarriedOverCase');
  }
}

/** Enforceable again: new assets found, or the pause lifted (and, if it came before any verification, verified). */
function backToEnforcement(script: CaseScript, from: OpeningState): void {
  if (from === 'notEnforceable') reverifyEnforceable(script);
  if (from === 'postponed' || from === 'suspended') resume(script);
  if (script.status === 'decided') verifyEnforceable(script);
}

/** Still being enforced at the period end: nothing new, a partial payment, or coercion under way (never postponed). */
function keepEnforcing(context: CaseContext, script: CaseScript): void {
  const variant = context.random.weighted<'quiet' | 'paidPart' | 'coercionStarted'>([
    ['quiet', 2],
    ['paidPart', 1],
    ['coercionStarted', 1],
  ]);
  if (variant === 'paidPart') collectPart(script, 'VOLUNTARY');
  if (variant === 'coercionStarted') {
    decideCoercion(script, 'INCOME_GARNISHMENT');
    collectPart(script, 'COERCION');
  }
}

/** The first in-year act falls anywhere in the period that leaves room for what follows it. */
function inYearStart(context: CaseContext, state: EndState): LocalDate {
  const { window } = context;
  if (context.tempo === 'hurried') return window.yearStartsOn;
  const room =
    daysBetween(window.yearStartsOn, window.periodEndsOn) -
    reserveDaysFor(state === 'fullyEnforced' ? context.moneyPath : 'other');
  return addCalendarDays(window.yearStartsOn, context.random.integer(0, Math.max(0, room)));
}
