import { assertNever, type Decider } from '../shared/decider';
import { parseLocalDate } from '../shared/local-date';
import { ensureNotAfterToday } from '../shared/today';
import type { CaseCommand } from './case-commands';
import type { CaseEvent } from './case-events';
import { evolveCase } from './case-evolve';
import { ensureRule } from './case-rules';
import { CLOSED_CASE_STATUSES, initialCaseState, type CaseState } from './case-state';
import {
  decideApplySecurityMeasure,
  decideCoercion,
  decideRecordAuctionResult,
  decideRecordValuation,
  decideReduceAuctionPrice,
  decideSeizeAsset,
} from './decide-coercion-and-assets';
import {
  decideAssignEnforcementOfficer,
  decideIssueEnforcementDecision,
  decideReceiveCase,
  decideRejectEnforcementRequest,
} from './decide-intake';
import { decideDisburseFunds, decideRecordCollection, decideSettle } from './decide-money';
import {
  decideEntrustEnforcement,
  decidePostponeEnforcement,
  decideResumeEnforcement,
  decideSuspendEnforcement,
  decideTerminateEnforcement,
} from './decide-stops';
import { decideRecordMissedDeadline } from './decide-missed-deadline';
import { decideTakeUpCase } from './decide-take-up';
import { decideCorrective, isCorrectiveCommand } from './decide-corrections';
import {
  decideMoveToSeparateTrackingRegister,
  decideSendBackEnforcementRequest,
  decideNotEnforceable,
  decideRecordPeriodicReverification,
  decideRecordVerification,
} from './decide-verification';

/**
 * Decides a command on a case. The checks every command shares come first, in this order:
 * no date after the office's today (ACT_DATED_IN_FUTURE: effectiveDate, and servedOn of a decision),
 * existence (CASE_ALREADY_EXISTS / CASE_NOT_FOUND), terminal state (CASE_CLOSED), a valid effectiveDate
 * (INVALID_DATE) not earlier than the case's latest act (EFFECTIVE_DATE_BEFORE_PREVIOUS_ACT); then the command's own
 * rules, starting with the statuses it is allowed in (INVALID_STATE_TRANSITION).
 *
 * Statuses each command is allowed in:
 *   ReceiveCase ..................................... none (else CASE_ALREADY_EXISTS)
 *   RejectEnforcementRequest, IssueEnforcementDecision  intake
 *   AssignEnforcementOfficer, ApplySecurityMeasure,
 *   TerminateEnforcement ............................ decided, enforceable, not_enforceable, postponed, suspended,
 *                                                     separately_tracked
 *   RecordVerification, DecideNotEnforceable, Settle,
 *   EntrustEnforcement, PostponeEnforcement,
 *   SuspendEnforcement .............................. decided, enforceable
 *   RecordPeriodicReverification .................... not_enforceable, separately_tracked
 *   MoveToSeparateTrackingRegister,
 *   SendBackEnforcementRequest ...................... not_enforceable
 *   TakeUpCase ...................................... decided, enforceable, not_enforceable, postponed, suspended
 *                                                     (then CASE_ALREADY_AT_PROVINCE, PROVINCIAL_OFFICE_NOT_IN_STRUCTURE,
 *                                                     HEAD_OF_PROVINCIAL_OFFICE_REQUIRED: decide-take-up.ts)
 *   DecideCoercion, SeizeAsset, RecordValuation,
 *   RecordAuctionResult, ReduceAuctionPrice ......... enforceable, and not last found not enforceable (else
 *                                                     CONDITIONS_NOT_VERIFIED, CASE_NOT_ENFORCEABLE,
 *                                                     ENFORCEMENT_POSTPONED or ENFORCEMENT_SUSPENDED)
 *   RecordCollection, DisburseFunds ................. decided, enforceable, not_enforceable, postponed, suspended
 *   ResumeEnforcement ............................... postponed, suspended
 *   RecordMissedDeadline ............................ any status after intake; none of the shared checks, and no
 *                                                     events (not an error) when the deadline is no longer open
 * Corrective commands (admins; decide-corrections.ts) skip CASE_CLOSED and the ordering check, need a reason
 * (REASON_REQUIRED) and are dated by default at the act they correct (never before it: CORRECTION_BEFORE_CORRECTED_ACT):
 *   WithdrawDecision, AnnulDecision, ReassignOfficer  every status after the decision that is not terminal
 *   AmendDecision ................................... after the decision, settled/terminated/entrusted_out too
 *   CorrectRecordedFact ............................. any status of an existing case
 *   ReopenCase ...................................... settled, terminated, withdrawn
 * The separate register is not terminal, but only a re-verification (new information) brings a case back from it.
 */
