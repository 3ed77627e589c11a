/**
 * The projector worker (docs/architecture.md): follows the event store and keeps the read models current. Run it
 * standalone (`npm run start:projector`) beside API replicas that do not embed one, or as several workers: the
 * guarded checkpoints make concurrent runners safe.
 *
 * Plain Node rather than a Nest application context: the worker has no controllers or request scope, only three
 * objects to wire (event store, read-model database, projector) and a shutdown to handle; the runtime it starts is
 * the same one the API embeds.
 */
import { InvalidConfiguration, logSettingsOf, UnsafeDurability } from '@thads/config';
import { InvalidEventStoreUrl, LooseFilePermissions, StoreFileUnusable } from '@thads/event-store';
import { createLogger, startTracing } from '@thads/observability';
import {
  InvalidReadModelUrl,
  isStorageFull,
  ReadModelsOfAnotherLog,
  ReadModelStorageFull,
  type ProjectorLogger,
} from '@thads/read-models';
import { startProjectorWorker } from './projector-worker';

async function main(): Promise<void> {
  // LOG_* first, so the worker's own lines are JSON (or pretty); a bad setting elsewhere still stops it below.
  const logger = createLogger({ app: 'projector', ...logSettingsOf(process.env, 'projector'), destination: 1 });
  const lines: ProjectorLogger = {
    log: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
    error: (message, detail) => logger.error(detail !== undefined ? { detail } : {}, message),
  };
  // Off unless the OTEL_* variables ask for traces (docs/operations.md).
  const tracing = startTracing(process.env, 'thads-projector');
  const worker = await startProjectorWorker(process.env, lines);
  let stopping: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    // The batch in flight commits or rolls back as a whole; either way the checkpoint matches the rows.
    logger.info(`${signal}: finishing the batch in flight`);
    stopping ??= worker
      .close()
      .then(() => tracing?.shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'Shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

const CONFIGURATION_ERRORS = [InvalidConfiguration, InvalidReadModelUrl, InvalidEventStoreUrl];

/** Refusals whose message names the file or setting and the fix: printed alone, without a stack. */
const REFUSALS = [
  UnsafeDurability,
  LooseFilePermissions,
  StoreFileUnusable,
  ReadModelsOfAnotherLog,
  ReadModelStorageFull,
];

main().catch((error: unknown) => {
  // A bad setting names its variable; anything else gets its stack.
  const isConfiguration = CONFIGURATION_ERRORS.some((type) => error instanceof type);
  if (REFUSALS.some((type) => error instanceof type)) console.error(`Refusing to start: ${(error as Error).message}`);
  else if (isStorageFull(error))
    console.error(`Refusing to start: no space left on the disk holding the stores: ${(error as Error).message}`);
  else console.error(isConfiguration ? `Configuration error: ${(error as Error).message}` : error);
  process.exit(1);
});
