import { assertNever, type Decider } from '../shared/decider';
import { ensure } from '../shared/domain-error';
import { parseLocalDate, type LocalDate } from '../shared/local-date';
import { ruleSetOn } from '../shared/rule-set';
import type {
  LegalAct,
  MergeOffices,
  OfficeRegistryCommand,
  RegisteredOffices,
  RenameOffice,
  SplitOffice,
} from './office-registry-commands';
import type { OfficeRegistryErrorCode } from './office-registry-errors';
import type { OfficeRegistryEvent } from './office-registry-events';
import { evolveOfficeRegistry, initialOfficeRegistryState, type OfficeRegistryState } from './office-registry-state';
import { successionOf } from './office-succession';

function ensureRule(
  condition: unknown,
  code: OfficeRegistryErrorCode,
  message: string,
  details?: Record<string, unknown>,
): asserts condition {
  ensure(condition, code, message, details);
}

function requireText(value: unknown, field: string): string {
  ensure(typeof value === 'string' && value.trim() !== '', 'MISSING_FIELD', `${field} is required`, { field });
  return value;
}

/** The act that orders the change: its number, issuer and date, signed no later than the change takes effect. */
function legalActOf(act: LegalAct | undefined, effectiveDate: LocalDate): LegalAct {
  for (const field of ['number', 'issuedBy'] as const)
    ensureRule(
      typeof act?.[field] === 'string' && act[field].trim() !== '',
      'LEGAL_ACT_REQUIRED',
      `legalAct.${field} is required: a change of the structure rests on a legal act`,
      { field: `legalAct.${field}` },
    );
  const issuedOn = parseLocalDate(act?.issuedOn, 'legalAct.issuedOn');
  ensureRule(
    issuedOn <= effectiveDate,
    'LEGAL_ACT_ISSUED_AFTER_EFFECT',
    `The act ${act?.number} is dated ${issuedOn}, after the change takes effect on ${effectiveDate}`,
    { field: 'legalAct.issuedOn', issuedOn, effectiveDate },
  );
  return { number: act!.number, issuedOn, issuedBy: act!.issuedBy };
}

/** Every office the change names must be registered, and in force by the day the change takes effect. */
function ensureRegistered(
  officeIds: readonly string[],
  registered: RegisteredOffices | undefined,
  effectiveDate: LocalDate,
): void {
  for (const officeId of officeIds) {
    const registeredOn = registered?.[officeId];
    ensureRule(
      registeredOn !== undefined && registeredOn <= effectiveDate,
      'SUCCESSION_OFFICE_NOT_REGISTERED',
      registeredOn === undefined
        ? `Office ${officeId} is not registered`
        : `Office ${officeId} is registered from ${registeredOn}, after the change takes effect on ${effectiveDate}`,
      { officeId, registeredOn, effectiveDate },
    );
  }
}

function ensureDistinct(officeIds: readonly string[]): void {
  const seen = new Set<string>();
  for (const officeId of officeIds) {
    ensureRule(!seen.has(officeId), 'DUPLICATE_OFFICE_IN_SUCCESSION', `Office ${officeId} is named twice`, {
      officeId,
    });
    seen.add(officeId);
  }
}

/** An office is succeeded once; its successor must still hold cases (so a chain never loops back). */
function ensureNotSucceeded(
  state: OfficeRegistryState,
  officeIds: readonly string[],
  successorOfficeIds: readonly string[],
) {
  for (const officeId of officeIds) {
    const earlier = successionOf(state.successions, officeId);
    ensureRule(
      earlier === undefined,
      'OFFICE_ALREADY_SUCCEEDED',
      `Office ${officeId} already passed its cases to ${earlier?.successorOfficeId} on ${earlier?.effectiveDate}`,
      {
        officeId,
        successorOfficeId: earlier?.successorOfficeId,
        effectiveDate: earlier?.effectiveDate,
        legalAct: earlier?.legalAct.number,
      },
    );
  }
  for (const officeId of successorOfficeIds) {
    const earlier = successionOf(state.successions, officeId);
    ensureRule(
      earlier === undefined,
      'SUCCESSOR_ALREADY_SUCCEEDED',
      `Office ${officeId} itself passed its cases to ${earlier?.successorOfficeId} on ${earlier?.effectiveDate}`,
      { officeId, successorOfficeId: earlier?.successorOfficeId, effectiveDate: earlier?.effectiveDate },
    );
  }
}

function officeIdList(value: unknown, field: string): readonly string[] {
  ensure(Array.isArray(value), 'MISSING_FIELD', `${field} must be a list of office ids`, { field });
  return (value as unknown[]).map((officeId, index) => requireText(officeId, `${field}.${index}`));
}

