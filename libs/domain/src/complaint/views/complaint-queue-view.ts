import type { LocalDate } from '../../shared/local-date';
import type { ComplaintStatus, ExistingComplaint } from '../complaint-state';
import type { DecidingAuthority } from '../escalation-matrix';

/**
 * A complaint as the queue of complaints shows it: the level running, who decides there, and the step owed now with
 * its due date. Computed from the complaint's folded state (the fold the decider decides on), so the read side
 * holds no complaint lifecycle rule of its own.
 */
export interface ComplaintQueueView {
  readonly complaintId: string;
  readonly caseId: string;
  /** The respondent's office: the office whose decision or act is complained of. */
  readonly officeId: string;
  readonly respondentRole: string;
  readonly group: string;
  readonly level: 1 | 2;
  readonly status: Exclude<ComplaintStatus, 'none'>;
  /** The authority deciding at the current level; once decided, the one who decided. */
  readonly decidingAuthority: DecidingAuthority;
  readonly filedOn: LocalDate;
  readonly acceptanceDueOn: LocalDate;
  readonly resolutionDueOn: LocalDate | null;
  /** After a non-final decision: the last day for a second complaint. */
  readonly escalationDeadline: LocalDate | null;
  /** The due date of the step owed now (acceptance while filed or escalated, resolution while accepted), else null. */
  readonly nextDueOn: LocalDate | null;
  readonly lastActOn: LocalDate;
  /** Whether the deadline sweep has recorded a missed acceptance or resolution date (a fact that stays). */
  readonly deadlineMissed: boolean;
}

export function complaintQueueView(state: ExistingComplaint): ComplaintQueueView {
  return {
    complaintId: state.complaintId,
    caseId: state.caseId,
    officeId: state.respondent.officeId,
    respondentRole: state.respondent.role,
    group: state.group,
    level: state.level,
    status: state.status,
    decidingAuthority: state.status === 'decided' ? state.decision.authority : state.authority,
    filedOn: state.filedOn,
    acceptanceDueOn: state.acceptanceDueOn,
    resolutionDueOn: state.resolutionDueOn ?? null,
    escalationDeadline: state.status === 'decided' ? (state.escalationDeadline ?? null) : null,
    nextDueOn: nextDueOn(state),
    lastActOn: state.lastActOn,
    deadlineMissed: state.missedDeadlines.length > 0,
  };
}

function nextDueOn(state: ExistingComplaint): LocalDate | null {
  switch (state.status) {
    case 'filed':
    case 'escalated':
      return state.acceptanceDueOn;
    case 'accepted':
      return state.resolutionDueOn;
    default:
      return null;
  }
}
