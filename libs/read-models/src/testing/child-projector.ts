/**
 * Starts testing/projector-child-process.ts in its own Node process (ts-node, transpile only: about a second on an
 * idle machine, many more on a busy one). Resolves lines the child prints, so a test waits for "MID_BATCH" or "DONE"
 * instead of sleeping; tests that start children take CHILD_PROCESS_TEST_TIMEOUT_MS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');

/**
 * Jest timeout for a test that starts child projectors: each child compiles its modules as it loads, which takes
 * seconds more for every other process competing for the cores. Generous on purpose; a hung child still fails.
 */
export const CHILD_PROCESS_TEST_TIMEOUT_MS = 180_000;

/** How long such a test waits for a position the children and the parent apply. */
export const CHILD_PROCESS_WAIT_MS = 150_000;

/** A running child projector. */
export interface ChildProjector {
  readonly process: ChildProcess;
  /** Resolves when the child prints `line`; rejects if it exits first. */
  printed(line: string): Promise<void>;
  /** Resolves with the exit code or signal once the child has gone. */
  exited(): Promise<number | NodeJS.Signals | null>;
}

export function startChildProjector(
  mode: 'doomed' | 'count',
  eventsFile: string,
  readModelFile: string,
  head: bigint,
): ChildProjector {
  return startChildScript('projector-child-process.ts', [mode, eventsFile, readModelFile, String(head)]);
}

/** The PostgreSQL twin (postgres-projector-child.ts): events and read models in the given schemas, with leases. */
export function startPostgresChildProjector(
  mode: 'doomed' | 'follow',
  url: string,
  eventSchema: string,
  readModelUrl: string,
  head: bigint,
): ChildProjector {
  return startChildScript('postgres-projector-child.ts', [mode, url, eventSchema, readModelUrl, String(head)]);
}

/** Children still running: a test that fails half-way must not leave them holding leases and connections. */
const liveChildren = new Set<ChildProcess>();

/** SIGKILLs every child projector still running and waits for each to exit; for afterEach. */
export async function killLiveChildProjectors(): Promise<void> {
  await Promise.all(
    [...liveChildren].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          if (child.exitCode !== null || child.signalCode !== null || !child.kill('SIGKILL')) resolve();
        }),
    ),
  );
  liveChildren.clear();
}

function startChildScript(script: string, args: readonly string[]): ChildProjector {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, script), ...args],
    {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exit = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  return {
    process: child,
    printed: (line) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (output.split('\n').includes(line)) resolve();
        };
        child.stdout.on('data', check);
        check();
        void exit.then(() =>
          output.split('\n').includes(line)
            ? resolve()
            : reject(new Error(`child exited before printing ${line}: ${errors}`)),
        );
      }),
    exited: () => exit,
  };
}
