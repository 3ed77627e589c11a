import {
  caseAggregate,
  complaintAggregate,
  decidingOfficeOf,
  holderLineOn,
  officeSuccessions,
  readStreamIfAny,
  reportingAggregate,
  streamNameOf,
  vietnamToday,
} from '@thads/application';
import {
  DomainError,
  ensureActsForAuthority,
  ensureTakesUpAsProvince,
  isLocalDate,
  officesActingOnCase,
} from '@thads/domain';
import type { EventStore, RecordedEvent } from '@thads/event-store';
import { IDENTIFIER, IDENTIFIER_RULE } from '../http/validators';
import { RequestValidationFailed } from '../problem/request-validation-failed';
import type { OfficeSource } from './access-policy';
import type { RequestOffices } from './access-decision';

/** The parts of a request an office can come from; Fastify has parsed all three before any guard runs. */
export interface RequestParts {
  readonly params: unknown;
  readonly query: unknown;
  readonly body: unknown;
}

/**
 * The offices that qualify an officer or head for this request, best first; empty when the request names none (a
 * list without `office`, a top-level office). Stored facts are read from the first event of a stream: a case's office
 * and a complaint's case are set when the stream is created and never change, so one event is enough and the answer
 * cannot go stale. Who acts on a case then follows the office registry (the domain's officesActingOnCase): from a
 * succession's effective date the successor's staff act on the predecessor's cases and the predecessor's do not,
 * judged on the act's date (the body's effectiveDate, else today). A malformed id is 400 and an unknown case,
 * complaint or office is 404, as the handler would say.
 */
export async function officesQualifyingFor(
  source: OfficeSource,
  request: RequestParts,
  store: EventStore,
  tokenOffices: readonly string[],
): Promise<readonly string[] | RequestOffices> {
  switch (source) {
    case 'any-office-in-token':
      return tokenOffices;
    case 'case-in-path':
      return actingOnCase(store, await officeOfCase(store, identifier(request.params, 'caseId')), request);
    case 'office-in-body':
      return [identifier(request.body, 'officeId')];
    case 'case-in-body':
      return actingOnCase(store, await officeOfCase(store, identifier(request.body, 'caseId')), request);
    case 'complaint-in-path':
      return actingOnCase(store, await officeOfComplaint(store, identifier(request.params, 'complaintId')), request);
    case 'complaint-deciding-office':
      return [await complaintDecidingOffice(store, identifier(request.params, 'complaintId'), request, tokenOffices)];
    case 'province-above-case-in-path': {
      const caseOfficeId = await officeOfCase(store, identifier(request.params, 'caseId'));
      const line = await holderLineOn(store, caseOfficeId, actDate(request));
      return [ensureTakesUpAsProvince(line, { role: 'head', officeIds: tokenOffices }).officeId];
    }
    case 'office-in-query': {
      const office = field(request.query, 'office');
      return typeof office === 'string' && IDENTIFIER.test(office) ? [office] : [];
    }
    case 'office-in-path-or-its-parent': {
      const officeId = identifier(request.params, 'officeId');
      const parent = await parentOfOffice(store, officeId);
      return parent === undefined ? [officeId] : [officeId, parent];
    }
    case 'parent-of-office-in-path': {
      const parent = await parentOfOffice(store, identifier(request.params, 'officeId'));
      return parent === undefined ? [] : [parent];
    }
    case 'parent-in-body': {
      const parent = field(request.body, 'parentOfficeId');
      return parent === undefined ? [] : [identifier(request.body, 'parentOfficeId')];
    }
  }
}

/** The offices acting on a case of `caseOfficeId` on the act's date, and the successions that passed it on by then. */
async function actingOnCase(store: EventStore, caseOfficeId: string, request: RequestParts): Promise<RequestOffices> {
  const { acting, passedOn } = officesActingOnCase(await officeSuccessions(store), caseOfficeId, actDate(request));
  return { offices: acting, passedOn };
}

/** The legal date of the act a request is about: the body's effectiveDate when valid, else today (as the handler fills it). */
function actDate(request: RequestParts): string {
  const stated = field(request.body, 'effectiveDate');
  return typeof stated === 'string' && isLocalDate(stated) ? stated : vietnamToday();
}

