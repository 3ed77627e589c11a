import type { Projection } from '@thads/read-models';
import { runCli } from '../cli';
import type { CliIo } from '../cli-context';

/** What one in-process CLI run returned and wrote. */
export interface CapturedCliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Test-only: runs the CLI in-process with `env` as its whole environment, capturing stdout and stderr. `projections`
 * replaces the read models the CLI knows, as runCli's own parameter does.
 */
export async function runCliCaptured(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  projections?: readonly Projection[],
): Promise<CapturedCliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  };
  const code = await runCli(argv, io, projections);
  return { code, stdout, stderr };
}
