/** Starting and driving the engine child (engine-child.ts) from the bench process. */
import type { ChildProcess } from 'node:child_process';
import type { CaseJob } from './caseload';
import type { EngineAnswer, EngineTask, ToEngineChild } from './engine-child';
import type { CommandsRound } from './measure-commands';
import { forkBenchChild, stopChild } from './bench-child';

export interface EngineProcess {
  /** A figure of B0, B0 1,000-row, M1, B1 or M8. */
  measure(task: Exclude<EngineTask, { task: 'commands' }>): Promise<EngineAnswer<number>>;
  /** One M2/M2p/M4 round in fresh directories under `dir`. */
  commands(dir: string): Promise<EngineAnswer<CommandsRound>>;
  stop(): Promise<void>;
}

/** Forks the child with the bench's heap limit and hands it the jobs; 600 s at most to be ready (ts-node compiles). */
export async function startEngineChild(jobs: readonly CaseJob[]): Promise<EngineProcess> {
  const child = forkBenchChild('engine-child.ts', { serialization: 'advanced' });
  await reply(child, 'started', undefined, 600_000);
  await reply(child, 'ready', { jobs }, 600_000);
  // A task takes seconds to a minute here; an hour means the child is stuck.
  return {
    measure: (task) => reply<EngineAnswer<number>>(child, 'answer', task, 3_600_000),
    commands: (dir) => reply<EngineAnswer<CommandsRound>>(child, 'answer', { task: 'commands', dir }, 3_600_000),
    stop: () => stopChild(child, 30_000),
  };
}

/** Sends `message` (if any) and resolves with the `key` of the child's first reply that has one. */
function reply<T>(child: ChildProcess, key: string, message: ToEngineChild | undefined, timeoutMs: number) {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the engine child did not reply ${key} within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const onExit = (code: number | null) => reject(new Error(`the engine child exited with ${code}`));
    const listener = (answer: Record<string, unknown>) => {
      if (answer.error !== undefined) reject(new Error(`the engine child failed: ${String(answer.error)}`));
      else if (answer[key] === undefined) return;
      else resolve(answer[key] as T);
      clearTimeout(timer);
      child.off('message', listener);
      child.off('exit', onExit);
    };
    child.on('message', listener);
    child.once('exit', onExit);
    if (message !== undefined) child.send(message);
  });
}
