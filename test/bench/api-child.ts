/**
 * The API as `npm start` runs it (createApp with its in-process projector), started by the bench in a child process
 * so the load generator never shares its event loop. It reports its port when listening, and answers `stats` with
 * the event-loop delay (perf_hooks histogram, reset by `reset`) and its peak RSS, over the IPC channel; `settle`
 * answers once its in-process projector has applied everything in the store (after a write load, so the reads
 * measured next do not share the loop with a catch-up); `memory` answers its RSS and live heap (the soak).
 */
import 'reflect-metadata';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { EVENT_STORE } from '@thads/application';
import type { EventStore } from '@thads/event-store';
import type { ProjectorRuntime } from '@thads/read-models';
import { loadApiConfig } from '../../apps/api/src/config/api-config';
import { createApp } from '../../apps/api/src/create-app';
import { PROJECTOR_RUNTIME } from '../../apps/api/src/read-models/read-models.tokens';

/** RSS and live heap in MB (the soak's samples). */
export interface ApiChildMemory {
  readonly rssMb: number;
  readonly heapUsedMb: number;
}

export interface ApiChildStats {
  readonly eventLoopDelayP50Ms: number;
  readonly eventLoopDelayP99Ms: number;
  readonly eventLoopDelayMaxMs: number;
  readonly peakRssMb: number;
}

async function main(): Promise<void> {
  const app = await createApp(loadApiConfig(), { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpAdapter().getInstance().server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  process.on('message', (message: string) => {
    if (message === 'reset') delay.reset();
    if (message === 'stats') {
      const stats: ApiChildStats = {
        eventLoopDelayP50Ms: delay.percentile(50) / 1e6,
        eventLoopDelayP99Ms: delay.percentile(99) / 1e6,
        eventLoopDelayMaxMs: delay.max / 1e6,
        peakRssMb: process.resourceUsage().maxRSS / 1024,
      };
      process.send?.({ stats });
    }
    if (message === 'memory') process.send?.({ memory: memoryAfterCollection() });
    if (message === 'settle')
      void settle(app.get<EventStore>(EVENT_STORE), app.get<ProjectorRuntime>(PROJECTOR_RUNTIME));
    if (message === 'stop') void app.close().then(() => process.exit(0));
  });
  process.send?.({ port });
}

/** RSS and the heap's live bytes, after a full collection when the child runs with --expose-gc (the soak). */
function memoryAfterCollection(): ApiChildMemory {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { rssMb: usage.rss / 1048576, heapUsedMb: usage.heapUsed / 1048576 };
}

async function settle(store: EventStore, runtime: ProjectorRuntime): Promise<void> {
  const started = performance.now();
  await runtime.projector.waitForPosition(await store.headPosition(), 600_000);
  process.send?.({ settledMs: performance.now() - started });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
