/**
 * complaint_queue rows from the domain: each complaint event is folded into the complaint's state with the domain's
 * evolve (as the command side folds it), and the row is the domain's complaintQueueView of that state. Pure; the
 * projection loads the kept states, folds and writes back.
 */
import {
  complaintEventCodec,
  complaintDecider,
  initialComplaintState,
  type ComplaintEvent,
  type ComplaintQueueView,
  type ComplaintState,
  type JsonRecord,
} from '@thads/domain';
import type { Selectable } from 'kysely';
import type { ComplaintQueueTable } from './complaint-queue.table';

/** A complaint_queue row. */
export type ComplaintQueueRow = Selectable<ComplaintQueueTable>;

/** The type the deadline sweep appends to a complaint stream when an acceptance or resolution date passes. */
export const COMPLAINT_DEADLINE_MISSED = 'ComplaintDeadlineMissed';

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

/**
 * The complaint's state after a stored event. A type this build's codec does not know changes nothing (it waits for
 * the projection to learn it); an event before ComplaintFiled throws, halting the projection: the aggregate cannot
 * have written it.
 */
export function evolveStoredComplaintEvent(
  state: ComplaintState | undefined,
  type: string,
  data: Readonly<Record<string, unknown>>,
): ComplaintState | undefined {
  if (!(complaintEventCodec.eventTypes as readonly string[]).includes(type)) return state;
  const event = complaintEventCodec.decode({ type, data: data as JsonRecord }) as ComplaintEvent;
  return complaintDecider.evolve(state ?? initialComplaintState, event);
}

/** The row of a complaint's view, stamped with the stream revision and log position of its last event. */
export function complaintQueueRow(
  view: ComplaintQueueView,
  lastEventType: string,
  place: EventPlace,
): ComplaintQueueRow {
  return {
    complaint_id: view.complaintId,
    case_id: view.caseId,
    office_id: view.officeId,
    respondent_role: view.respondentRole,
    complaint_group: view.group,
    level: BigInt(view.level),
    status: view.status,
    deciding_authority: view.decidingAuthority,
    filed_on: view.filedOn,
    acceptance_due_on: view.acceptanceDueOn,
    resolution_due_on: view.resolutionDueOn,
    escalation_deadline: view.escalationDeadline,
    next_due_on: view.nextDueOn,
    last_act_on: view.lastActOn,
    deadline_missed: view.deadlineMissed ? 1n : 0n,
    last_event_type: lastEventType,
    revision: place.revision,
    position: place.position,
  };
}
