import { assertNever, type Decider } from '../shared/decider';
import { addCalendarDays, type LocalDate } from '../shared/local-date';
import { ensureNotAfterToday } from '../shared/today';
import {
  COMPLAINT_FINDINGS,
  COMPLAINT_GROUPS,
  DECLINE_GROUNDS,
  OFFICE_TIERS,
  RESPONDENT_ROLES,
  type ComplaintCommand,
  type DecideComplaint,
  type DeclineComplaint,
  type EscalateComplaint,
  type FileComplaint,
} from './complaint-commands';
import type { ComplaintEvent } from './complaint-events';
import { evolveComplaint } from './complaint-evolve';
import {
  complaintEventData,
  ensureComplaintRule,
  filingLimitKey,
  isSecurityMeasureGroup,
  legalDueDate,
  requireComplaintStatus,
  requireDate,
  requireOneOf,
  requireText,
  resolutionLimitKey,
} from './complaint-rules';
import { initialComplaintState, type ComplaintState, type ExistingComplaint } from './complaint-state';
import { ensureActsForAuthority } from './complaint-authority';
import { decideRecordMissedDeadline } from './decide-missed-deadline';
import { escalationRuleFor, officeEraOn, successorAuthorityOn } from './escalation-matrix';

/**
 * The `complaint` decider (khiếu nại: Law 2008 Art. 140–153; Decree 62/2015 Art. 38; TT 13/2021).
 * Lifecycle: filed → accepted → decided (level 1) → escalated → accepted → decided (level 2, final).
 * Group B complaints (security measures) stop at a final first-level decision. Not accepted and withdrawn are
 * terminal. Late acceptance or decision is recorded on the event, never blocked (docs/domain.md, Time limits).
 */
function decide(command: ComplaintCommand, state: ComplaintState): readonly ComplaintEvent[] {
  // Dated after the office's today is a lie whatever the complaint holds (shared/today.ts).
  ensureNotAfterToday(command.data.effectiveDate, command.today, 'effectiveDate');
  if (command.type === 'FileComplaint') {
    ensureComplaintRule(state.status === 'none', 'COMPLAINT_ALREADY_EXISTS', 'This stream already holds a complaint');
    return [fileComplaint(command.data)];
  }
  ensureComplaintRule(state.status !== 'none', 'COMPLAINT_NOT_FOUND', 'No complaint has been filed on this stream');
  // A detection, not an act: on a closed or final complaint it records nothing rather than failing.
  if (command.type === 'RecordMissedDeadline') return decideRecordMissedDeadline(command, state);
  ensureComplaintRule(
    state.status !== 'withdrawn' && state.status !== 'not_accepted',
    'COMPLAINT_CLOSED',
    `The complaint is ${state.status}`,
    {
      status: state.status,
    },
  );
  if (command.type === 'EscalateComplaint') {
    ensureComplaintRule(
      !isSecurityMeasureGroup(state.group),
      'NO_SECOND_LEVEL_FOR_SECURITY_MEASURES',
      'A decision on a complaint about a security measure is final (Decree 62 Art. 38(3))',
      {
        group: state.group,
      },
    );
  }
  ensureComplaintRule(
    !(state.status === 'decided' && state.final),
    'COMPLAINT_DECISION_FINAL',
    'The decision on this complaint is final',
    {
      level: state.level,
      group: state.group,
    },
  );
  const effectiveDate = requireDate(command.data.effectiveDate, 'effectiveDate');
  ensureComplaintRule(
    effectiveDate >= state.lastActOn,
    'EFFECTIVE_DATE_BEFORE_PREVIOUS_ACT',
    `effectiveDate ${effectiveDate} is before the latest act of ${state.lastActOn}`,
    {
      effectiveDate,
      lastActOn: state.lastActOn,
    },
  );
  // Art. 142: only the holder of the current level's authority accepts, declines or decides at that level.
  if (command.type === 'AcceptComplaint' || command.type === 'DeclineComplaint' || command.type === 'DecideComplaint')
    ensureActsForAuthority(state.authority, command.data.officeLine ?? [], command.data.official);
  switch (command.type) {
    case 'AcceptComplaint':
      return [accept(state, effectiveDate)];
    case 'DeclineComplaint':
      return [decline(state, command.data, effectiveDate)];
    case 'DecideComplaint':
      return [decideAtLevel(state, command.data, effectiveDate)];
    case 'EscalateComplaint':
      return [escalate(state, command.data, effectiveDate)];
    case 'WithdrawComplaint':
      requireComplaintStatus(state, ['filed', 'accepted', 'escalated'], command.type);
      return [{ type: 'ComplaintWithdrawn', data: complaintEventData(state, effectiveDate, { level: state.level }) }];
    default:
      return assertNever(command, 'complaint command');
  }
}

