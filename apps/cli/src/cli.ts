/**
 * The operator CLI (docs/architecture.md): one binary, `npm run cli -- <command>`. Exit codes: 0 done, 1 the operation
 * failed (the message says why), 2 the command line was wrong (the message names the argument).
 */
import { findProjection, readModelProjections, type Projection } from '@thads/read-models';
import { parseCliArguments, UsageError } from './cli-arguments';
import type { CliIo } from './cli-context';
import { backupCommand, restoreCommand } from './commands/backup.command';
import { deadlinesSweepCommand } from './commands/deadlines-sweep.command';
import { demoCommand } from './commands/demo.command';
import { followCommand } from './commands/follow.command';
import { migrateCommand } from './commands/migrate.command';
import { projectionsRebuildCommand } from './commands/projections-rebuild.command';
import { projectionsSkipCommand } from './commands/projections-skip.command';
import { projectionsStatusCommand } from './commands/projections-status.command';
import { replayCommand } from './commands/replay.command';
import { tokenCommand } from './commands/token.command';
import { verifyCommand } from './commands/verify.command';

export const USAGE = `Usage: npm run cli -- <command>

  migrate [--json]                                  create or upgrade the event store and read-model schemas
  projections status [--json]                       status, position, lag and dead letters of every projection
  projections rebuild <name> [--force] [--batch-size N] [--json]
                                                    rebuild into a new generation and swap when caught up
  projections skip <name> <position> --reason "…" [--actor <id>] [--json]
                                                    pass over a dead-lettered event (recorded; actor defaults to $USER)
  deadlines sweep [--today YYYY-MM-DD] [--json]    record every deadline missed before today (Asia/Ho_Chi_Minh),
                                                    once each; brings the deadlines read model up to date first
  demo [--scenario <file>] [--data-dir <dir>] [--force] [--json]
                                                    seed a scenario (default scenarios/hai-phong-2018.json) through the
                                                    command path into a fresh directory and print its completion report
  token --role <role>[,<role>] [--office <id>[,<id>]] [--sub <id>] [--ttl 8h] [--json]
                                                    print a bearer token signed with the development secret in
                                                    DATA_DIR; refused when AUTH_* settings choose another verification

  replay <caseId> [--as-of YYYY-MM-DD] [--as-known-at <ISO timestamp>] [--json]
                                                    a case's history one line per step (actor, command, legal basis,
                                                    reason) and its state as of a date, as known at a time
  backup <dir> [--json]                             online, consistent copy of the SQLite stores (and the development
                                                    secret) into an empty directory, while the engine serves
  restore <dir> [--json]                            copy a backup into the stores the environment names; DATA_DIR
                                                    must be empty; then run verify --all

  verify <caseId> | --all [--json]                  check every hash link of a case, or of every stream (progress bar);
                                                    exit 1 naming the first broken link

  follow [--since <id>] [--state-file <path>] [--projection <name>] [--base-url <url>] [--token <jwt>] [--json]
                                                    follow the API's read-model change feed: one JSON line per change
                                                    on stdout until Ctrl-C; reconnects and resumes by itself; with
                                                    --state-file a restart resumes after the last line printed

Environment: DATA_DIR (./data), EVENT_STORE_URL (sqlite:<DATA_DIR>/events.db), READ_MODEL_URL (sqlite:<DATA_DIR>/read.db);
follow: THADS_API_URL (http://localhost:3000, the API's root) and THADS_API_TOKEN when --base-url and --token are not given
`;

/** Runs one CLI command and returns its exit code. Never throws. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  projections: readonly Projection[] = readModelProjections,
): Promise<number> {
  try {
    return await dispatch(argv, io, projections);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`Error: ${error.message}\nRun \`npm run cli -- help\` for usage.\n`);
      return 2;
    }
    io.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function dispatch(argv: readonly string[], io: CliIo, projections: readonly Projection[]): Promise<number> {
  const { positionals, flags } = parseCliArguments(argv);
  const [command, subcommand, ...rest] = positionals;
  if (command === undefined || command === 'help') {
    io.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'migrate') {
    expectArguments('migrate', positionals.slice(1), []);
    return migrateCommand(io, flags.json);
  }
  if (command === 'demo') {
    expectArguments('demo', positionals.slice(1), []);
    return demoCommand(io, flags);
  }
  if (command === 'token') {
    expectArguments('token', positionals.slice(1), []);
    return tokenCommand(io, flags);
  }
  if (command === 'backup' || command === 'restore') {
    expectArguments(command, positionals.slice(1), ['<dir>']);
    return command === 'backup'
      ? backupCommand(io, positionals[1], flags.json)
      : restoreCommand(io, positionals[1], flags.json);
  }
  if (command === 'follow') {
    expectArguments('follow', positionals.slice(1), []);
    return followCommand(io, flags);
  }
  if (command === 'replay') {
    expectArguments('replay', positionals.slice(1), ['<caseId>']);
    return replayCommand(io, positionals[1], flags);
  }
  if (command === 'verify') {
    if (flags.all === positionals.length > 1) throw new UsageError('verify needs either <caseId> or --all');
    expectArguments('verify', positionals.slice(1), flags.all ? [] : ['<caseId>']);
    return verifyCommand(io, { caseId: positionals[1], all: flags.all }, flags.json);
  }
  if (command === 'deadlines') {
    if (subcommand !== 'sweep')
      throw new UsageError(
        subcommand === undefined
          ? 'deadlines needs a subcommand: sweep'
          : `Unknown subcommand "deadlines ${subcommand}"`,
      );
    expectArguments('deadlines sweep', rest, []);
    return deadlinesSweepCommand(io, flags);
  }
  if (command !== 'projections') throw new UsageError(`Unknown command "${command}"`);
  switch (subcommand) {
    case 'status':
      expectArguments('projections status', rest, []);
      return projectionsStatusCommand(io, projections, flags.json);
    case 'rebuild':
      expectArguments('projections rebuild', rest, ['<name>']);
      return projectionsRebuildCommand(io, projectionNamed(rest[0], projections), flags);
    case 'skip':
      expectArguments('projections skip', rest, ['<name>', '<position>']);
      return projectionsSkipCommand(io, projectionNamed(rest[0], projections), rest[1], flags);
    case undefined:
      throw new UsageError('projections needs a subcommand: status, rebuild or skip');
    default:
      throw new UsageError(`Unknown subcommand "projections ${subcommand}"`);
  }
}

function expectArguments(command: string, given: readonly string[], names: readonly string[]): void {
  if (given.length < names.length) throw new UsageError(`${command}: missing ${names.slice(given.length).join(' ')}`);
  if (given.length > names.length) throw new UsageError(`${command}: unexpected argument "${given[names.length]}"`);
}

function projectionNamed(name: string, projections: readonly Projection[]): Projection {
  const projection = findProjection(name, projections);
  if (!projection)
    throw new UsageError(
      `<name>: unknown projection "${name}"; known: ${projections.map((known) => known.name).join(', ')}`,
    );
  return projection;
}
