import { addMonths } from '../shared/local-date';
import { LAW_106_2025_RULES, ruleSetOn } from '../shared/rule-set';
import type {
  DecideNotEnforceable,
  MoveToSeparateTrackingRegister,
  RecordPeriodicReverification,
  SendBackEnforcementRequest,
  RecordVerification,
} from './case-commands';
import type { CaseEvent } from './case-events';
import { ensureRule, eventData, legalDueDate, requireStatus, requireText } from './case-rules';
import type { ExistingCase } from './case-state';

/** Verification of the debtor's conditions, the not-enforceable branch and the separate register (Art. 44, 44a). */

/**
 * A verification after the decision (Art. 44(1)). ENFORCEABLE classifies the case (no decision exists for that);
 * NOT_ENFORCEABLE starts the 5-working-day clock for the head's decision and blocks coercion meanwhile.
 * Allowed again while enforceable: assets can run out half-way. A ground sent with ENFORCEABLE is ignored.
 */
export function decideRecordVerification(command: RecordVerification, state: ExistingCase): readonly CaseEvent[] {
  const { facts } = requireStatus(state, ['decided', 'enforceable'], command.type);
  const { effectiveDate, findings } = command.data;
  const base = eventData(facts, effectiveDate, { findings });
  if (command.data.result === 'ENFORCEABLE') {
    return [
      { type: 'EnforcementConditionsVerified', data: Object.assign({}, base, { result: 'ENFORCEABLE' as const }) },
    ];
  }
  const { ground } = command.data;
  ensureRule(
    ground !== undefined,
    'MISSING_GROUND',
    'A NOT_ENFORCEABLE verification must state its ground (Art. 44a(1))',
    { field: 'ground' },
  );
  return [
    {
      type: 'EnforcementConditionsVerified',
      data: Object.assign({}, base, {
        result: 'NOT_ENFORCEABLE' as const,
        ground,
        notEnforceableDecisionDueOn: legalDueDate('NOT_ENFORCEABLE_DECISION', effectiveDate),
      }),
    },
  ];
}

/** The head's decision that the case is not yet enforceable (Art. 44a), resting on the latest verification's ground. */
export function decideNotEnforceable(command: DecideNotEnforceable, state: ExistingCase): readonly CaseEvent[] {
  const { facts } = requireStatus(state, ['decided', 'enforceable'], command.type);
  const { classification } = facts;
  ensureRule(
    classification.latestResult === 'NOT_ENFORCEABLE',
    'NOT_ENFORCEABLE_NOT_VERIFIED',
    'The latest verification did not find the case not enforceable',
    {
      latestResult: classification.latestResult ?? null,
    },
  );
  const { ground, effectiveDate } = command.data;
  ensureRule(
    ground === classification.verifiedGround,
    'NOT_ENFORCEABLE_GROUND_MISMATCH',
    `The verification found ${classification.verifiedGround}, not ${ground}`,
    {
      field: 'ground',
      ground,
      verifiedGround: classification.verifiedGround,
    },
  );
  const debtorImprisonedLongTerm = command.data.debtorImprisonedLongTerm === true;
  const longTerm = ground === 'ADDRESS_UNKNOWN' || debtorImprisonedLongTerm;
  return [
    {
      type: 'NotEnforceableDecided',
      data: eventData(facts, effectiveDate, {
        decisionNumber: requireText(command.data.decisionNumber, 'decisionNumber'),
        ground,
        debtorImprisonedLongTerm,
        reverificationDueOn: legalDueDate(longTerm ? 'REVERIFICATION_LONG_TERM' : 'REVERIFICATION', effectiveDate),
      }),
    },
  ];
}

/**
 * Periodic re-verification (Art. 44(2)). ENFORCEABLE brings the case back to enforcement, from the separate register
 * too (Decree 62 Art. 9(6)). A negative one counts towards the creditor notice (2nd one) and the separate register.
 * Cases in the separate register have no periodic clock: they are re-verified when new information arrives.
 */
export function decideRecordPeriodicReverification(
  command: RecordPeriodicReverification,
  state: ExistingCase,
): readonly CaseEvent[] {
  const current = requireStatus(state, ['not_enforceable', 'separately_tracked'], command.type);
  const { facts } = current;
  const { effectiveDate, findings, result } = command.data;
  const stillNotEnforceable = result === 'STILL_NOT_ENFORCEABLE';
  const negativeReverifications = facts.classification.negativeReverifications + (stillNotEnforceable ? 1 : 0);
  const periodic = stillNotEnforceable && current.status === 'not_enforceable';
  return [
    {
      type: 'ConditionsReverified',
      data: eventData(facts, effectiveDate, {
        result,
        findings,
        negativeReverifications,
        creditorNoticeRequired: stillNotEnforceable && negativeReverifications === 2,
        reverificationDueOn: periodic
          ? legalDueDate(facts.classification.longTerm ? 'REVERIFICATION_LONG_TERM' : 'REVERIFICATION', effectiveDate)
          : null,
      }),
    },
  ];
}

