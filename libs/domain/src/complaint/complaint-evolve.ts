import { assertNever } from '../shared/decider';
import type { ComplaintEvent } from './complaint-events';
import {
  missedComplaintDeadlineKey,
  type ComplaintBase,
  type ComplaintState,
  type ExistingComplaint,
} from './complaint-state';

/** Folds one complaint event into the state. Events are facts: evolve never validates, it only applies. */
export function evolveComplaint(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  if (event.type === 'ComplaintFiled') {
    const data = event.data;
    return {
      status: 'filed',
      complaintId: data.complaintId,
      caseId: data.caseId,
      group: data.group,
      respondent: data.respondent,
      filedOn: data.effectiveDate,
      filingDeadline: data.filingDeadline,
      level: 1,
      authority: data.decidingAuthority,
      ...(data.secondLevelAuthority !== undefined && { secondLevelAuthority: data.secondLevelAuthority }),
      lastActOn: data.effectiveDate,
      acceptanceDueOn: data.acceptanceDueOn,
      missedDeadlines: [],
    };
  }
  if (state.status === 'none') throw new Error(`${event.type} on a complaint stream with no ComplaintFiled`);
  if (event.type === 'ComplaintDeadlineMissed') {
    // A detection, not an act: lastActOn stays, so the late act may still be dated before it.
    const key = missedComplaintDeadlineKey(event.data.deadline, event.data.level, event.data.dueOn);
    return { ...state, missedDeadlines: [...state.missedDeadlines, key] };
  }
  const base = { ...baseOf(state), lastActOn: event.data.effectiveDate };
  switch (event.type) {
    case 'ComplaintAccepted':
      return Object.assign({}, base, {
        status: 'accepted' as const,
        acceptedOn: event.data.effectiveDate,
        resolutionDueOn: event.data.resolutionDueOn,
      });
    case 'ComplaintNotAccepted':
      return Object.assign({}, base, { status: 'not_accepted' as const, ground: event.data.ground });
    case 'ComplaintDecided': {
      const data = event.data;
      return Object.assign({}, base, {
        status: 'decided' as const,
        decision: {
          level: data.level,
          decisionNumber: data.decisionNumber,
          finding: data.finding,
          decidedOn: data.effectiveDate,
          authority: data.decidingAuthority,
        },
        final: data.final,
        ...(data.escalationDeadline !== undefined && { escalationDeadline: data.escalationDeadline }),
      });
    }
    case 'ComplaintEscalated':
      return Object.assign({}, withoutResolution(base), {
        status: 'escalated' as const,
        level: 2 as const,
        authority: event.data.toAuthority,
        ...(state.status === 'decided' && { firstLevelDecision: state.decision }),
        escalatedOn: event.data.effectiveDate,
        acceptanceDueOn: event.data.acceptanceDueOn,
      });
    case 'ComplaintWithdrawn':
      return Object.assign({}, base, { status: 'withdrawn' as const });
    default:
      return assertNever(event, 'complaint event');
  }
}

/** The fields that survive every transition, without the status-specific ones of the previous state. */
function baseOf(state: ExistingComplaint): ComplaintBase {
  return {
    complaintId: state.complaintId,
    caseId: state.caseId,
    group: state.group,
    respondent: state.respondent,
    filedOn: state.filedOn,
    filingDeadline: state.filingDeadline,
    level: state.level,
    authority: state.authority,
    ...(state.secondLevelAuthority !== undefined && { secondLevelAuthority: state.secondLevelAuthority }),
    lastActOn: state.lastActOn,
    acceptanceDueOn: state.acceptanceDueOn,
    ...(state.resolutionDueOn !== undefined && { resolutionDueOn: state.resolutionDueOn }),
    ...(state.firstLevelDecision !== undefined && { firstLevelDecision: state.firstLevelDecision }),
    missedDeadlines: state.missedDeadlines,
  };
}

/** A new level has its own clocks: the first level's resolution date is spent. */
function withoutResolution(base: ComplaintBase): ComplaintBase {
  const { resolutionDueOn, ...rest } = base;
  void resolutionDueOn;
  return rest;
}
