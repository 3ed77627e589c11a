import { parseLocalDate, type LocalDate } from '../shared/local-date';
import { CASE_DEADLINES, type CaseDeadline, type RecordMissedCaseDeadline } from './case-commands';
import type { CaseEvent } from './case-events';
import { ensureRule, eventData } from './case-rules';
import { missedDeadlineKey, type ExistingCase } from './case-state';
import { openDeadlinesOf } from './views/case-deadlines-view';

/**
 * Missed verification and re-verification dates (docs/domain.md, Time limits: record, never block). The deadline sweep sends
 * RecordMissedDeadline for every open deadline whose date has passed; this decider alone makes the record
 * exactly-once, so a sweep that runs twice, concurrently, or with another command id writes nothing more.
 */

/**
 * Records the miss, or returns no events when there is nothing to record: the miss is already recorded, the act
 * happened, or the case has moved on (paused, ended, or its next date is another one). Throws only for a command
 * that could never be right: an unknown deadline, a bad date, or a detection on or before the due date.
 *
 * Checked before the shared rules on purpose: a closed case answers "nothing to record", not CASE_CLOSED, and the
 * detection date is not an act, so it need not follow the case's latest act (nor does it move it, see evolve).
 */
export function decideRecordMissedDeadline(
  command: RecordMissedCaseDeadline,
  state: ExistingCase,
): readonly CaseEvent[] {
  const { deadline } = command.data;
  ensureRule(
    CASE_DEADLINES.includes(deadline),
    'INVALID_DEADLINE',
    `deadline must be one of ${CASE_DEADLINES.join(', ')}`,
    { field: 'deadline', value: deadline },
  );
  const dueOn = parseLocalDate(command.data.dueOn, 'dueOn');
  const effectiveDate = parseLocalDate(command.data.effectiveDate, 'effectiveDate');
  ensureRule(
    effectiveDate > dueOn,
    'DEADLINE_NOT_PASSED',
    `A deadline due on ${dueOn} is missed only from the next day`,
    { deadline, dueOn, effectiveDate },
  );
  if (state.facts.missedDeadlines.includes(missedDeadlineKey(deadline, dueOn))) return [];
  if (!isStillOpen(state, deadline, dueOn)) return [];
  const data = eventData(state.facts, effectiveDate, { dueOn });
  return deadline === 'VERIFICATION'
    ? [{ type: 'VerificationDeadlineMissed', data }]
    : [{ type: 'ReverificationDeadlineMissed', data }];
}

/**
 * Whether the case still owes the act due on `dueOn`: the open deadlines view says so (views/case-deadlines-view.ts),
 * the same view the deadlines read model opens and closes its rows by, so the sweep's candidates and this answer
 * agree. A postponed or suspended case owes no verification until it resumes; the separate register has no clock.
 */
function isStillOpen(state: ExistingCase, deadline: CaseDeadline, dueOn: LocalDate): boolean {
  return openDeadlinesOf(state).some((open) => open.kind === deadline && open.dueOn === dueOn);
}
