/**
 * The full profile's seeder: a million cases through executeCommand one command at a time would take hours here
 * (M2's rate), so each case's own commands are decided in memory with the real decider and its events appended in
 * one append, with the envelopes the command path writes (eventsToAppend: the same ids, metadata and fingerprints).
 * What needs the store (complaints, which check the case exists; corrections, which resolve the event they retract)
 * then goes through executeCommand as the API sends it (run-jobs.ts).
 */
import { caseAggregate, eventsToAppend, fingerprintOf, streamNameOf, type CommandContext } from '@thads/application';
import { vietnamToday } from '@thads/application/deadline-sweep/vietnam-today';
import type { CaseCommand, CaseEvent } from '@thads/domain';
import type { EventStore, EventToAppend } from '@thads/event-store';
import { runBounded } from '../../apps/cli/src/demo/run/bounded-pool';
import type { CaseJob, Step } from './caseload';
import { runStep } from './run-jobs';

export interface BulkSeeded {
  readonly cases: number;
  readonly commands: number;
  readonly events: number;
}

/** Seeds `jobs`, `concurrency` appends at a time; a command the decider refuses names its case and stops the run. */
export async function bulkSeed(store: EventStore, jobs: readonly CaseJob[], concurrency: number): Promise<BulkSeeded> {
  let commands = 0;
  let events = 0;
  const today = vietnamToday();
  const later: Step[] = [];
  await runBounded(jobs, concurrency, async (job) => {
    const own: Step[] = [];
    for (const step of job.steps) (needsStore(step) ? later : own).push(step);
    const decided = decideCase(job.caseId, own, today);
    await store.append(streamNameOf('case', job.caseId), decided, { expectedRevision: 'no_stream' });
    commands += own.length;
    events += decided.length;
  });
  // Complaints and corrections after their cases are in the store, each case's in order.
  await runBounded(groupByStream(later), concurrency, async (steps) => {
    for (const step of steps) await runStep(store, step);
  });
  commands += later.length;
  return { cases: jobs.length, commands, events: events + later.length };
}

function decideCase(caseId: string, steps: readonly Step[], today: string): EventToAppend[] {
  const { decider, codec, schemaVersion } = caseAggregate;
  const streamName = streamNameOf('case', caseId);
  let state = decider.initialState;
  const envelopes: EventToAppend[] = [];
  for (const step of steps) {
    const command = step.command as CaseCommand;
    const context: CommandContext = { actor: step.actor, commandId: step.commandId, correlationId: step.commandId };
    let decided: readonly CaseEvent[];
    try {
      decided = decider.decide({ ...command, today }, state);
    } catch (error) {
      throw new Error(`bulk seed: ${command.type} on case ${caseId} was refused (${String(error)})`);
    }
    for (const event of decided) state = decider.evolve(state, event);
    const fingerprint = fingerprintOf({ aggregate: 'case', id: caseId, command });
    envelopes.push(...eventsToAppend({ codec, schemaVersion }, streamName, decided, context, fingerprint, Date.now()));
  }
  return envelopes;
}

/** Complaints check their case exists; corrections resolve the event they retract: both read the store. */
function needsStore(step: Step): boolean {
  return step.aggregate !== 'case' || step.command.type === 'CorrectRecordedFact';
}

function groupByStream(steps: readonly Step[]): Step[][] {
  const byStream = new Map<string, Step[]>();
  for (const step of steps) {
    const group = byStream.get(step.id);
    if (group) group.push(step);
    else byStream.set(step.id, [step]);
  }
  return [...byStream.values()];
}
