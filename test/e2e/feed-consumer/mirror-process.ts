/**
 * The example reporting service (libs/feed-consumer/examples/completion-report-mirror.ts) in its own Node process,
 * started as an operator would start it (ts-node, transpile only), so a test can SIGKILL it. Waits are on what it
 * prints ("applied change <id>", "connected, resuming after change <id>") or on its exit, each bounded by a timeout;
 * never on sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const EXAMPLE = join(ROOT, 'libs/feed-consumer/examples/completion-report-mirror.ts');
/** A ts-node start and a catch-up on two busy cores shared with other suites: generous, not a budget. */
export const MIRROR_WAIT_MS = 240_000;

export interface MirrorProcess {
  readonly process: ChildProcess;
  /** Change ids this process printed as applied, in order. */
  readonly applied: string[];
  output(): string;
  /** Resolves once `check()` holds over what the process printed; rejects if it exits first or after the timeout. */
  until(what: string, check: () => boolean): Promise<void>;
  /** SIGKILL (kill -9) and wait for the exit. */
  kill9(): Promise<void>;
  /** SIGTERM (a clean stop) and resolve with the exit code. */
  stop(): Promise<number | NodeJS.Signals | null>;
}

export function startMirror(env: Record<string, string>): MirrorProcess {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', EXAMPLE],
    {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const applied: string[] = [];
  let output = '';
  let pending = '';
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const match = /^applied change (\d+)$/.exec(line);
      if (match) applied.push(match[1]);
    }
    notify();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    notify();
  });
  let exited = false;
  const exit = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.on('exit', (code, signal) => {
      exited = true;
      resolve(signal ?? code);
      notify();
    }),
  );
  const signal = async (name: NodeJS.Signals) => {
    if (!exited) child.kill(name);
    return exit;
  };
  return {
    process: child,
    applied,
    output: () => output,
    until: (what, check) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => finish(new Error(`mirror: no ${what} within ${MIRROR_WAIT_MS} ms:\n${output}`)),
          MIRROR_WAIT_MS,
        );
        const finish = (error?: Error) => {
          clearTimeout(timer);
          listeners.delete(listener);
          if (error) reject(error);
          else resolve();
        };
        const listener = () => {
          if (check()) finish();
          else if (exited) finish(new Error(`mirror exited before ${what}:\n${output}`));
        };
        listeners.add(listener);
        listener();
      }),
    kill9: async () => {
      await signal('SIGKILL');
    },
    stop: () => signal('SIGTERM'),
  };
}
