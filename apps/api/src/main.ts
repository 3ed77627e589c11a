import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { UnsafeDurability } from '@thads/config';
import { LooseFilePermissions } from '@thads/event-store';
import { InvalidConfiguration, loadApiConfig } from './config/api-config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadApiConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  new Logger('thads-engine').log(
    `API on http://localhost:${config.port}/api/v1, docs on /docs, events in ${config.eventStoreUrl}`,
  );
}

main().catch((error: unknown) => {
  // A bad setting names its variable, an unsafe durability setting names the setting and its variable; anything
  // else gets its stack.
  if (error instanceof UnsafeDurability || error instanceof LooseFilePermissions)
    console.error(`Refusing to start: ${error.message}`);
  else console.error(error instanceof InvalidConfiguration ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
