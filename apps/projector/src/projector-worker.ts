/**
 * The projector worker's wiring: configuration from the environment, the event store, the read-model runtime and
 * the deadline sweep.
 * Kept apart from main.ts (signals, exit codes) so a test can start and stop a real worker in-process.
 */
import { checkDurability, type DurabilityReport } from '@thads/config';
import { openEventStore } from '@thads/event-store';
import { startDeadlineSweeper, type DeadlineSweeper } from '@thads/application';
import { loadProjectorConfig, type ProjectorConfig } from '@thads/config';
import { redactedUrl } from '@thads/observability';
import {
  overdueDeadlines,
  startProjectorRuntime,
  type ProjectorLogger,
  type ProjectorRuntime,
} from '@thads/read-models';

/** A started worker. `close()` stops the sweep, finishes the batch in flight, then closes the read models and the event store. */
export interface ProjectorWorker {
  readonly config: ProjectorConfig;
  readonly runtime: ProjectorRuntime;
  /** Records missed deadlines every DEADLINE_SWEEP_INTERVAL_MS (none when 0). */
  readonly deadlineSweeper: DeadlineSweeper;
  /** The start-up durability check of the event store and the read models (safe, or allowed by the override). */
  readonly durability: DurabilityReport;
  close(): Promise<void>;
}

/** Validates the environment (a bad value throws, naming the variable), opens the stores and starts projecting. */
export async function startProjectorWorker(env: NodeJS.ProcessEnv, logger: ProjectorLogger): Promise<ProjectorWorker> {
  const config = loadProjectorConfig(env, 'projector');
  const allowUnsafe = config.allowUnsafeDurability;
  const eventStore = await openEventStore(config.eventStoreUrl);
  try {
    const runtime = await startProjectorRuntime({
      eventStore,
      readModelUrl: config.readModelUrl,
      eventStoreUrl: config.eventStoreUrl,
      batchSize: config.batchSize,
      logger,
    });
    // Checked on the runtime's own read-model connection, the one whose writes the settings govern.
    const durability = await checkDurability({
      eventStore: { store: eventStore, url: config.eventStoreUrl },
      readModels: { db: runtime.readModels.db, url: runtime.readModels.url },
      allowUnsafe,
      logger,
    }).catch(async (error: unknown) => {
      await runtime.close();
      throw error;
    });
    logger.log(
      `Projecting ${redactedUrl(config.eventStoreUrl)} into ${redactedUrl(config.readModelUrl)}: ${runtime.projector
        .status()
        .map((status) => status.name)
        .join(', ')}`,
    );
    // The sweep shares the runtime's read-model connection (one per process) and the worker's event store.
    const deadlineSweeper = startDeadlineSweeper({
      eventStore,
      overdueDeadlines: (today) => overdueDeadlines(runtime.readModels.db, today),
      intervalMs: config.deadlineSweepIntervalMs,
      logger,
    });
    return {
      config,
      runtime,
      deadlineSweeper,
      durability,
      close: async () => {
        await deadlineSweeper.stop();
        await runtime.close();
        await eventStore.close();
      },
    };
  } catch (error) {
    await eventStore.close();
    throw error;
  }
}
