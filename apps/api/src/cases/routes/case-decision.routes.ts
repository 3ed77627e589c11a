import { CASE_WORK, HEAD_DECISION_ON_CASE } from '../../auth/policies';
import { commandRoute, type CommandRoute } from '../../http/routes';
import * as Decision from '../dto/case-decision.dtos';

/** Intake, decision, assignment and verification of a case (Law 2008 Art. 31-44a). */
export const CASE_DECISION_ROUTES: readonly CommandRoute[] = [
  commandRoute({
    handler: 'rejectEnforcementRequest',
    path: ':caseId/reject-enforcement-request',
    command: 'RejectEnforcementRequest',
    body: Decision.RejectEnforcementRequestDto,
    policy: HEAD_DECISION_ON_CASE,
    summary: "RejectEnforcementRequest: the head refuses to enforce a creditor's request",
    description:
      'Law 2008 Art. 31(5): refused within 5 working days of receipt on the grounds the law lists; the case ends as rejected.',
  }),
  commandRoute({
    handler: 'issueEnforcementDecision',
    path: ':caseId/issue-enforcement-decision',
    command: 'IssueEnforcementDecision',
    body: Decision.IssueEnforcementDecisionDto,
    policy: HEAD_DECISION_ON_CASE,
    summary: "IssueEnforcementDecision: the head's enforcement decision (QĐ THA); service starts the voluntary period",
    description:
      'Law 2008 Art. 36: within 5 working days of receipt (ex officio) or of the request. Valid service (`servedOn`) starts the 10-day voluntary period (Art. 45(1)) and the verification clock (Art. 44(1)).',
  }),
  commandRoute({
    handler: 'assignEnforcementOfficer',
    path: ':caseId/assign-enforcement-officer',
    command: 'AssignEnforcementOfficer',
    body: Decision.AssignEnforcementOfficerDto,
    policy: HEAD_DECISION_ON_CASE,
    summary: 'AssignEnforcementOfficer: the head assigns the enforcement officer (chấp hành viên)',
    description: 'Law 2008 Art. 20, 23: the officer who carries out the decision.',
  }),
  commandRoute({
    handler: 'recordVerification',
    path: ':caseId/record-verification',
    command: 'RecordVerification',
    body: Decision.RecordVerificationDto,
    policy: CASE_WORK,
    summary: "RecordVerification: the result of verifying the debtor's conditions to pay",
    description:
      'Law 2008 Art. 44(1): within 10 days after the voluntary period ends. NOT_ENFORCEABLE findings lead to a decision within 5 working days (Art. 44a).',
  }),
  commandRoute({
    handler: 'decideNotEnforceable',
    path: ':caseId/decide-not-enforceable',
    command: 'DecideNotEnforceable',
    body: Decision.DecideNotEnforceableDto,
    policy: HEAD_DECISION_ON_CASE,
    summary: 'DecideNotEnforceable: the head decides the debtor cannot pay now',
    description:
      'Law 2008 Art. 44a; Decree 62/2015 Art. 9: on one of the grounds of Art. 44a(1); the case is re-verified every 6 months (12 for long prison terms or an unknown address).',
  }),
  commandRoute({
    handler: 'recordPeriodicReverification',
    path: ':caseId/record-periodic-reverification',
    command: 'RecordPeriodicReverification',
    body: Decision.RecordPeriodicReverificationDto,
    policy: CASE_WORK,
    summary: 'RecordPeriodicReverification: a re-verification of a case not enforceable',
    description:
      'Law 2008 Art. 44(2): at least every 6 months (12 in the listed cases); two with nothing new after the waiting time allow the separate tracking register (Decree 62/2015 Art. 9(5)).',
  }),
];
