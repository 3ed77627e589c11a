import { CORRECTIVE_ON_CASE } from '../../auth/policies';
import type { JsonRecord } from '@thads/domain';
import { commandRoute, type CommandRoute } from '../../http/routes';
import * as Correction from '../dto/case-correction.dtos';

/** Corrective commands on a case: admins only, each with a mandatory reason (Law 2008 Art. 37; TT 04/2023 Art. 36). */
export const CASE_CORRECTION_ROUTES: readonly CommandRoute[] = [
  commandRoute({
    handler: 'withdrawDecision',
    path: ':caseId/withdraw-decision',
    command: 'WithdrawDecision',
    body: Correction.WithdrawDecisionDto,
    policy: CORRECTIVE_ON_CASE,
    summary: 'WithdrawDecision: the enforcement decision is withdrawn (Art. 37(1)); the case ends as withdrawn',
    description:
      "Corrective, admins only, with a mandatory `reason` (Law 2008 Art. 37(1)): the decision's events stay in the history; the case ends as withdrawn (docs/corrections.md).",
    data: (body: Correction.WithdrawDecisionDto) => body,
  }),
  commandRoute({
    handler: 'amendDecision',
    path: ':caseId/amend-decision',
    command: 'AmendDecision',
    body: Correction.AmendDecisionDto,
    policy: CORRECTIVE_ON_CASE,
    summary: 'AmendDecision: the enforcement decision is amended (Art. 37(2)); no status changes',
    description:
      'Corrective, admins only, with a mandatory `reason` (Law 2008 Art. 37(2)): the amendment is recorded beside the decision.',
    data: (body: Correction.AmendDecisionDto) => body,
  }),
  commandRoute({
    handler: 'annulDecision',
    path: ':caseId/annul-decision',
    command: 'AnnulDecision',
    body: Correction.AnnulDecisionDto,
    policy: CORRECTIVE_ON_CASE,
    summary:
      'AnnulDecision: a superior authority annuls the enforcement decision (Art. 37(3)); the case ends as withdrawn',
    description:
      'Corrective, admins only, with a mandatory `reason` (Law 2008 Art. 37(3)): annulment by a superior authority.',
    data: (body: Correction.AnnulDecisionDto) => body,
  }),
  commandRoute({
    handler: 'correctRecordedFact',
    path: ':caseId/correct-recorded-fact',
    command: 'CorrectRecordedFact',
    body: Correction.CorrectRecordedFactDto,
    policy: CORRECTIVE_ON_CASE,
    summary:
      'CorrectRecordedFact: retracts one event by id (FactRetracted), optionally with corrected data; the original stays',
    description:
      "Corrective, admins only, with a mandatory `reason`: the retracted event stays in the stream and is folded as corrected or not at all; refused when the corrected history would break the case's consistency rules (docs/corrections.md).",
    data: (body: Correction.CorrectRecordedFactDto) => {
      const { correctedData, ...rest } = body;
      // The target event is looked up by the application layer; a client never states it.
      return Object.assign({}, rest, correctedData === undefined ? {} : { correctedData: correctedData as JsonRecord });
    },
  }),
  commandRoute({
    handler: 'reassignOfficer',
    path: ':caseId/reassign-officer',
    command: 'ReassignOfficer',
    body: Correction.ReassignOfficerDto,
    policy: CORRECTIVE_ON_CASE,
    summary: 'ReassignOfficer: another officer takes over the case',
    description:
      'Corrective, admins only, with a mandatory `reason`: the case keeps its history under the previous officer.',
    data: (body: Correction.ReassignOfficerDto) => body,
  }),
  commandRoute({
    handler: 'reopenCase',
    path: ':caseId/reopen-case',
    command: 'ReopenCase',
    body: Correction.ReopenCaseDto,
    policy: CORRECTIVE_ON_CASE,
    summary: 'ReopenCase: a settled, terminated or withdrawn case returns to the status it closed from',
    description:
      'Corrective, admins only, with a mandatory `reason`: for a case closed in error; the closing event stays in the history.',
    data: (body: Correction.ReopenCaseDto) => body,
  }),
];
