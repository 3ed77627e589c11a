import 'reflect-metadata';
import { UnsafeDurability } from '@thads/config';
import { LooseFilePermissions } from '@thads/event-store';
import { createLogger, redactedUrl, startTracing } from '@thads/observability';
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

main().catch((error: unknown) => {
  // Before the logger exists (or when it cannot be made) the reason goes to stderr as text: a bad setting names its
  // variable, an unsafe durability setting names the setting and its variable; anything else gets its stack.
  if (error instanceof UnsafeDurability || error instanceof LooseFilePermissions)
    console.error(`Refusing to start: ${error.message}`);
  else console.error(error instanceof InvalidConfiguration ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