function fileComplaint(data: FileComplaint['data']): ComplaintEvent {
  const complaintId = requireText(data.complaintId, 'complaintId');
  const caseId = requireText(data.caseId, 'caseId');
  const complainantName = requireText(data.complainant?.name, 'complainant.name');
  const partyId =
    data.complainant?.partyId === undefined ? undefined : requireText(data.complainant.partyId, 'complainant.partyId');
  const subjectKind = requireOneOf(data.subject?.kind, ['DECISION', 'ACT'] as const, 'subject.kind');
  const reference = requireText(data.subject?.reference, 'subject.reference');
  const description = data.subject?.description;
  ensureComplaintRule(
    typeof description === 'string',
    'MISSING_FIELD',
    'subject.description is required (it may be empty)',
    { field: 'subject.description' },
  );
  const group = requireOneOf(data.group, COMPLAINT_GROUPS, 'group');
  const role = requireOneOf(data.respondent?.role, RESPONDENT_ROLES, 'respondent.role');
  const officeTier = requireOneOf(data.respondent?.officeTier, OFFICE_TIERS, 'respondent.officeTier');
  const officeId = requireText(data.respondent?.officeId, 'respondent.officeId');
  const knownOn = requireDate(data.knownOn, 'knownOn');
  const effectiveDate = requireDate(data.effectiveDate, 'effectiveDate');
  const forceMajeureDays = data.forceMajeureDays ?? 0;
  ensureComplaintRule(
    Number.isInteger(forceMajeureDays) && forceMajeureDays >= 0,
    'INVALID_FORCE_MAJEURE_DAYS',
    'forceMajeureDays must be a whole number of days, 0 or more',
    {
      field: 'forceMajeureDays',
      value: data.forceMajeureDays,
    },
  );
  ensureComplaintRule(
    knownOn <= effectiveDate,
    'KNOWN_AFTER_FILING',
    `knownOn ${knownOn} is after the filing date ${effectiveDate}`,
    { knownOn, effectiveDate },
  );

  // Art. 140(2): the limit runs from receipt or knowledge; force-majeure time does not count, so it pushes the start.
  const filingDeadline = legalDueDate(filingLimitKey(group), addCalendarDays(knownOn, forceMajeureDays));
  ensureComplaintRule(
    effectiveDate <= filingDeadline,
    'COMPLAINT_FILING_LIMIT_EXPIRED',
    `A group ${group} complaint had to be filed by ${filingDeadline}`,
    {
      group,
      knownOn,
      forceMajeureDays,
      filingDeadline,
      effectiveDate,
    },
  );
  const rule = escalationRuleFor(role, officeTier, effectiveDate);
  ensureComplaintRule(
    rule,
    'OFFICE_TIER_NOT_IN_ERA',
    `No ${officeTier} enforcement office existed on ${effectiveDate}`,
    {
      field: 'respondent.officeTier',
      officeTier,
      era: officeEraOn(effectiveDate),
    },
  );
  return {
    type: 'ComplaintFiled',
    data: complaintEventData({ complaintId, caseId }, effectiveDate, {
      complainant: partyId === undefined ? { name: complainantName } : { name: complainantName, partyId },
      subject: { kind: subjectKind, reference, description },
      group,
      respondent: { role, officeId, officeTier },
      knownOn,
      forceMajeureDays,
      filingDeadline,
      level: 1,
      decidingAuthority: rule.level1,
      ...(!isSecurityMeasureGroup(group) && { secondLevelAuthority: rule.level2 }),
      authorityBasis: rule.basis,
      acceptanceDueOn: legalDueDate('COMPLAINT_ACCEPTANCE_LEVEL_1', effectiveDate),
    }),
  };
}

/** Acceptance (thụ lý) at the current level starts the resolution clock of Art. 146. */
function accept(state: ExistingComplaint, effectiveDate: LocalDate): ComplaintEvent {
  const waiting = requireComplaintStatus(state, ['filed', 'escalated'], 'AcceptComplaint');
  return {
    type: 'ComplaintAccepted',
    data: complaintEventData(state, effectiveDate, {
      level: state.level,
      resolutionDueOn: legalDueDate(resolutionLimitKey(state.group, state.level), effectiveDate),
      acceptedLate: effectiveDate > waiting.acceptanceDueOn,
    }),
  };
}

