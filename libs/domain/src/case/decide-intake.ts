import { parseLocalDate } from '../shared/local-date';
import { parseVnd } from '../shared/money';
import { ruleSetOn } from '../shared/rule-set';
import type {
  AssignEnforcementOfficer,
  IssueEnforcementDecision,
  JudgmentReference,
  ObligationItemInput,
  ObligationKind,
  Party,
  ReceiveCase,
  RejectEnforcementRequest,
} from './case-commands';
import type { CaseEvent } from './case-events';
import { AFTER_DECISION, ensureRule, eventData, legalDueDate, requireStatus, requireText } from './case-rules';
import type { ExistingCase } from './case-state';
import { withChanges } from '../shared/with-changes';

/** Intake: receipt, rejection of a request, the enforcement decision and the officer's assignment (Art. 28–38). */

/** Items owed to the state budget: a case of only these has no private creditor (Art. 36(2); Decree 62 Art. 6(3)). */
const STATE_BUDGET_KINDS: readonly ObligationKind[] = [
  'COURT_FEE',
  'FINE',
  'ILLICIT_GAINS',
  'CONFISCATION',
  'STATE_COMPENSATION',
];

/** ReceiveCase on an empty stream (the dispatcher has checked that the stream is empty). */
export function decideReceiveCase(command: ReceiveCase): readonly CaseEvent[] {
  const { data } = command;
  const effectiveDate = parseLocalDate(data.effectiveDate, 'effectiveDate');
  const caseId = requireText(data.caseId, 'caseId');
  const officeId = requireText(data.officeId, 'officeId');
  // Art. 36(1): an on-request decision answers a party's request; ex officio items need none but may come with one.
  ensureRule(
    data.mode !== 'ON_REQUEST' || data.source === 'REQUEST',
    'MODE_SOURCE_MISMATCH',
    'An ON_REQUEST case must come from an enforcement request',
    {
      mode: data.mode,
      source: data.source,
    },
  );
  const judgment = parseJudgment(data.judgment);
  // Art. 28–31: a judgment is enforced once it has legal effect; a receipt dated earlier records what cannot have been.
  ensureRule(
    judgment.legallyEffectiveOn <= effectiveDate,
    'RECEIVED_BEFORE_JUDGMENT_EFFECTIVE',
    `The receipt of ${effectiveDate} is before the judgment took legal effect on ${judgment.legallyEffectiveOn}`,
    { field: 'effectiveDate', effectiveDate, legallyEffectiveOn: judgment.legallyEffectiveOn },
  );
  ensureRule(
    judgment.issuedOn <= judgment.legallyEffectiveOn,
    'JUDGMENT_EFFECTIVE_BEFORE_ISSUE',
    `The judgment cannot take effect on ${judgment.legallyEffectiveOn}, before it was issued on ${judgment.issuedOn}`,
    {
      field: 'judgment.legallyEffectiveOn',
      issuedOn: judgment.issuedOn,
      legallyEffectiveOn: judgment.legallyEffectiveOn,
    },
  );
  const parties = parseParties(data.parties);
  const obligations = parseObligations(data.obligations);
  ensurePartyRole(parties, 'DEBTOR');
  if (obligations.some((item) => !STATE_BUDGET_KINDS.includes(item.kind))) ensurePartyRole(parties, 'CREDITOR');
  const interimMeasure = data.interimMeasure === true;
  // Interim measures are decided immediately (Art. 36(2)); otherwise 5 working days from receipt (Art. 36(1), 36(2)).
  const decisionDueOn = interimMeasure
    ? effectiveDate
    : legalDueDate(data.source === 'REQUEST' ? 'REQUEST_DECISION' : 'EX_OFFICIO_DECISION', effectiveDate);
  return [
    {
      type: 'CaseReceived',
      data: {
        caseId,
        officeId,
        effectiveDate,
        ruleSet: ruleSetOn(effectiveDate),
        source: data.source,
        mode: data.mode,
        judgment,
        parties,
        obligations,
        interimMeasure,
        decisionDueOn,
      },
    },
  ];
}

/** Art. 31(5): only a request can be refused; a judgment received ex officio must be decided. */
export function decideRejectEnforcementRequest(
  command: RejectEnforcementRequest,
  state: ExistingCase,
): readonly CaseEvent[] {
  const { facts } = requireStatus(state, ['intake'], command.type);
  ensureRule(
    facts.source === 'REQUEST',
    'REQUEST_REJECTION_NOT_APPLICABLE',
    'Only an enforcement request can be refused',
    { source: facts.source },
  );
  const { effectiveDate } = command.data;
  return [
    {
      type: 'EnforcementRequestRejected',
      data: eventData(facts, effectiveDate, {
        ground: command.data.ground,
        issuedLate: effectiveDate > legalDueDate('REQUEST_REJECTION', facts.receivedOn),
      }),
    },
  ];
}

