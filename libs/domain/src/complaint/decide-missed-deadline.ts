import type { LocalDate } from '../shared/local-date';
import { COMPLAINT_DEADLINES, type ComplaintDeadline, type RecordMissedComplaintDeadline } from './complaint-commands';
import type { ComplaintEvent } from './complaint-events';
import { complaintEventData, ensureComplaintRule, requireDate, requireOneOf } from './complaint-rules';
import { missedComplaintDeadlineKey, type ExistingComplaint } from './complaint-state';

/**
 * Missed acceptance and resolution deadlines of a complaint (Art. 146, 148; docs/domain.md, Time limits: record, never block).
 * The deadline sweep sends RecordMissedDeadline for every open deadline whose date has passed; this decider alone
 * makes the record exactly-once, so a sweep that runs twice, concurrently, or with another command id adds nothing.
 */

/**
 * Records the miss at the current level, or returns no events when there is nothing to record: already recorded,
 * the act happened (accepted, declined, decided), or the complaint moved on (withdrawn, another level). Throws only
 * for a command that could never be right: an unknown deadline, a bad date, a detection on or before the due date.
 *
 * Checked before the shared rules on purpose: a closed or final complaint answers "nothing to record", and the
 * detection date is not an act, so it need not follow the latest act (nor does it move it, see evolve).
 */
export function decideRecordMissedDeadline(
  command: RecordMissedComplaintDeadline,
  state: ExistingComplaint,
): readonly ComplaintEvent[] {
  const deadline = requireOneOf(command.data.deadline, COMPLAINT_DEADLINES, 'deadline');
  const dueOn = requireDate(command.data.dueOn, 'dueOn');
  const effectiveDate = requireDate(command.data.effectiveDate, 'effectiveDate');
  ensureComplaintRule(
    effectiveDate > dueOn,
    'DEADLINE_NOT_PASSED',
    `A deadline due on ${dueOn} is missed only from the next day`,
    { deadline, dueOn, effectiveDate },
  );
  if (state.missedDeadlines.includes(missedComplaintDeadlineKey(deadline, state.level, dueOn))) return [];
  if (!isStillOpen(state, deadline, dueOn)) return [];
  return [
    {
      type: 'ComplaintDeadlineMissed',
      data: complaintEventData(state, effectiveDate, {
        deadline,
        level: state.level,
        dueOn,
        decidingAuthority: state.authority,
      }),
    },
  ];
}

/**
 * Whether the current level still owes the act due on `dueOn`. The deadlines read model opens and closes its rows on
 * the same events, so the sweep's candidates and this answer agree. ACCEPTANCE: filed or escalated, waiting for
 * acceptance or refusal. RESOLUTION: accepted, waiting for the decision.
 */
function isStillOpen(state: ExistingComplaint, deadline: ComplaintDeadline, dueOn: LocalDate): boolean {
  if (deadline === 'ACCEPTANCE')
    return (state.status === 'filed' || state.status === 'escalated') && state.acceptanceDueOn === dueOn;
  return state.status === 'accepted' && state.resolutionDueOn === dueOn;
}
