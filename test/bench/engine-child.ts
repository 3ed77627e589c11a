/**
 * The engine's work of the quick profile in a process of its own (engine-process.ts starts it): the store appends
 * beside their baselines (B0, M1, B1, M8) and the command rounds (M2, M2p, M4). The bench process holds the whole
 * caseload near its heap limit; measured there, the engine's figures and memory would carry the harness's
 * collections (M8 read 0.38x in the bench process where a small process read 0.49x), and a projector thread's memory
 * would be added to the caseload's. Jobs are handed over once; each task answers with its figure and the child's
 * peak RSS so far.
 */
import { b0SingleRow, b0ThousandRows, b1 } from './baselines';
import type { CaseJob } from './caseload';
import { commandsRound, type CommandsRound } from './measure-commands';
import { m1SqliteAppends, m8PostgresAppends } from './measure-store';

/** One task of a round, run in `dir`. */
export type EngineTask =
  | { readonly task: 'b0' | 'b0k' | 'm1' | 'commands'; readonly dir: string }
  | { readonly task: 'b1' | 'm8'; readonly postgresUrl: string };

/** Bench → child. */
export type ToEngineChild = { readonly jobs: readonly CaseJob[] } | EngineTask | 'stop';

/** A task's answer. */
export interface EngineAnswer<T> {
  readonly value: T;
  readonly peakRssMb: number;
}

let jobs: readonly CaseJob[] = [];

async function run(task: EngineTask): Promise<number | CommandsRound> {
  switch (task.task) {
    case 'b0':
      return b0SingleRow(task.dir, 2000);
    case 'b0k':
      return b0ThousandRows(task.dir, 2000);
    case 'm1':
      return m1SqliteAppends(task.dir, 3000);
    case 'commands':
      return commandsRound(task.dir, jobs);
    case 'b1':
      return b1(task.postgresUrl, 16, 3000);
    case 'm8':
      return m8PostgresAppends(task.postgresUrl, 3000);
  }
}

process.on('message', (message: ToEngineChild) => {
  if (message === 'stop') return process.exit(0);
  if ('jobs' in message) {
    jobs = message.jobs;
    process.send?.({ ready: true });
    return;
  }
  run(message).then(
    (value) => process.send?.({ answer: { value, peakRssMb: process.resourceUsage().maxRSS / 1024 } }),
    (error: unknown) =>
      process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
process.send?.({ started: true });