function decline(state: ExistingComplaint, data: DeclineComplaint['data'], effectiveDate: LocalDate): ComplaintEvent {
  const waiting = requireComplaintStatus(state, ['filed', 'escalated'], 'DeclineComplaint');
  const ground = requireOneOf(data.ground, DECLINE_GROUNDS, 'ground');
  const explanation = requireText(data.explanation, 'explanation');
  return {
    type: 'ComplaintNotAccepted',
    data: complaintEventData(state, effectiveDate, {
      level: state.level,
      ground,
      explanation,
      declinedLate: effectiveDate > waiting.acceptanceDueOn,
    }),
  };
}

function decideAtLevel(
  state: ExistingComplaint,
  data: DecideComplaint['data'],
  effectiveDate: LocalDate,
): ComplaintEvent {
  const accepted = requireComplaintStatus(state, ['accepted'], 'DecideComplaint');
  const decisionNumber = requireText(data.decisionNumber, 'decisionNumber');
  const finding = requireOneOf(data.finding, COMPLAINT_FINDINGS, 'finding');
  const remedies = data.remedies === undefined ? undefined : requireText(data.remedies, 'remedies');
  // Second-level decisions are final (Art. 142); so are group B decisions, effective at once (Decree 62 Art. 38(3)).
  const final = state.level === 2 || isSecurityMeasureGroup(state.group);
  return {
    type: 'ComplaintDecided',
    data: complaintEventData(state, effectiveDate, {
      level: state.level,
      decidingAuthority: state.authority,
      decisionNumber,
      finding,
      ...(remedies !== undefined && { remedies }),
      final,
      ...(!final && { escalationDeadline: legalDueDate('COMPLAINT_ESCALATION', effectiveDate) }),
      decidedLate: effectiveDate > accepted.resolutionDueOn,
    }),
  };
}

function escalate(state: ExistingComplaint, data: EscalateComplaint['data'], effectiveDate: LocalDate): ComplaintEvent {
  ensureComplaintRule(
    state.level === 2 || state.status === 'decided',
    'ESCALATION_REQUIRES_FIRST_LEVEL_DECISION',
    'A second complaint needs a first-level decision',
    {
      status: state.status,
    },
  );
  const decided = requireComplaintStatus(state, ['decided'], 'EscalateComplaint');
  const decidedOn = decided.decision.decidedOn;
  const decisionReceivedOn =
    data.decisionReceivedOn === undefined ? decidedOn : requireDate(data.decisionReceivedOn, 'decisionReceivedOn');
  ensureComplaintRule(
    decisionReceivedOn >= decidedOn,
    'DECISION_RECEIVED_BEFORE_DECISION',
    `decisionReceivedOn ${decisionReceivedOn} is before the decision of ${decidedOn}`,
    {
      decisionReceivedOn,
      decidedOn,
    },
  );
  ensureComplaintRule(
    decisionReceivedOn <= effectiveDate,
    'RECEIVED_AFTER_ESCALATION',
    `decisionReceivedOn ${decisionReceivedOn} is after the escalation date ${effectiveDate}`,
    {
      decisionReceivedOn,
      effectiveDate,
    },
  );
  // Art. 140(2): 15 days from receipt of the first-level decision.
  const escalationDeadline = legalDueDate('COMPLAINT_ESCALATION', decisionReceivedOn);
  ensureComplaintRule(
    effectiveDate <= escalationDeadline,
    'ESCALATION_LIMIT_EXPIRED',
    `A second complaint had to be filed by ${escalationDeadline}`,
    {
      decisionReceivedOn,
      escalationDeadline,
      effectiveDate,
    },
  );
  const secondLevelAuthority = decided.secondLevelAuthority;
  if (secondLevelAuthority === undefined)
    throw new Error(`Complaint ${state.complaintId} has no second-level authority`);
  return {
    type: 'ComplaintEscalated',
    data: complaintEventData(state, effectiveDate, {
      level: 2,
      fromAuthority: decided.authority,
      toAuthority: successorAuthorityOn(secondLevelAuthority, effectiveDate),
      decisionReceivedOn,
      acceptanceDueOn: legalDueDate('COMPLAINT_ACCEPTANCE_LEVEL_2', effectiveDate),
    }),
  };
}

/** The complaint aggregate as a decider: pure and synchronous. */
export const complaintDecider: Decider<ComplaintCommand, ComplaintEvent, ComplaintState> = {
  decide,
  evolve: evolveComplaint,
  initialState: initialComplaintState,
};
