/**
 * Sends caseload jobs through the one command path (executeCommand, as the API's handlers do), `concurrency` cases
 * at a time, each case's commands in order. Returns how many commands ran and the last position written.
 */
import { executeCommand } from '@thads/application/command-handling/execute-command';
import type { EventStore } from '@thads/event-store';
import { runBounded } from '../../apps/cli/src/demo/run/bounded-pool';
import type { CaseCommand } from '@thads/domain';
import { RETRACTS_COMMAND, type CaseJob, type Step } from './caseload';

export interface JobsRun {
  readonly commands: number;
  readonly lastPosition: bigint;
  readonly seconds: number;
}

export async function runJobs(store: EventStore, jobs: readonly CaseJob[], concurrency: number): Promise<JobsRun> {
  let commands = 0;
  let lastPosition = -1n;
  const started = performance.now();
  await runBounded(jobs, concurrency, async (job) => {
    for (const step of job.steps) {
      const position = await runStep(store, step);
      if (position > lastPosition) lastPosition = position;
      commands += 1;
    }
  });
  return { commands, lastPosition, seconds: (performance.now() - started) / 1000 };
}

/** One command, through executeCommand as the API sends it; a refusal names the case and command. */
export async function runStep(store: EventStore, step: Step): Promise<bigint> {
  const reason = step.command.type === 'CorrectRecordedFact' ? step.command.data.reason : undefined;
  const context = { actor: step.actor, commandId: step.commandId, correlationId: step.commandId, reason };
  const addressed =
    step.aggregate === 'case'
      ? { aggregate: 'case' as const, id: step.id, command: await withRecordedEventId(store, step) }
      : { aggregate: 'complaint' as const, id: step.id, command: step.command };
  try {
    return (await executeCommand(store, addressed, context)).position;
  } catch (error) {
    const why = error instanceof Error ? `${(error as { code?: string }).code ?? error.name}: ${error.message}` : error;
    throw new Error(
      `bench caseload: ${step.command.type} on ${step.aggregate} ${step.id} was refused (${String(why)})`,
    );
  }
}

/** A correction names the event by the command that recorded it (caseload.ts); find that event's id. */
async function withRecordedEventId(store: EventStore, step: Step & { aggregate: 'case' }): Promise<CaseCommand> {
  const { command } = step;
  if (command.type !== 'CorrectRecordedFact' || !command.data.eventId.startsWith(RETRACTS_COMMAND)) return command;
  const commandId = command.data.eventId.slice(RETRACTS_COMMAND.length);
  const events = await store.readStream(`case-${step.id}`);
  const recorded = events.find((event) => event.metadata.commandId === commandId);
  if (!recorded) throw new Error(`no event of command ${commandId} in case ${step.id}`);
  return { ...command, data: { ...command.data, eventId: recorded.id } };
}