export function decideCase(command: CaseCommand, state: CaseState): readonly CaseEvent[] {
  // Dated after the office's today is a lie whatever the case holds: refused before anything else.
  ensureNotAfterToday(command.data.effectiveDate, command.today, 'effectiveDate');
  if (command.type === 'IssueEnforcementDecision')
    ensureNotAfterToday(command.data.servedOn, command.today, 'servedOn');
  if (command.type === 'ReceiveCase') {
    ensureRule(state.status === 'none', 'CASE_ALREADY_EXISTS', 'This case already exists', {
      caseId: command.data.caseId,
    });
    return decideReceiveCase(command);
  }
  ensureRule(state.status !== 'none', 'CASE_NOT_FOUND', 'No case was received on this stream', {
    command: command.type,
  });
  // A detection, not an act: on a closed case or an old date it records nothing rather than failing.
  if (command.type === 'RecordMissedDeadline') return decideRecordMissedDeadline(command, state);
  if (isCorrectiveCommand(command)) return decideCorrective(command, state);
  // Only corrections follow a closed case (docs/domain.md, The case and its lifecycle); each decides for itself which closed statuses it accepts.
  ensureRule(
    !CLOSED_CASE_STATUSES.includes(state.status),
    'CASE_CLOSED',
    `The case is ${state.status}: nothing more happens to it`,
    {
      status: state.status,
      command: command.type,
    },
  );
  const effectiveDate = parseLocalDate(command.data.effectiveDate, 'effectiveDate');
  const { lastEffectiveDate } = state.facts;
  ensureRule(
    effectiveDate >= lastEffectiveDate,
    'EFFECTIVE_DATE_BEFORE_PREVIOUS_ACT',
    `The case's latest act is dated ${lastEffectiveDate}`,
    {
      field: 'effectiveDate',
      effectiveDate,
      lastEffectiveDate,
    },
  );
  switch (command.type) {
    case 'RejectEnforcementRequest':
      return decideRejectEnforcementRequest(command, state);
    case 'IssueEnforcementDecision':
      return decideIssueEnforcementDecision(command, state);
    case 'AssignEnforcementOfficer':
      return decideAssignEnforcementOfficer(command, state);
    case 'RecordVerification':
      return decideRecordVerification(command, state);
    case 'DecideNotEnforceable':
      return decideNotEnforceable(command, state);
    case 'RecordPeriodicReverification':
      return decideRecordPeriodicReverification(command, state);
    case 'MoveToSeparateTrackingRegister':
      return decideMoveToSeparateTrackingRegister(command, state);
    case 'SendBackEnforcementRequest':
      return decideSendBackEnforcementRequest(command, state);
    case 'TakeUpCase':
      return decideTakeUpCase(command, state);
    case 'ApplySecurityMeasure':
      return decideApplySecurityMeasure(command, state);
    case 'DecideCoercion':
      return decideCoercion(command, state);
    case 'SeizeAsset':
      return decideSeizeAsset(command, state);
    case 'RecordValuation':
      return decideRecordValuation(command, state);
    case 'RecordAuctionResult':
      return decideRecordAuctionResult(command, state);
    case 'ReduceAuctionPrice':
      return decideReduceAuctionPrice(command, state);
    case 'RecordCollection':
      return decideRecordCollection(command, state);
    case 'DisburseFunds':
      return decideDisburseFunds(command, state);
    case 'Settle':
      return decideSettle(command, state);
    case 'PostponeEnforcement':
      return decidePostponeEnforcement(command, state);
    case 'SuspendEnforcement':
      return decideSuspendEnforcement(command, state);
    case 'ResumeEnforcement':
      return decideResumeEnforcement(command, state);
    case 'TerminateEnforcement':
      return decideTerminateEnforcement(command, state);
    case 'EntrustEnforcement':
      return decideEntrustEnforcement(command, state);
    default:
      return assertNever(command, 'case command');
  }
}

/**
 * The `case` aggregate (one enforcement decision = one case, Art. 3(9)); stream `case-<caseId>`.
 * Pure: no clock, no ids, no IO. Error codes: CASE_ERROR_CODES.
 */
export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState> = {
  decide: decideCase,
  evolve: evolveCase,
  initialState: initialCaseState,
};
