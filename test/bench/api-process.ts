/** Starting and driving the API child (api-child.ts) from the bench process. */
import type { ChildProcess } from 'node:child_process';
import type { ApiChildMemory, ApiChildStats } from './api-child';
import { forkBenchChild, stopChild } from './bench-child';

export interface ApiProcess {
  readonly baseUrl: string;
  stats(): Promise<ApiChildStats>;
  resetStats(): void;
  /** RSS and live heap in MB, after a full collection when started with `exposeGc`. */
  memory(): Promise<ApiChildMemory>;
  /** Waits until the API's projector has applied the whole store; returns how long that took, in ms. */
  settle(): Promise<number>;
  stop(): Promise<void>;
}

/** Forks the API on `dataDir` (SQLite events and read models there) and waits until it listens; 600 s at most (a busy machine compiles slowly). */
export async function startApi(
  dataDir: string,
  extraEnv: NodeJS.ProcessEnv = {},
  exposeGc = false,
): Promise<ApiProcess> {
  const child = forkBenchChild('api-child.ts', {
    execArgv: [...cpuProfileArgs(), ...(exposeGc ? ['--expose-gc'] : [])],
    // One bench token sends thousands of commands a minute on purpose: the per-subject rate limits are off here.
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_COMMANDS: '0',
      RATE_LIMIT_REFUSED_COMMANDS: '0',
      ...extraEnv,
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the API child did not listen within 600 s'));
    }, 600_000);
    child.once('exit', (code) => reject(new Error(`the API child exited with ${code} before listening`)));
    child.on('message', (message: { port?: number }) => {
      if (message.port === undefined) return;
      clearTimeout(timer);
      resolve(message.port);
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stats: () => request<ApiChildStats>(child, 'stats', 'stats'),
    resetStats: () => child.send('reset'),
    settle: () => request<number>(child, 'settle', 'settledMs'),
    memory: () => request<ApiChildMemory>(child, 'memory', 'memory'),
    // The API gets 30 s to close its stores.
    stop: () => stopChild(child, 30_000),
  };
}

/** Sends `message` to the child and resolves with the `key` of its first answer that has one. */
function request<T>(child: ChildProcess, message: string, key: string): Promise<T> {
  return new Promise((resolve) => {
    const listener = (answer: Record<string, unknown>) => {
      if (answer[key] === undefined) return;
      child.off('message', listener);
      resolve(answer[key] as T);
    };
    child.on('message', listener);
    child.send(message);
  });
}

/** BENCH_CPU_PROF=<dir> writes a CPU profile of the API child there (node --cpu-prof), for `docs/performance.md`. */
function cpuProfileArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}