/**
 * The office each case was received at, as recently read, per store: set by the case's first event and never changed,
 * so a kept answer cannot go stale. Bounded: the oldest reading goes first.
 */
const caseOffices = new WeakMap<EventStore, Map<string, string>>();
const CASE_OFFICES_KEPT = 10_000;

async function officeOfCase(store: EventStore, caseId: string): Promise<string> {
  let kept = caseOffices.get(store);
  if (!kept) caseOffices.set(store, (kept = new Map()));
  const known = kept.get(caseId);
  if (known !== undefined) return known;
  const first = await firstEvent(store, streamNameOf(caseAggregate.category, caseId));
  if (!first) throw caseNotFound(caseId);
  const officeId = storedText(first, 'officeId');
  if (kept.size >= CASE_OFFICES_KEPT) kept.delete(kept.keys().next().value as string);
  kept.set(caseId, officeId);
  return officeId;
}

/** The answer for an unknown case id; also what a caller without rights to the case's office is told. */
export function caseNotFound(caseId: string): DomainError {
  return new DomainError('CASE_NOT_FOUND', `No case with id ${caseId}`, { id: caseId });
}

/** The answer for an unknown complaint id; also what a caller without rights to its case's office is told. */
export function complaintNotFound(complaintId: string): DomainError {
  return new DomainError('COMPLAINT_NOT_FOUND', `No complaint with id ${complaintId}`, { id: complaintId });
}

async function officeOfComplaint(store: EventStore, complaintId: string): Promise<string> {
  const first = await firstEvent(store, streamNameOf(complaintAggregate.category, complaintId));
  if (!first) throw complaintNotFound(complaintId);
  return officeOfCase(store, storedText(first, 'caseId'));
}

/**
 * The office whose head holds the authority of the complaint's current level on the act's date (the body's
 * effectiveDate, else today, as the handler fills it). A head of another office is refused here, before anything
 * runs, with the domain's own check: `<AUTHORITY>_REQUIRED` (403) or DECIDING_OFFICE_NOT_IN_STRUCTURE (422).
 */
async function complaintDecidingOffice(
  store: EventStore,
  complaintId: string,
  request: RequestParts,
  tokenOffices: readonly string[],
): Promise<string> {
  const { authority, officeLine } = await decidingOfficeOf(store, complaintId, actDate(request));
  return ensureActsForAuthority(authority, officeLine, { role: 'head', officeIds: tokenOffices }).officeId;
}

/** The parent office from the office's registration; OFFICE_NOT_REGISTERED (404) as the reporting commands answer. */
async function parentOfOffice(store: EventStore, officeId: string): Promise<string | undefined> {
  const first = await firstEvent(store, streamNameOf(reportingAggregate.category, officeId));
  if (!first) throw new DomainError('OFFICE_NOT_REGISTERED', `Office ${officeId} is not registered`, { officeId });
  const parent = first.data.parentOfficeId;
  return typeof parent === 'string' ? parent : undefined;
}

async function firstEvent(store: EventStore, streamName: string): Promise<RecordedEvent | undefined> {
  return (await readStreamIfAny(store, streamName, { maxCount: 1 }))[0];
}

function storedText(event: RecordedEvent, name: string): string {
  const value = event.data[name];
  // Every case and complaint stream starts with an event that carries it; anything else is a fault, not a refusal.
  if (typeof value !== 'string') throw new Error(`${event.type} at ${event.stream}@${event.revision} has no ${name}`);
  return value;
}

/** A path or body id, checked as IdParamPipe and the DTOs would: the guard runs before them. */
function identifier(container: unknown, name: string): string {
  const value = field(container, name);
  if (typeof value !== 'string' || !IDENTIFIER.test(value)) {
    throw new RequestValidationFailed([{ field: name, messages: [`${name} ${IDENTIFIER_RULE}`] }]);
  }
  return value;
}

function field(container: unknown, name: string): unknown {
  return typeof container === 'object' && container !== null ? (container as Record<string, unknown>)[name] : undefined;
}
