/**
 * Names the one build directory of this run of the faults project (dist/faults-<jest pid>); the first spec file that
 * needs the bundles builds there (api-process.ts `buildApi`), the others reuse it. Nothing is built here, so a run
 * of the hostile-http cases alone builds nothing.
 */
import { join } from 'node:path';

export default async function faultsGlobalSetup(): Promise<void> {
  process.env.FAULTS_SHARED_BUILD_DIR = join(__dirname, '../../../dist', `faults-${process.pid}`);
}
