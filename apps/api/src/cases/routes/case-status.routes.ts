import { CASE_WORK, HEAD_DECISION_ON_CASE, HEAD_OF_PROVINCE_ON_CASE } from '../../auth/policies';
import { commandRoute, type CommandRoute } from '../../http/routes';
import * as Status from '../dto/case-status.dtos';

/** Pauses, endings and transfers of a case (Law 2008 Art. 35, 48-57; Law 106/2025). */
export const CASE_STATUS_ROUTES: readonly CommandRoute[] = [
  commandRoute({
    handler: 'postponeEnforcement',
    path: ':caseId/postpone-enforcement',
    command: 'PostponeEnforcement',
    body: Status.PostponeEnforcementDto,
    policy: HEAD_DECISION_ON_CASE,
    summary: 'PostponeEnforcement: the head postpones enforcement on a ground of the law',
    description:
      'Law 2008 Art. 48: the case is paused until the ground ends or `until`; resumed within 5 working days after (Art. 48(4)).',
  }),
  commandRoute({
    handler: 'suspendEnforcement',
    path: ':caseId/suspend-enforcement',
    command: 'SuspendEnforcement',
    body: Status.SuspendEnforcementDto,
    policy: HEAD_DECISION_ON_CASE,
    summary: 'SuspendEnforcement: the head suspends enforcement',
    description:
      "Law 2008 Art. 49: on a court's or competent authority's request; resumed within 5 working days after the ground ends (Art. 49(3)).",
  }),
  commandRoute({
    handler: 'resumeEnforcement',
    path: ':caseId/resume-enforcement',
    command: 'ResumeEnforcement',
    body: Status.ResumeEnforcementDto,
    policy: HEAD_DECISION_ON_CASE,
    summary: 'ResumeEnforcement: enforcement resumes after a postponement or suspension',
    description:
      'Law 2008 Art. 48(4), 49(3): within 5 working days after the ground ends; the case returns to the status it paused from.',
  }),
  commandRoute({
    handler: 'terminateEnforcement',
    path: ':caseId/terminate-enforcement',
    command: 'TerminateEnforcement',
    body: Status.TerminateEnforcementDto,
    policy: HEAD_DECISION_ON_CASE,
    summary: 'TerminateEnforcement: the head terminates enforcement (đình chỉ), for the case or some items',
    description: 'Law 2008 Art. 50: on a ground of the law; the case is completed in the statistics.',
  }),
  commandRoute({
    handler: 'settle',
    path: ':caseId/settle',
    command: 'Settle',
    body: Status.SettleDto,
    policy: CASE_WORK,
    summary: 'Settle: the case is fully enforced (event CaseSettled)',
    description:
      'Law 2008 Art. 52(1): every open obligation item collected and paid out; refused while money collected is not yet disbursed.',
  }),
  commandRoute({
    handler: 'entrustEnforcement',
    path: ':caseId/entrust-enforcement',
    command: 'EntrustEnforcement',
    body: Status.EntrustEnforcementDto,
    policy: HEAD_DECISION_ON_CASE,
    summary: 'EntrustEnforcement: the head entrusts the case, or some items, to another office',
    description:
      "Law 2008 Art. 55-57: the receiving office opens its own case; the items leave this office's statistics.",
  }),
  commandRoute({
    handler: 'moveToSeparateTrackingRegister',
    path: ':caseId/move-to-separate-tracking-register',
    command: 'MoveToSeparateTrackingRegister',
    body: Status.MoveToSeparateTrackingRegisterDto,
    policy: HEAD_DECISION_ON_CASE,
    summary: 'MoveToSeparateTrackingRegister: a case not enforceable moves to the separate register',
    description:
      'Decree 62/2015 Art. 9(5): after the waiting time and two re-verifications with nothing new. From 1 July 2026 only ex officio cases (SEPARATE_REGISTER_ON_REQUEST).',
  }),
  commandRoute({
    handler: 'sendBackEnforcementRequest',
    path: ':caseId/send-back-request',
    command: 'SendBackEnforcementRequest',
    body: Status.SendBackEnforcementRequestDto,
    policy: HEAD_DECISION_ON_CASE,
    summary:
      'SendBackEnforcementRequest: from 1 July 2026, an on-request case not enforceable for 2 years is sent back to the creditor and ends (Law 106/2025 Art. 38; Decree 152/2026 Art. 22(2))',
    description:
      'Refused before 1 July 2026 and for ex officio cases; the case leaves phải thi hành and is not counted as completed (docs/law-2026.md).',
  }),
  commandRoute({
    handler: 'takeUpCase',
    path: ':caseId/take-up',
    command: 'TakeUpCase',
    body: Status.TakeUpCaseDto,
    policy: HEAD_OF_PROVINCE_ON_CASE,
    summary:
      'TakeUpCase: the provincial office above the office holding the case takes it up (rút lên, Law 2008 Art. 35(2)); the case ends there and the province opens its own case',
    description:
      "A head of the provincial office above the office holding the case on the act's date, for a case on the books; the case counts as taken up at the office it left (docs/domain.md, docs/statistics.md).",
  }),
];
