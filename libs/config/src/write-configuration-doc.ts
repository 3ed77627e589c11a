/**
 * `npm run docs:config`: rewrites the generated table of docs/configuration.md and docker/.env.example from the
 * schema. configuration-doc.spec.ts fails when either is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configurationDocWithTable, CONFIGURATION_DOC, ENV_EXAMPLE } from './configuration-files';
import { renderEnvExample } from './configuration-doc';

async function main(): Promise<void> {
  const root = join(__dirname, '../../..');
  const docPath = join(root, CONFIGURATION_DOC);
  writeFileSync(docPath, await configurationDocWithTable(readFileSync(docPath, 'utf8')));
  writeFileSync(join(root, ENV_EXAMPLE), renderEnvExample());
  console.log(`Wrote ${CONFIGURATION_DOC} and ${ENV_EXAMPLE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