/** Opens the voluntary period (Art. 45(1)) and the verification clock (Art. 44(1)); lateness is recorded, not blocked. */
export function decideIssueEnforcementDecision(
  command: IssueEnforcementDecision,
  state: ExistingCase,
): readonly CaseEvent[] {
  const { facts } = requireStatus(state, ['intake'], command.type);
  const { effectiveDate } = command.data;
  const decisionNumber = requireText(command.data.decisionNumber, 'decisionNumber');
  const servedOn =
    command.data.servedOn === undefined ? effectiveDate : parseLocalDate(command.data.servedOn, 'servedOn');
  ensureRule(servedOn >= effectiveDate, 'SERVED_BEFORE_DECISION', 'A decision cannot be served before it is issued', {
    field: 'servedOn',
    servedOn,
    effectiveDate,
  });
  // Interim measures have no voluntary period and are verified immediately (Art. 44(1), 45(1)).
  const voluntaryPeriodEndsOn = facts.interimMeasure ? effectiveDate : legalDueDate('VOLUNTARY_PERIOD', servedOn);
  const verificationDueOn = facts.interimMeasure
    ? effectiveDate
    : legalDueDate('VERIFICATION_START', voluntaryPeriodEndsOn);
  return [
    {
      type: 'EnforcementDecisionIssued',
      data: eventData(facts, effectiveDate, {
        decisionNumber,
        servedOn,
        voluntaryPeriodEndsOn,
        verificationDueOn,
        issuedLate: effectiveDate > facts.decisionDueOn,
      }),
    },
  ];
}

/** The head assigns (or reassigns) the officer at any point after the decision; the file opens within 2 WD (Decree 62 Art. 8). */
export function decideAssignEnforcementOfficer(
  command: AssignEnforcementOfficer,
  state: ExistingCase,
): readonly CaseEvent[] {
  const { facts } = requireStatus(state, AFTER_DECISION, command.type);
  const { effectiveDate } = command.data;
  return [
    {
      type: 'EnforcementOfficerAssigned',
      data: eventData(facts, effectiveDate, {
        officerId: requireText(command.data.officerId, 'officerId'),
        caseFileDueOn: legalDueDate('CASE_FILE_OPENING', effectiveDate),
      }),
    },
  ];
}

function parseJudgment(judgment: JudgmentReference): JudgmentReference {
  return {
    number: requireText(judgment.number, 'judgment.number'),
    court: judgment.court,
    issuedOn: parseLocalDate(judgment.issuedOn, 'judgment.issuedOn'),
    legallyEffectiveOn: parseLocalDate(judgment.legallyEffectiveOn, 'judgment.legallyEffectiveOn'),
  };
}

/** Copies only the known fields: the event is a stored contract, not a bag for whatever arrived. */
function parseParties(parties: readonly Party[]): readonly Party[] {
  const seen = new Set<string>();
  return parties.map((party, index) => {
    const partyId = requireText(party.partyId, `parties[${index}].partyId`);
    ensureRule(!seen.has(partyId), 'DUPLICATE_PARTY_ID', `Party ${partyId} is listed twice`, {
      field: `parties[${index}].partyId`,
      partyId,
    });
    seen.add(partyId);
    const copy: Party = { partyId, role: party.role, kind: party.kind, name: party.name };
    return party.address === undefined ? copy : withChanges(copy, { address: party.address });
  });
}

function parseObligations(obligations: readonly ObligationItemInput[]): readonly ObligationItemInput[] {
  ensureRule(obligations.length > 0, 'MISSING_OBLIGATIONS', 'A case needs at least one obligation item', {
    field: 'obligations',
  });
  const seen = new Set<string>();
  return obligations.map((obligation, index) => {
    const itemId = requireText(obligation.itemId, `obligations[${index}].itemId`);
    ensureRule(!seen.has(itemId), 'DUPLICATE_ITEM_ID', `Obligation item ${itemId} is listed twice`, {
      field: `obligations[${index}].itemId`,
      itemId,
    });
    seen.add(itemId);
    return {
      itemId,
      kind: obligation.kind,
      description: obligation.description,
      // 0 is allowed: a non-monetary obligation such as returning a specific thing.
      amount: parseVnd(obligation.amount, `obligations[${index}].amount`),
    };
  });
}

function ensurePartyRole(parties: readonly Party[], role: 'CREDITOR' | 'DEBTOR'): void {
  ensureRule(
    parties.some((party) => party.role === role),
    'MISSING_PARTY_ROLE',
    `The case needs a ${role} party`,
    { field: 'parties', role },
  );
}
