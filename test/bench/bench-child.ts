/** Forking and stopping the bench's children (the API, the engine's work, M5get's client). */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** Options of forkBenchChild. */
export interface BenchChildOptions {
  /** Node options after the shared ones (a CPU profile, --expose-gc). */
  readonly execArgv?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** 'advanced' to send values JSON cannot carry (bigints in jobs). */
  readonly serialization?: 'json' | 'advanced';
}

/**
 * Forks `file` (a .ts file beside this one) with the bench's heap limit, which is the one `npm start` gives the
 * engine (docs/operations.md, Memory), ts-node and the @thads paths; its stdout is dropped, its stderr shown.
 */
export function forkBenchChild(file: string, options: BenchChildOptions = {}): ChildProcess {
  return fork(join(__dirname, file), [], {
    execArgv: [
      ...process.execArgv.filter((arg) => arg.startsWith('--max-old-space-size')),
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      ...(options.execArgv ?? []),
    ],
    ...(options.env ? { env: options.env } : {}),
    ...(options.serialization ? { serialization: options.serialization } : {}),
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
}

/** Sends a bench child 'stop' and resolves when it has exited; one that is still running after `killAfterMs` is killed, so the bench never leaves it behind. */
export function stopChild(child: ChildProcess, killAfterMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send('stop');
  });
}
