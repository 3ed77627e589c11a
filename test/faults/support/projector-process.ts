/** The stand-alone projector (apps/projector) from the fault suite's build, in its own process. */
import { spawnBundle, type ApiBuild, type BundleProcess } from './api-process';

/** Spawns the projector worker; does not wait for it. */
export function spawnProjector(build: ApiBuild, env: NodeJS.ProcessEnv): BundleProcess {
  return spawnBundle(build.projectorEntry, env);
}
