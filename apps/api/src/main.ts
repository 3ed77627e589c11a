import 'reflect-metadata';
import { UnsafeDurability } from '@thads/config';
import { LooseFilePermissions, StoreFileUnusable } from '@thads/event-store';
import { createLogger, redactedUrl, startTracing } from '@thads/observability';
import { isStorageFull, ReadModelsOfAnotherLog, ReadModelStorageFull } from '@thads/read-models';
import { InvalidConfiguration, loadApiConfig } from './config/api-config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadApiConfig();
  const logger = createLogger({ app: 'api', ...config.log, destination: 1 });
  // Off unless the OTEL_* variables ask for traces (docs/operations.md).
  const tracing = startTracing(process.env, 'thads-api');
  if (tracing !== undefined) logger.info('Traces on: exporting spans as the OTEL_* variables say');
  const app = await createApp(config, { logger, onClose: async () => tracing?.shutdown() });
  await app.listen(config.port, config.host);
  logger.info(
    `API on http://localhost:${config.port}/api/v1, docs on /docs, events in ${redactedUrl(config.eventStoreUrl)}`,
  );
}

/** Refusals whose message names the file or setting and the fix: printed alone, without a stack. */
const REFUSALS = [
  UnsafeDurability,
  LooseFilePermissions,
  StoreFileUnusable,
  ReadModelsOfAnotherLog,
  ReadModelStorageFull,
];

main().catch((error: unknown) => {
  // Before the logger exists (or when it cannot be made) the reason goes to stderr as text: a bad setting names its
  // variable, an unsafe durability setting names the setting and its variable, a damaged,
  // foreign or full store names its file; anything else gets its stack.
  if (REFUSALS.some((type) => error instanceof type)) console.error(`Refusing to start: ${(error as Error).message}`);
  else if (isStorageFull(error))
    console.error(`Refusing to start: no space left on the disk holding the stores: ${(error as Error).message}`);
  else console.error(error instanceof InvalidConfiguration ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
