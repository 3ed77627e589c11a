import { logSettingsOf } from '@thads/config';
import { createLogger } from '@thads/observability';
import { runCli } from './cli';

// Plain node, no Nest context: each command opens exactly the stores it needs and exits. Its answer goes to stdout
// (pure JSON with --json); progress and log lines (LOG_FORMAT, LOG_LEVEL) go to stderr.
const log = createLogger({ app: 'cli', ...logSettingsOf(process.env, 'cli'), destination: 2 });
runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, log }).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
