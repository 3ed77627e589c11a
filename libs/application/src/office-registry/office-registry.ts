import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import {
  officesNamedBy,
  type OfficeRegistryCommand,
  type OfficeRegistryState,
  type OfficeSuccession,
  type RegisteredOffices,
} from '@thads/domain';
import type { EventStore } from '@thads/event-store';
import { streamNameOf } from '../aggregates/aggregate-definition';
import { officeRegistryAggregate, OFFICE_REGISTRY_ID, reportingAggregate } from '../aggregates/definitions';
import { foldRecorded } from '../aggregates/retractions';
import type { CommandContext, CommandResult } from '../command-handling/command-context';
import { executeCommand } from '../command-handling/execute-command';
import { readStreamIfAny, readWholeStream } from '../command-handling/read-whole-stream';
import { EVENT_STORE } from '../event-store/event-store.token';

/**
 * The registry decider checks that every office a change names is registered by its effective date; the registrations
 * live on the offices' own reporting streams, so the command path reads them (never writes) and hands them over.
 * Only the server states them: the HTTP DTOs have no such field.
 */
export async function withRegisteredOffices(
  store: EventStore,
  command: OfficeRegistryCommand,
): Promise<OfficeRegistryCommand> {
  const registeredOffices: Record<string, string> = {};
  for (const officeId of new Set(officesNamedBy(command))) {
    if (typeof officeId !== 'string' || officeId.trim() === '') continue;
    const events = await readWholeStream(store, streamNameOf(reportingAggregate.category, officeId));
    const office = foldRecorded(reportingAggregate, events);
    if (office.status === 'registered') registeredOffices[officeId] = office.registeredOn;
  }
  return {
    ...command,
    data: Object.assign({}, command.data, { registeredOffices: registeredOffices as RegisteredOffices }),
  } as OfficeRegistryCommand;
}

/** The registry as recorded: every succession and rename (empty before the first change). */
export async function loadOfficeRegistry(store: EventStore): Promise<OfficeRegistryState> {
  return (await readOfficeRegistry(store)).state;
}

/** The registry as folded, with the stream's revision and the position of its last event (-1n for both before the first change). */
export interface OfficeRegistryReading {
  readonly state: OfficeRegistryState;
  readonly revision: bigint;
  readonly position: bigint;
}

/**
 * The last reading of each store's registry. Every case request consults the registry (who acts on a case), and a
 * national reorganisation leaves hundreds of events on it: refolding them per request would cost what the history
 * costs. The stream only grows, so a reading stays true until an event follows its revision.
 */
const readings = new WeakMap<EventStore, OfficeRegistryReading>();

/**
 * The registry with the stream's revision and the position of its last event, for an answer that states what it
 * reflects: the last reading when nothing was appended after it (one indexed read of the last event), else the
 * stream read and folded again (a retraction changes how earlier events fold, so nothing is folded onto a reading).
 */
export async function readOfficeRegistry(store: EventStore): Promise<OfficeRegistryReading> {
  const streamName = streamNameOf(officeRegistryAggregate.category, OFFICE_REGISTRY_ID);
  const previous = readings.get(store);
  if (previous && !(await appendedAfter(store, streamName, previous.revision))) return previous;
  const events = await readWholeStream(store, streamName);
  const last = events.at(-1);
  const reading = {
    state: foldRecorded(officeRegistryAggregate, events),
    revision: last?.revision ?? -1n,
    position: last?.position ?? -1n,
  };
  readings.set(store, reading);
  return reading;
}

/**
 * Whether the stream's last event is past `revision`. Read backwards, because an empty read forwards from a revision
 * makes a store ask a second time whether the stream exists; the last event answers both in one read.
 */
async function appendedAfter(store: EventStore, streamName: string, revision: bigint): Promise<boolean> {
  const [last] = await readStreamIfAny(store, streamName, { direction: 'backwards', maxCount: 1 });
  return (last?.revision ?? -1n) > revision;
}

/** Every succession recorded, for the rules that follow them (who acts on a case, where it is reported). */
export async function officeSuccessions(store: EventStore): Promise<readonly OfficeSuccession[]> {
  return (await loadOfficeRegistry(store)).successions;
}

/** Runs a registry command (MergeOffices, SplitOffice, RenameOffice) on the command bus. */
export class ExecuteOfficeRegistryCommand extends Command<CommandResult> {
  constructor(
    readonly command: OfficeRegistryCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A thin adapter: the command bus hands the command to executeCommand, the one command path. */
@CommandHandler(ExecuteOfficeRegistryCommand)
export class ExecuteOfficeRegistryCommandHandler implements ICommandHandler<
  ExecuteOfficeRegistryCommand,
  CommandResult
> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, context }: ExecuteOfficeRegistryCommand): Promise<CommandResult> {
    return executeCommand(this.store, { aggregate: 'officeregistry', id: OFFICE_REGISTRY_ID, command }, context);
  }
}
