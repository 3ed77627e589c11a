/**
 * The API's projector on a worker thread of its own process (EMBEDDED_PROJECTOR=thread, the default): the thread
 * applies the events with its own connections, and the API's runtime follows its checkpoints (a follower, woken by
 * every batch through batch-channel.ts). On two cores the projector's work then runs beside the requests instead of
 * between them (docs/performance.md, M2p and M3).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ProjectorLogger } from './projector-contract';
import type { FromProjectorThread, ProjectorThreadData, ToProjectorThread } from './projector-thread-protocol';

/** Options of startProjectorThread. */
export interface ProjectorThreadOptions extends ProjectorThreadData {
  readonly logger: ProjectorLogger;
  /** Pause before a thread that ended unasked is started again. Default 1000. */
  readonly restartDelayMs?: number;
}

/** A running projector thread. */
export interface ProjectorThread {
  /** Lets the batch in flight finish, closes the thread's connections and waits for the thread to end. */
  close(): Promise<void>;
}

/** The thread's young generation (docs/performance.md, M7). */
const THREAD_YOUNG_GENERATION_MB = 16;

/** A projector thread that could not start; the message is the thread's own (a refused store, a bad URL). */
export class ProjectorThreadFailed extends Error {
  override readonly name = 'ProjectorThreadFailed';
}

/**
 * The thread's code: the bundle's own file beside the API's (webpack builds it as a second entry), else the source,
 * loaded through ts-node (tests, the bench).
 */
function threadEntry(): { filename: string; execArgv?: string[] } {
  const bundled = join(__dirname, 'projector-thread.js');
  if (existsSync(bundled)) return { filename: bundled };
  return {
    filename: join(__dirname, 'projector-thread.entry.ts'),
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
  };
}

/** Starts the thread and resolves once it projects; rejects with ProjectorThreadFailed if it cannot start. */
export async function startProjectorThread(options: ProjectorThreadOptions): Promise<ProjectorThread> {
  for (const url of [options.eventStoreUrl, options.readModelUrl]) {
    if (url.endsWith(':memory:'))
      throw new ProjectorThreadFailed(
        `A projector thread cannot open ${url}: its own connection would see another, empty database. ` +
          'Use EMBEDDED_PROJECTOR=true (on the event loop).',
      );
  }
  let closing = false;
  let current: Worker | undefined;
  const adopt = (worker: Worker) => {
    current = worker;
    worker.once('exit', () => {
      current = undefined;
      if (closing) return;
      options.logger.error('The projector thread ended unexpectedly; starting it again');
      setTimeout(() => {
        if (closing) return;
        spawn(options).then(adopt, (error: unknown) =>
          options.logger.error(`The projector thread did not start again: ${(error as Error).message}`),
        );
      }, options.restartDelayMs ?? 1000).unref();
    });
  };
  adopt(await spawn(options));
  return {
    close: async () => {
      closing = true;
      const worker = current;
      if (!worker) return;
      const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ kind: 'stop' } satisfies ToProjectorThread);
      await ended;
    },
  };
}

function spawn(options: ProjectorThreadOptions): Promise<Worker> {
  const { filename, execArgv } = threadEntry();
  const data: ProjectorThreadData = {
    eventStoreUrl: options.eventStoreUrl,
    readModelUrl: options.readModelUrl,
    batchSize: options.batchSize,
    niceness: options.niceness,
  };
  const worker = new Worker(filename, {
    workerData: data,
    // A smaller young generation than V8 gives a new isolate: 30-80 MB less RSS, the same projector rate measured.
    resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB },
    ...(execArgv ? { execArgv } : {}),
  });
  let started = false;
  return new Promise<Worker>((resolve, reject) => {
    worker.once('exit', (code) => {
      if (!started)
        reject(new ProjectorThreadFailed(`The projector thread ended before it started (exit code ${code})`));
    });
    // An uncaught error ends the thread (its 'exit' restarts it); unheard, it would end the API too.
    worker.on('error', (error) => {
      if (!started) reject(new ProjectorThreadFailed(`The projector thread failed to start: ${error.message}`));
      else options.logger.error(`The projector thread failed: ${error.message}`, error.stack);
    });
    worker.on('message', (message: FromProjectorThread) => {
      if (message.kind === 'log') options.logger[message.level](message.message, message.detail);
      else if (message.kind === 'failed') reject(new ProjectorThreadFailed(message.message));
      else if (message.kind === 'ready') {
        started = true;
        resolve(worker);
      }
    });
  });
}
