/**
 * A case received and decided inside the period, written through to its end state at the period end. Acts are dated
 * between 1 October and the period's last day.
 */
import { addCalendarDays, daysBetween } from '@thads/domain';
import type { EndState } from '../scenario/scenario';
import { caseIdentity, type CaseIdentity } from './case-identity';
import { requireProvince, reserveDaysFor, type CaseContext } from './case-context';
import { startScript, workingDayBetween, type CaseScript } from './case-script';
import { notEnforceableGround, postponementGround, suspensionGround, terminationGround } from './choices';
import {
  decideNotEnforceable,
  entrust,
  intake,
  postpone,
  reverifyWhileDue,
  suspend,
  takeUp,
  terminate,
  verifyEnforceable,
} from './script-acts';
import { collectExactly, collectPart, decideCoercion, settleByCoercion, settleVoluntarily } from './script-money';

/** Writes a received case ending in `state`. Throws DoesNotFit when this attempt runs out of days. */
export function writeReceivedCase(context: CaseContext, state: EndState): CaseScript {
  const { random, window } = context;
  // An office set up inside the year receives from its registration; one merged away, until the day before.
  const firstDay = context.receipts?.from ?? window.yearStartsOn;
  const script = startScript(random, context.tempo, firstDay, window.periodEndsOn);
  const reserve = reserveDaysFor(state === 'fullyEnforced' ? context.moneyPath : 'other');
  const latestStart = addCalendarDays(
    window.periodEndsOn,
    -Math.min(reserve, daysBetween(firstDay, window.periodEndsOn)),
  );
  const lastDay = context.receipts?.before === undefined ? latestStart : addCalendarDays(context.receipts.before, -1);
  const receivedOn = workingDayBetween(
    random,
    firstDay,
    minDate(context.tempo === 'hurried' ? addCalendarDays(firstDay, 6) : latestStart, lastDay),
  );
  const identity = caseIdentity(random, context.amount, context.area, receivedOn, context.mode);
  intake(script, identity, context.officeId, context.officerId, receivedOn);
  endReceivedCase(context, script, identity, state);
  return script;
}

function endReceivedCase(context: CaseContext, script: CaseScript, identity: CaseIdentity, state: EndState): void {
  const { random } = context;
  switch (state) {
    case 'inProgress':
      return keepInProgress(context, script);
    case 'fullyEnforced':
      if (context.moneyPath === 'voluntary') return settleVoluntarily(script);
      verifyEnforceable(script);
      return settleByCoercion(script, context.moneyPath);
    case 'terminated':
      if (random.chance(0.4)) decideNotEnforceable(script, notEnforceableGround(random));
      else if (random.chance(0.5)) verifyEnforceable(script);
      return terminate(script, terminationGround(random, identity));
    case 'postponed':
      if (random.chance(0.6)) verifyEnforceable(script);
      return postpone(script, postponementGround(random));
    case 'suspended':
      if (random.chance(0.6)) verifyEnforceable(script);
      return suspend(script, suspensionGround(random, identity));
    case 'notEnforceable':
      decideNotEnforceable(script, notEnforceableGround(random));
      return reverifyWhileDue(script, script.limit);
    case 'entrustedOut':
      // Verification found the debtor's assets or residence in another office's area (Art. 55).
      if (random.chance(0.7)) verifyEnforceable(script, 'Người phải thi hành án có tài sản tại địa phương khác');
      return entrust(script, random.pick(context.entrustTargets));
    case 'postponedByAgreement':
      // Art. 48(1)(c): postponed by the parties' agreement stays enforceable (docs/statistics.md).
      if (random.chance(0.6)) verifyEnforceable(script);
      return postpone(script, 'PARTIES_AGREE');
    case 'takenUp':
      if (random.chance(0.5)) verifyEnforceable(script);
      return takeUp(script, requireProvince(context));
    case 'movedToSeparateRegister':
    case 'sentBack':
      throw new Error(
        `A case received in the year cannot reach ${state} within it (the scenario validation refuses it)`,
      );
  }
}

/**
 * Enforceable and not completed at the period end: a few realistic ways to be there. Never postponed by agreement:
 * the scenario states those apart (postponedByAgreement), so the report's figure is the file's.
 */
function keepInProgress(context: CaseContext, script: CaseScript): void {
  const { random } = context;
  if (context.collect !== undefined) {
    // The file states the collections: verified, and paid in part by exactly the planned amount, or not at all.
    verifyEnforceable(script);
    if (context.collect > 0n) collectExactly(script, context.collect, 'VOLUNTARY');
    return;
  }
  const variant = random.weighted<'decided' | 'verified' | 'coercionStarted' | 'paidPart'>([
    ['decided', 1],
    ['verified', 4],
    ['coercionStarted', 2],
    ['paidPart', 2],
  ]);
  // Only a recent decision is still unverified at the period end; an older one would have missed its deadline.
  if (variant === 'decided' && (script.verificationDueOn ?? script.limit) > script.limit) return;
  if (variant === 'paidPart') collectPart(script, 'VOLUNTARY');
  verifyEnforceable(script);
  if (variant === 'coercionStarted') {
    decideCoercion(script, random.chance(0.5) ? 'ACCOUNT_DEBIT' : 'INCOME_GARNISHMENT');
    collectPart(script, 'COERCION');
  }
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
