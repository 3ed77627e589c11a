import {
  type ComplaintCommand,
  officeHoldingAuthority,
  officeOnDate,
  type DecidingAuthority,
  type ExistingComplaint,
  type LocalDate,
  type OfficeInLine,
  type OfficeLine,
} from '@thads/domain';
import type { Actor, EventStore } from '@thads/event-store';
import { streamNameOf } from '../aggregates/aggregate-definition';
import { complaintAggregate, reportingAggregate } from '../aggregates/definitions';
import { loadAggregate } from '../aggregates/load-aggregate';
import { foldRecorded } from '../aggregates/retractions';
import { readWholeStream } from '../command-handling/handle-command';

/** A hierarchy deeper than this is a cycle in the registrations, not a real office tree. */
const MAX_DEPTH = 8;

/**
 * The line of `officeId` in force on `date`: the office, then each parent up to the root, each as registered by then.
 * The line stops at an office not registered (or not yet) on that date.
 */
export async function officeLineOn(store: EventStore, officeId: string, date: LocalDate): Promise<OfficeLine> {
  const line: OfficeInLine[] = [];
  let next: string | undefined = officeId;
  while (next !== undefined && line.length < MAX_DEPTH && !line.some((office) => office.officeId === next)) {
    const events = await readWholeStream(store, streamNameOf(reportingAggregate.category, next));
    const office = officeOnDate(foldRecorded(reportingAggregate, events), date);
    if (office === undefined) break;
    line.push({ officeId: office.officeId, tier: office.tier });
    next = office.parentOfficeId;
  }
  return line;
}

/** Who decides a complaint's current level on `date`, the office holding that authority (if registered) and the line. */
export interface DecidingOffice {
  readonly authority: DecidingAuthority;
  readonly office?: OfficeInLine;
  readonly officeLine: OfficeLine;
}

/**
 * The deciding office of the complaint's current level on `date`, from the complaint's respondent and the structure
 * then in force (the rule itself is the domain's officeHoldingAuthority). Throws COMPLAINT_NOT_FOUND for no complaint.
 */
export async function decidingOfficeOf(
  store: EventStore,
  complaintId: string,
  date: LocalDate,
): Promise<DecidingOffice> {
  const { state } = await loadAggregate(store, complaintAggregate, complaintId);
  // loadAggregate throws COMPLAINT_NOT_FOUND for a stream without events, and every complaint stream starts with one.
  return decidingOfficeIn(store, state as ExistingComplaint, date);
}

/** As decidingOfficeOf, for a complaint already folded. */
export async function decidingOfficeIn(
  store: EventStore,
  state: ExistingComplaint,
  date: LocalDate,
): Promise<DecidingOffice> {
  const officeLine = await officeLineOn(store, state.respondent.officeId, date);
  const office = officeHoldingAuthority(state.authority, officeLine);
  return { authority: state.authority, ...(office !== undefined && { office }), officeLine };
}

/**
 * The acts of the deciding authority (accept, decline, decide) carry who records them and the respondent's office line
 * in force on their date, for the decider to check the authority (complaint-authority.ts in the domain). The command
 * path fills them when the caller did not: the HTTP DTOs refuse both fields, so over the API only the server states
 * them, from the granted actor and the registered offices.
 */
export async function withDecidingAuthority(
  store: EventStore,
  complaintId: string,
  command: ComplaintCommand,
  actor: Actor,
): Promise<ComplaintCommand> {
  if (command.type !== 'AcceptComplaint' && command.type !== 'DeclineComplaint' && command.type !== 'DecideComplaint')
    return command;
  if (command.data.official !== undefined && command.data.officeLine !== undefined) return command;
  const events = await readWholeStream(store, streamNameOf(complaintAggregate.category, complaintId));
  const state = foldRecorded(complaintAggregate, events);
  if (state.status === 'none') return command;
  const { officeLine } = await decidingOfficeIn(store, state, command.data.effectiveDate);
  const official = { role: actor.role, officeIds: actor.officeId === undefined ? [] : [actor.officeId] };
  return { ...command, data: { official, officeLine, ...command.data } } as ComplaintCommand;
}
