/** Removes the run's build (faults-global-setup.ts) with its lock and failure markers. */
import { rmSync } from 'node:fs';

export default async function faultsGlobalTeardown(): Promise<void> {
  const dir = process.env.FAULTS_SHARED_BUILD_DIR;
  if (!dir) return;
  for (const path of [dir, `${dir}.lock`, `${dir}.failed`]) rmSync(path, { recursive: true, force: true });
}
