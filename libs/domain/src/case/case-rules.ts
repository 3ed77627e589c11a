import { dueDate, type TimeLimitKey } from '../calendar/time-limits';
import { HOLIDAY_CALENDAR_COVERAGE, isWorkingDay } from '../calendar/working-days';
import { DomainError, ensure } from '../shared/domain-error';
import type { LocalDate } from '../shared/local-date';
import { parseVnd, type Vnd } from '../shared/money';
import { ruleSetOn } from '../shared/rule-set';
import type { CaseCommand } from './case-commands';
import type { CaseErrorCode } from './case-errors';
import type { CaseEventBase } from './case-events';
import type { CaseFacts, CaseStatus, ExistingCase, ObligationItem } from './case-state';

/** Building blocks shared by the case decide functions: typed rule checks, command-data parsing, due dates. */

/** The shared `ensure`, typed so that only a code from CASE_ERROR_CODES compiles. */
export function ensureRule(
  condition: unknown,
  code: CaseErrorCode,
  message: string,
  details?: Record<string, unknown>,
): asserts condition {
  ensure(condition, code, message, details);
}

/** A DomainError with a code from CASE_ERROR_CODES, for a `throw` where no condition is left to check. */
export function caseError(code: CaseErrorCode, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError(code, message, details);
}

/**
 * Returns the state narrowed to `allowed` statuses, or throws INVALID_STATE_TRANSITION naming the status and command.
 * Terminal statuses never reach this: the dispatcher answers CASE_CLOSED first.
 */
export function requireStatus<Allowed extends CaseStatus>(
  state: ExistingCase,
  allowed: readonly Allowed[],
  command: CaseCommand['type'],
): ExistingCase & { readonly status: Allowed } {
  ensureRule(
    (allowed as readonly CaseStatus[]).includes(state.status),
    'INVALID_STATE_TRANSITION',
    `${command} is not allowed on a case that is ${state.status}`,
    {
      status: state.status,
      command,
      allowed,
    },
  );
  return state as ExistingCase & { readonly status: Allowed };
}

/** A positive integer VND amount: INVALID_MONEY when malformed, INVALID_AMOUNT when 0. */
export function requirePositiveMoney(value: unknown, field: string): Vnd {
  const amount = parseVnd(value, field);
  ensureRule(amount > 0n, 'INVALID_AMOUNT', `${field} must be more than 0 VND`, { field, value: amount.toString() });
  return amount;
}

/** A non-blank identifier or decision number, or MISSING_FIELD naming `field`. */
export function requireText(value: unknown, field: string): string {
  ensureRule(typeof value === 'string' && value.trim() !== '', 'MISSING_FIELD', `${field} is required`, { field });
  return value;
}

/**
 * `dueDate(key, from)`, turning the calendar's RangeError (no holiday data that far) into CALENDAR_NOT_COVERED:
 * bad input must never surface as a server error.
 */
export function legalDueDate(key: TimeLimitKey, from: LocalDate): LocalDate {
  return withinCalendar(from, () => dueDate(key, from));
}

/** `isWorkingDay(date)` with the same translation as legalDueDate. */
export function workingDay(date: LocalDate): boolean {
  return withinCalendar(date, () => isWorkingDay(date));
}

function withinCalendar<Result>(date: LocalDate, compute: () => Result): Result {
  try {
    return compute();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw caseError('CALENDAR_NOT_COVERED', error.message, {
      date,
      coverage: HOLIDAY_CALENDAR_COVERAGE,
    });
  }
}

/**
 * A case event's data: the fields every case event carries, then the event's own. Built with Object.assign, not as
 * `{ ...base, ...fields }`: on Node 20 a literal that opens with a spread and then adds keys costs microseconds and
 * outlives young collections (docs/performance.md, change 50).
 */
export function eventData<Fields extends object>(
  facts: CaseFacts,
  effectiveDate: LocalDate,
  fields: Fields,
): CaseEventBase & Fields {
  const base = { caseId: facts.caseId, officeId: facts.officeId, effectiveDate, ruleSet: ruleSetOn(effectiveDate) };
  return Object.assign<CaseEventBase, Fields>(base, fields);
}

/** The obligation item `itemId`, or ITEM_NOT_FOUND. */
export function requireItem(facts: CaseFacts, itemId: string): ObligationItem {
  const item = facts.items.find((candidate) => candidate.itemId === itemId);
  ensureRule(item, 'ITEM_NOT_FOUND', `Obligation item ${itemId} is not part of this case`, { itemId });
  return item;
}

/**
 * Validates a list of items a partial termination or entrustment acts on: non-empty, no repeats, every item known
 * and still open. Returns the ids in the order given.
 */
export function requireOpenItems(facts: CaseFacts, itemIds: readonly string[]): readonly string[] {
  ensureRule(
    itemIds.length > 0,
    'INVALID_ITEM_LIST',
    'itemIds must list at least one item; omit it to act on the whole case',
    { field: 'itemIds' },
  );
  const seen = new Set<string>();
  for (const itemId of itemIds) {
    ensureRule(!seen.has(itemId), 'DUPLICATE_ITEM_ID', `Item ${itemId} is listed twice`, { itemId });
    seen.add(itemId);
    const item = requireItem(facts, itemId);
    ensureRule(item.status === 'open', 'ITEM_NOT_OPEN', `Item ${itemId} is already ${item.status}`, {
      itemId,
      itemStatus: item.status,
    });
  }
  return itemIds;
}

/** Ids of the items still open, in case order. */
export function openItemIds(facts: CaseFacts): readonly string[] {
  return facts.items.filter((item) => item.status === 'open').map((item) => item.itemId);
}

/** Every status after the enforcement decision that is not terminal. */
export const AFTER_DECISION = [
  'decided',
  'enforceable',
  'not_enforceable',
  'postponed',
  'suspended',
  'separately_tracked',
] as const;
