/**
 * How each complaint event changes a complaint_queue row. Pure; the projection loads, folds and writes back.
 */
import { assertNever, type ComplaintEvent, type ComplaintFiled } from '@thads/domain';
import type { Selectable } from 'kysely';
import type { ComplaintQueueTable } from './complaint-queue.table';

/** A complaint_queue row. */
export type ComplaintQueueRow = Selectable<ComplaintQueueTable>;

/**
 * The type the deadline sweep appends to a complaint stream when an acceptance or resolution date passes. Recognised by name, never decoded, so this model works with or without it in the complaint codec.
 */
export const COMPLAINT_DEADLINE_MISSED = 'ComplaintDeadlineMissed';

/** The lifecycle events the fold applies; the sweep's event is handled apart (passedOver). */
export type ComplaintLifecycleEvent = Exclude<ComplaintEvent, { readonly type: typeof COMPLAINT_DEADLINE_MISSED }>;

/** Every status a complaint can hold, for filters. */
export const COMPLAINT_QUEUE_STATUSES = [
  'filed',
  'accepted',
  'decided',
  'escalated',
  'not_accepted',
  'withdrawn',
] as const;

/** Where an event sits in the log. */
export interface EventPlace {
  readonly revision: bigint;
  readonly position: bigint;
}

/** The row after `event`. Throws on a history the aggregate cannot have written (an event before ComplaintFiled). */
export function foldComplaintQueue(
  row: ComplaintQueueRow | undefined,
  event: ComplaintLifecycleEvent,
  place: EventPlace,
): ComplaintQueueRow {
  if (event.type === 'ComplaintFiled') return filed(event, place);
  if (!row) throw new TypeError(`${event.type} for complaint ${event.data.complaintId} precedes its ComplaintFiled`);
  const next: ComplaintQueueRow = {
    ...row,
    last_act_on: event.data.effectiveDate,
    last_event_type: event.type,
    revision: place.revision,
    position: place.position,
  };
  switch (event.type) {
    case 'ComplaintAccepted':
      return {
        ...next,
        status: 'accepted',
        level: BigInt(event.data.level),
        resolution_due_on: event.data.resolutionDueOn,
        next_due_on: event.data.resolutionDueOn,
      };
    case 'ComplaintNotAccepted':
      return { ...next, status: 'not_accepted', next_due_on: null };
    case 'ComplaintDecided':
      return {
        ...next,
        status: 'decided',
        deciding_authority: event.data.decidingAuthority,
        escalation_deadline: event.data.escalationDeadline ?? null,
        next_due_on: null,
      };
    case 'ComplaintEscalated':
      // A new level: its own acceptance clock; the first level's resolution and escalation dates are spent.
      return {
        ...next,
        status: 'escalated',
        level: 2n,
        deciding_authority: event.data.toAuthority,
        acceptance_due_on: event.data.acceptanceDueOn,
        resolution_due_on: null,
        escalation_deadline: null,
        next_due_on: event.data.acceptanceDueOn,
      };
    case 'ComplaintWithdrawn':
      return { ...next, status: 'withdrawn', next_due_on: null };
    default:
      return assertNever(event, 'complaint event');
  }
}

/**
 * The row after an event of its stream that the fold does not apply: the sweep's ComplaintDeadlineMissed sets
 * `deadline_missed` (a detection, not an act: last_act_on stays), a type unknown here changes nothing. Either way the
 * row says which revision of the stream it reflects.
 */
export function passedOver(row: ComplaintQueueRow, eventType: string, place: EventPlace): ComplaintQueueRow {
  const missed = eventType === COMPLAINT_DEADLINE_MISSED ? { deadline_missed: 1n } : {};
  return { ...row, ...missed, last_event_type: eventType, revision: place.revision, position: place.position };
}

function filed(event: ComplaintFiled, place: EventPlace): ComplaintQueueRow {
  const { data } = event;
  return {
    complaint_id: data.complaintId,
    case_id: data.caseId,
    office_id: data.respondent.officeId,
    respondent_role: data.respondent.role,
    complaint_group: data.group,
    level: 1n,
    status: 'filed',
    deciding_authority: data.decidingAuthority,
    filed_on: data.effectiveDate,
    acceptance_due_on: data.acceptanceDueOn,
    resolution_due_on: null,
    escalation_deadline: null,
    next_due_on: data.acceptanceDueOn,
    last_act_on: data.effectiveDate,
    deadline_missed: 0n,
    last_event_type: event.type,
    revision: place.revision,
    position: place.position,
  };
}