/**
 * Decree 62 Art. 9(5): 1 year after the not-enforceable decision (2 years when the address is unknown or the debtor
 * is imprisoned long-term) and at least 2 re-verifications. From 1 July 2026 the timer is 2 years for every case
 * (Decree 152/2026 Art. 22). "No new information" is not modelled: new information arrives as a re-verification.
 */
export function decideMoveToSeparateTrackingRegister(
  command: MoveToSeparateTrackingRegister,
  state: ExistingCase,
): readonly CaseEvent[] {
  const { facts } = requireStatus(state, ['not_enforceable'], command.type);
  const { classification } = facts;
  const { effectiveDate } = command.data;
  const decidedOn = classification.notEnforceableDecidedOn;
  if (decidedOn === undefined) throw new Error('Corrupt case state: not_enforceable without notEnforceableDecidedOn');
  const newLaw = ruleSetOn(effectiveDate) === 'LAW_106_2025';
  // Decree 152/2026 Art. 22(1): from 1 July 2026 only ex officio cases go to the separate register.
  ensureRule(
    !(newLaw && facts.mode === 'ON_REQUEST'),
    'SEPARATE_REGISTER_ON_REQUEST',
    'Under Law 106/2025 an on-request case is sent back to the creditor instead (SendBackEnforcementRequest)',
    { mode: facts.mode, ruleSet: 'LAW_106_2025' },
  );
  const twoYears = classification.longTerm || newLaw;
  const earliestOn = addMonths(decidedOn, twoYears ? LAW_106_2025_RULES.separateRegisterAfterMonths : 12);
  ensureRule(
    effectiveDate >= earliestOn,
    'SEPARATE_REGISTER_TOO_EARLY',
    `The case can move to the separate register from ${earliestOn}`,
    {
      notEnforceableDecidedOn: decidedOn,
      earliestOn,
    },
  );
  ensureRule(
    classification.negativeReverifications >= 2,
    'SEPARATE_REGISTER_NEEDS_TWO_VERIFICATIONS',
    'The separate register needs at least 2 re-verifications since the decision',
    {
      negativeReverifications: classification.negativeReverifications,
    },
  );
  return [
    {
      type: 'MovedToSeparateTrackingRegister',
      data: eventData(facts, effectiveDate, { notEnforceableDecidedOn: decidedOn }),
    },
  ];
}

/**
 * Law 106/2025 Art. 38, detailed by Decree 152/2026 Art. 22(2): an on-request case not enforceable for 2 years since
 * the not-enforceable decision, re-verified with nothing new, is sent back to the creditor and ends (Art. 32(1)(d)).
 * Only on acts from 1 July 2026 (SEND_BACK_NOT_IN_FORCE before). The verification the decree asks for (Law 106/2025
 * Art. 38(3), text not confirmed) is read as at least LAW_106_2025_RULES.sendBackMinimumReverifications negative
 * periodic re-verifications [I]; "nothing new" arrives as a re-verification, as for the separate register.
 */
export function decideSendBackEnforcementRequest(
  command: SendBackEnforcementRequest,
  state: ExistingCase,
): readonly CaseEvent[] {
  const { facts } = requireStatus(state, ['not_enforceable'], command.type);
  const { classification } = facts;
  const { effectiveDate } = command.data;
  ensureRule(
    ruleSetOn(effectiveDate) === 'LAW_106_2025',
    'SEND_BACK_NOT_IN_FORCE',
    'Sending a request back exists from 1 July 2026 (Law 106/2025)',
    { effectiveDate, ruleSet: ruleSetOn(effectiveDate) },
  );
  ensureRule(facts.mode === 'ON_REQUEST', 'SEND_BACK_EX_OFFICIO', 'An ex officio case goes to the separate register', {
    mode: facts.mode,
  });
  const decidedOn = classification.notEnforceableDecidedOn;
  if (decidedOn === undefined) throw new Error('Corrupt case state: not_enforceable without notEnforceableDecidedOn');
  const earliestOn = addMonths(decidedOn, LAW_106_2025_RULES.sendBackAfterMonths);
  ensureRule(effectiveDate >= earliestOn, 'SEND_BACK_TOO_EARLY', `The request can be sent back from ${earliestOn}`, {
    notEnforceableDecidedOn: decidedOn,
    earliestOn,
  });
  ensureRule(
    classification.negativeReverifications >= LAW_106_2025_RULES.sendBackMinimumReverifications,
    'SEND_BACK_NEEDS_REVERIFICATION',
    'Sending back needs a periodic re-verification since the not-enforceable decision',
    { negativeReverifications: classification.negativeReverifications },
  );
  return [
    {
      type: 'EnforcementRequestSentBack',
      data: eventData(facts, effectiveDate, {
        noticeNumber: requireText(command.data.noticeNumber, 'noticeNumber'),
        notEnforceableDecidedOn: decidedOn,
      }),
    },
  ];
}
