/**
 * The projector worker (docs/architecture.md–3): follows the event store and keeps the read models current. Run it
 * standalone (`npm run start:projector`) beside API replicas that do not embed one, or as several workers: the
 * guarded checkpoints make concurrent runners safe.
 *
 * Plain Node rather than a Nest application context: the worker has no controllers or request scope, only three
 * objects to wire (event store, read-model database, projector) and a shutdown to handle; the runtime it starts is
 * the same one the API embeds.
 */
import { Logger } from '@nestjs/common';
import { UnsafeDurability } from '@thads/config';
import { InvalidEventStoreUrl } from '@thads/event-store';
import { InvalidConfiguration } from '@thads/config';
import { InvalidReadModelUrl } from '@thads/read-models';
import { LooseFilePermissions } from '@thads/event-store';
import { startProjectorWorker } from './projector-worker';

async function main(): Promise<void> {
  const logger = new Logger('projector');
  const worker = await startProjectorWorker(process.env, logger);
  let stopping: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    // The batch in flight commits or rolls back as a whole; either way the checkpoint matches the rows.
    logger.log(`${signal}: finishing the batch in flight`);
    stopping ??= worker.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(String(error));
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

const CONFIGURATION_ERRORS = [InvalidConfiguration, InvalidReadModelUrl, InvalidEventStoreUrl];

main().catch((error: unknown) => {
  // A bad setting names its variable; anything else gets its stack.
  const isConfiguration = CONFIGURATION_ERRORS.some((type) => error instanceof type);
  if (error instanceof UnsafeDurability || error instanceof LooseFilePermissions)
    console.error(`Refusing to start: ${error.message}`);
  else console.error(isConfiguration ? `Configuration error: ${(error as Error).message}` : error);
  process.exit(1);
});
