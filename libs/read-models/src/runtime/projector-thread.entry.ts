/**
 * The projector thread's own code (projector-thread.ts starts it): opens its own connections to the event store and
 * the read models, runs the same runtime the projector service runs, and logs through the API thread's logger.
 * better-sqlite3 blocks the thread it runs on, so its commits no longer stop the API's requests.
 */
import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { openEventStore } from '@thads/event-store';
import { startProjectorRuntime } from './embedded-projector';
import { lowerThreadPriority } from './thread-priority';
import type { ProjectorLogger } from './projector-contract';
import type { FromProjectorThread, ProjectorThreadData, ToProjectorThread } from './projector-thread-protocol';

async function run(port: NonNullable<typeof parentPort>, data: ProjectorThreadData): Promise<void> {
  const send = (message: FromProjectorThread) => port.postMessage(message);
  const logger: ProjectorLogger = {
    log: (message) => send({ kind: 'log', level: 'log', message }),
    warn: (message) => send({ kind: 'log', level: 'warn', message }),
    error: (message, detail) => send({ kind: 'log', level: 'error', message, detail }),
  };
  // First, so everything the thread does runs at its priority.
  const priority = lowerThreadPriority(data.niceness ?? 0);
  logger.log(
    priority.applied
      ? `The projector thread (${priority.threadId}) runs at nice ${priority.niceness}: requests get the CPU first`
      : `The projector thread runs at the process's priority: ${priority.reason}`,
  );
  const eventStore = await openEventStore(data.eventStoreUrl);
  try {
    const runtime = await startProjectorRuntime({
      eventStore,
      readModelUrl: data.readModelUrl,
      eventStoreUrl: data.eventStoreUrl,
      batchSize: data.batchSize,
      logger,
    });
    port.on('message', (message: ToProjectorThread) => {
      if (message.kind !== 'stop') return;
      // The batch in flight commits or rolls back as a whole; then the thread has nothing left and ends.
      void runtime
        .close()
        .then(() => eventStore.close())
        .finally(() => port.close());
    });
    send({ kind: 'ready' });
  } catch (error) {
    await eventStore.close();
    throw error;
  }
}

if (parentPort) {
  const port = parentPort;
  run(port, workerData as ProjectorThreadData).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    port.postMessage({ kind: 'failed', message } satisfies FromProjectorThread);
    port.close();
  });
}
