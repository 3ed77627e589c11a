import { toJson, withStores, type CliIo } from '../cli-context';

/** `migrate`: creates or upgrades the event store schema and runs the read-model migrations. */
export async function migrateCommand(io: CliIo, json: boolean): Promise<number> {
  return withStores(io, async ({ config, migrationsApplied }) => {
    // Opening the event store already brought its schema up to date; the read-model migrations ran in withStores.
    if (json)
      io.stdout.write(
        `${toJson({ eventStore: config.eventStoreUrl, readModels: config.readModelUrl, migrationsApplied })}\n`,
      );
    else {
      io.stdout.write(`Event store ${config.eventStoreUrl}: schema up to date\n`);
      const applied = migrationsApplied.length === 0 ? 'already up to date' : `applied ${migrationsApplied.join(', ')}`;
      io.stdout.write(`Read models ${config.readModelUrl}: ${applied}\n`);
    }
    return 0;
  });
}