function mergeOffices(state: OfficeRegistryState, data: MergeOffices['data']): OfficeRegistryEvent {
  const effectiveDate = parseLocalDate(data.effectiveDate, 'effectiveDate');
  const predecessorOfficeIds = officeIdList(data.predecessorOfficeIds, 'predecessorOfficeIds');
  const successorOfficeId = requireText(data.successorOfficeId, 'successorOfficeId');
  ensureRule(predecessorOfficeIds.length > 0, 'PREDECESSORS_REQUIRED', 'A merger names at least one predecessor', {
    field: 'predecessorOfficeIds',
  });
  ensureDistinct(predecessorOfficeIds);
  ensureRule(
    !predecessorOfficeIds.includes(successorOfficeId),
    'SUCCESSOR_IS_PREDECESSOR',
    `Office ${successorOfficeId} carries on as the successor, so it is not also a predecessor`,
    { officeId: successorOfficeId },
  );
  const legalAct = legalActOf(data.legalAct, effectiveDate);
  ensureRegistered([...predecessorOfficeIds, successorOfficeId], data.registeredOffices, effectiveDate);
  ensureNotSucceeded(state, predecessorOfficeIds, [successorOfficeId]);
  return {
    type: 'OfficesMerged',
    data: { effectiveDate, ruleSet: ruleSetOn(effectiveDate), legalAct, predecessorOfficeIds, successorOfficeId },
  };
}

function splitOffice(state: OfficeRegistryState, data: SplitOffice['data']): OfficeRegistryEvent {
  const effectiveDate = parseLocalDate(data.effectiveDate, 'effectiveDate');
  const officeId = requireText(data.officeId, 'officeId');
  const successorOfficeIds = officeIdList(data.successorOfficeIds, 'successorOfficeIds');
  const openCasesPassTo = requireText(data.openCasesPassTo, 'openCasesPassTo');
  ensureRule(successorOfficeIds.length >= 2, 'PREDECESSORS_REQUIRED', 'A split names at least two successors', {
    field: 'successorOfficeIds',
  });
  ensureDistinct([officeId, ...successorOfficeIds]);
  ensureRule(
    successorOfficeIds.includes(openCasesPassTo),
    'OPEN_CASES_SUCCESSOR_NOT_LISTED',
    `openCasesPassTo (${openCasesPassTo}) must be one of the successors`,
    { field: 'openCasesPassTo', openCasesPassTo, successorOfficeIds },
  );
  const legalAct = legalActOf(data.legalAct, effectiveDate);
  ensureRegistered([officeId, ...successorOfficeIds], data.registeredOffices, effectiveDate);
  ensureNotSucceeded(state, [officeId], successorOfficeIds);
  return {
    type: 'OfficeSplit',
    data: { effectiveDate, ruleSet: ruleSetOn(effectiveDate), legalAct, officeId, successorOfficeIds, openCasesPassTo },
  };
}

function renameOffice(state: OfficeRegistryState, data: RenameOffice['data']): OfficeRegistryEvent {
  const effectiveDate = parseLocalDate(data.effectiveDate, 'effectiveDate');
  const officeId = requireText(data.officeId, 'officeId');
  const name = requireText(data.name, 'name').trim();
  const legalAct = legalActOf(data.legalAct, effectiveDate);
  ensureRegistered([officeId], data.registeredOffices, effectiveDate);
  const succeeded = successionOf(state.successions, officeId);
  ensureRule(
    succeeded === undefined || succeeded.effectiveDate > effectiveDate,
    'OFFICE_ALREADY_SUCCEEDED',
    `Office ${officeId} passed its cases to ${succeeded?.successorOfficeId} on ${succeeded?.effectiveDate}`,
    { officeId, successorOfficeId: succeeded?.successorOfficeId, effectiveDate: succeeded?.effectiveDate },
  );
  return {
    type: 'OfficeRenamed',
    data: { effectiveDate, ruleSet: ruleSetOn(effectiveDate), legalAct, officeId, name },
  };
}

/** Decides a change of the office structure. Pure: the command path resolves the registrations it names. */
export function decideOfficeRegistry(
  command: OfficeRegistryCommand,
  state: OfficeRegistryState,
): readonly OfficeRegistryEvent[] {
  switch (command.type) {
    case 'MergeOffices':
      return [mergeOffices(state, command.data)];
    case 'SplitOffice':
      return [splitOffice(state, command.data)];
    case 'RenameOffice':
      return [renameOffice(state, command.data)];
    default:
      return assertNever(command, 'office registry command');
  }
}

/** The office registry (stream `officeregistry-national`). Error codes: OFFICE_REGISTRY_ERROR_CODES. */
export const officeRegistryDecider: Decider<OfficeRegistryCommand, OfficeRegistryEvent, OfficeRegistryState> = {
  decide: decideOfficeRegistry,
  evolve: evolveOfficeRegistry,
  initialState: initialOfficeRegistryState,
};
