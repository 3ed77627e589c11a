import { addMonths, parseLocalDate } from '../shared/local-date';
import type {
  EntrustEnforcement,
  PostponeEnforcement,
  ResumeEnforcement,
  SuspendEnforcement,
  TerminateEnforcement,
} from './case-commands';
import type { CaseEvent } from './case-events';
import {
  AFTER_DECISION,
  ensureRule,
  eventData,
  openItemIds,
  requireOpenItems,
  requireStatus,
  requireText,
} from './case-rules';
import type { ExistingCase } from './case-state';

/** Pausing and ending enforcement: postponement, suspension, resumption, termination, entrustment (Art. 48–50, 55–57). */

/**
 * Postponement and suspension pause a case that is decided or enforceable. A not-enforceable case is not postponed:
 * coercion is already blocked there, and its statistics bucket (chưa có điều kiện) must not change to hoãn.
 */
const PAUSABLE = ['decided', 'enforceable'] as const;

/** Protest-entitled persons may ask once, for at most 3 months (Art. 48(2)). */
const PROTEST_POSTPONEMENT_MONTHS = 3;

/** Hoãn thi hành án (Art. 48). */
export function decidePostponeEnforcement(command: PostponeEnforcement, state: ExistingCase): readonly CaseEvent[] {
  const { facts } = requireStatus(state, PAUSABLE, command.type);
  const { effectiveDate, ground } = command.data;
  const decisionNumber = requireText(command.data.decisionNumber, 'decisionNumber');
  let until = command.data.until === undefined ? undefined : parseLocalDate(command.data.until, 'until');
  ensureRule(
    until === undefined || until >= effectiveDate,
    'POSTPONEMENT_ENDS_BEFORE_IT_STARTS',
    'A postponement cannot end before it starts',
    {
      field: 'until',
      until,
      effectiveDate,
    },
  );
  if (ground === 'PROTEST_REQUEST') {
    ensureRule(
      !facts.protestPostponementUsed,
      'POSTPONEMENT_ON_PROTEST_ALREADY_USED',
      'A postponement on a protest request is allowed only once (Art. 48(2))',
      {
        ground,
      },
    );
    const latestEnd = addMonths(effectiveDate, PROTEST_POSTPONEMENT_MONTHS);
    until = until ?? latestEnd;
    ensureRule(
      until <= latestEnd,
      'POSTPONEMENT_ON_PROTEST_TOO_LONG',
      `A postponement on a protest request ends by ${latestEnd} (Art. 48(2))`,
      {
        field: 'until',
        until,
        latestEnd,
      },
    );
  }
  return [
    {
      type: 'EnforcementPostponed',
      data: eventData(facts, effectiveDate, { decisionNumber, ground, ...(until === undefined ? {} : { until }) }),
    },
  ];
}

/** Tạm đình chỉ (Art. 49): a cassation or reopening protest, or an accepted bankruptcy petition. */
export function decideSuspendEnforcement(command: SuspendEnforcement, state: ExistingCase): readonly CaseEvent[] {
  const { facts } = requireStatus(state, PAUSABLE, command.type);
  const { effectiveDate, ground } = command.data;
  return [
    {
      type: 'EnforcementSuspended',
      data: eventData(facts, effectiveDate, {
        decisionNumber: requireText(command.data.decisionNumber, 'decisionNumber'),
        ground,
      }),
    },
  ];
}

/** Back to the status held before the pause (Art. 48(4), 49(3)). */
export function decideResumeEnforcement(command: ResumeEnforcement, state: ExistingCase): readonly CaseEvent[] {
  const paused = requireStatus(state, ['postponed', 'suspended'], command.type);
  return [
    {
      type: 'EnforcementResumed',
      data: eventData(paused.facts, command.data.effectiveDate, {
        decisionNumber: requireText(command.data.decisionNumber, 'decisionNumber'),
        resumedStatus: paused.resumeTo,
      }),
    },
  ];
}

/**
 * Đình chỉ (Art. 50), from any status after the decision. Without itemIds the whole case ends; with itemIds only
 * those open items end and the case goes on for the rest.
 */
export function decideTerminateEnforcement(command: TerminateEnforcement, state: ExistingCase): readonly CaseEvent[] {
  const { facts } = requireStatus(state, AFTER_DECISION, command.type);
  const { effectiveDate, ground, itemIds } = command.data;
  const base = eventData(facts, effectiveDate, {
    decisionNumber: requireText(command.data.decisionNumber, 'decisionNumber'),
    ground,
  });
  if (itemIds === undefined)
    return [{ type: 'EnforcementTerminated', data: Object.assign({}, base, { itemIds: openItemIds(facts) }) }];
  return [
    { type: 'ObligationItemsTerminated', data: Object.assign({}, base, { itemIds: requireOpenItems(facts, itemIds) }) },
  ];
}

/**
 * Ủy thác (Art. 55–57) to another office, of the whole case (it ends here) or of some open items. Only from decided
 * or enforceable: entrustment follows where the debtor's assets or residence are, which verification establishes.
 */
export function decideEntrustEnforcement(command: EntrustEnforcement, state: ExistingCase): readonly CaseEvent[] {
  const { facts } = requireStatus(state, ['decided', 'enforceable'], command.type);
  const { effectiveDate, itemIds } = command.data;
  const targetOfficeId = requireText(command.data.targetOfficeId, 'targetOfficeId');
  ensureRule(targetOfficeId !== facts.officeId, 'ENTRUST_TO_SAME_OFFICE', 'A case is entrusted to another office', {
    field: 'targetOfficeId',
    targetOfficeId,
  });
  const base = eventData(facts, effectiveDate, {
    decisionNumber: requireText(command.data.decisionNumber, 'decisionNumber'),
    targetOfficeId,
  });
  if (itemIds === undefined)
    return [
      { type: 'EnforcementEntrusted', data: Object.assign({}, base, { wholeCase: true, itemIds: openItemIds(facts) }) },
    ];
  return [
    {
      type: 'EnforcementEntrusted',
      data: Object.assign({}, base, { wholeCase: false, itemIds: requireOpenItems(facts, itemIds) }),
    },
  ];
}
