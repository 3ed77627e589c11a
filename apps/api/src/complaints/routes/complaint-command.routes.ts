import { COMPLAINT_RECORDING, HEAD_DECISION_ON_COMPLAINT } from '../../auth/policies';
import { commandRoute, type CommandRoute } from '../../http/routes';
import * as Dto from '../dto/complaint.dtos';

/** Commands on a filed complaint: acceptance, decision, escalation, withdrawal (Law 2008 Art. 140-146). */
export const COMPLAINT_COMMAND_ROUTES: readonly CommandRoute[] = [
  commandRoute({
    handler: 'accept',
    path: ':complaintId/accept',
    command: 'AcceptComplaint',
    body: Dto.AcceptComplaintDto,
    policy: HEAD_DECISION_ON_COMPLAINT,
    summary: 'AcceptComplaint: the competent head accepts the complaint for resolution',
    description:
      "Law 2008 Art. 142, 145: the head of the office holding the current level's deciding authority (escalation matrix); the resolution is then due within its limit. Anyone else: `<AUTHORITY>_REQUIRED` (403).",
  }),
  commandRoute({
    handler: 'decline',
    path: ':complaintId/decline',
    command: 'DeclineComplaint',
    body: Dto.DeclineComplaintDto,
    policy: HEAD_DECISION_ON_COMPLAINT,
    summary: 'DeclineComplaint: the competent head declines to accept the complaint',
    description:
      "Law 2008 Art. 141: on the grounds the law lists (out of time, not the complainant's matter, already resolved…).",
  }),
  commandRoute({
    handler: 'decide',
    path: ':complaintId/decide',
    command: 'DecideComplaint',
    body: Dto.DecideComplaintDto,
    policy: HEAD_DECISION_ON_COMPLAINT,
    summary: 'DecideComplaint: the resolution decision of the current level',
    description:
      "Law 2008 Art. 142, 143: within the level's limit; a level-1 decision may be escalated once, a level-2 decision is final.",
  }),
  commandRoute({
    handler: 'escalate',
    path: ':complaintId/escalate',
    command: 'EscalateComplaint',
    body: Dto.EscalateComplaintDto,
    policy: COMPLAINT_RECORDING,
    summary: 'EscalateComplaint: the complainant takes an unresolved or contested complaint to level 2',
    description:
      'Law 2008 Art. 140(2), 142: within the limit after the level-1 decision (or its missed deadline); level 2 is decided by the office above.',
  }),
  commandRoute({
    handler: 'withdraw',
    path: ':complaintId/withdraw',
    command: 'WithdrawComplaint',
    body: Dto.WithdrawComplaintDto,
    policy: COMPLAINT_RECORDING,
    summary: 'WithdrawComplaint: the complainant withdraws the complaint',
    description: 'Law 2008 Art. 146: resolution stops; the complaint is closed.',
  }),
];
