/**
 * The CLI's argument parsing: positionals plus a fixed set of flags. Hand-written because the grammar is tiny and a
 * parser package would be one more dependency; every mistake names the argument at fault.
 */

/** A mistake in how the CLI was called; exit code 2 and the usage text. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Flags every command may take; each command checks the ones it needs. */
export interface CliFlags {
  readonly json: boolean;
  readonly force: boolean;
  readonly reason?: string;
  readonly actor?: string;
  readonly batchSize?: number;
  /** `--today YYYY-MM-DD`: the day the deadline sweep takes as today (checked by the command). */
  readonly today?: string;
  /** `--role officer[,head]`: the roles of a development token. */
  readonly role?: string;
  /** `--office <id>[,<id>]`: the offices of a development token. */
  readonly office?: string;
  /** `--sub <id>`: the subject (actor id) of a development token. */
  readonly sub?: string;
  /** `--ttl 8h`: how long a development token lives. */
  readonly ttl?: string;
  /** `--scenario <file>`: the demo's scenario file. */
  readonly scenario?: string;
  /** `--data-dir <dir>`: where the demo writes instead of a fresh temporary directory. */
  readonly dataDir?: string;
  /** `--as-of YYYY-MM-DD`: replay only events effective by this legal date. */
  readonly asOf?: string;
  /** `--as-known-at <ISO timestamp>`: replay only events recorded by then. */
  readonly asKnownAt?: string;
  /** `--all`: verify every stream, not one case. */
  readonly all: boolean;
  /** `--since <change id>`: where `follow` starts when its state file holds nothing yet. */
  readonly since?: string;
  /** `--base-url <url>`: the root of the API `follow` reads (`http://localhost:3000`). */
  readonly baseUrl?: string;
  /** `--token <jwt>`: the bearer token `follow` sends. */
  readonly token?: string;
  /** `--state-file <path>`: where `follow` keeps its Last-Event-ID. */
  readonly stateFile?: string;
  /** `--projection <name>`: only this read model's changes. */
  readonly projection?: string;
}

/** Parsed command line. */
export interface CliArguments {
  readonly positionals: readonly string[];
  readonly flags: CliFlags;
}

const BOOLEAN_FLAGS = new Set(['--json', '--force', '--all']);
const VALUE_FLAGS = new Set([
  '--reason',
  '--actor',
  '--batch-size',
  '--today',
  '--role',
  '--office',
  '--sub',
  '--ttl',
  '--scenario',
  '--data-dir',
  '--as-of',
  '--as-known-at',
  '--since',
  '--base-url',
  '--token',
  '--state-file',
  '--projection',
]);

/** Parses `--flag value`, `--flag=value` and positionals; throws UsageError naming an unknown or valueless flag. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  const positionals: string[] = [];
  const values = new Map<string, string>();
  const booleans = new Set<string>();
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (!argument.startsWith('--')) {
      positionals.push(argument);
      continue;
    }
    const [name, inline] = splitOnce(argument);
    if (BOOLEAN_FLAGS.has(name)) {
      if (inline !== undefined) throw new UsageError(`${name} takes no value`);
      booleans.add(name);
    } else if (VALUE_FLAGS.has(name)) {
      const value = inline ?? argv[index + 1];
      if (value === undefined || (inline === undefined && value.startsWith('--')))
        throw new UsageError(`${name} needs a value, e.g. ${name} "…"`);
      if (inline === undefined) index += 1;
      values.set(name, value);
    } else {
      throw new UsageError(`Unknown option ${name}`);
    }
  }
  return {
    positionals,
    flags: {
      json: booleans.has('--json'),
      force: booleans.has('--force'),
      reason: values.get('--reason'),
      actor: values.get('--actor'),
      batchSize: values.has('--batch-size')
        ? wholeNumber('--batch-size', values.get('--batch-size') ?? '', 1, 10_000)
        : undefined,
      today: values.get('--today'),
      role: values.get('--role'),
      office: values.get('--office'),
      sub: values.get('--sub'),
      ttl: values.get('--ttl'),
      scenario: values.get('--scenario'),
      dataDir: values.get('--data-dir'),
      asOf: values.get('--as-of'),
      asKnownAt: values.get('--as-known-at'),
      all: booleans.has('--all'),
      since: values.get('--since'),
      baseUrl: values.get('--base-url'),
      token: values.get('--token'),
      stateFile: values.get('--state-file'),
      projection: values.get('--projection'),
    },
  };
}

/** A whole number within bounds, or a UsageError naming the argument. */
export function wholeNumber(argumentName: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`${argumentName} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return Number(text);
}

function splitOnce(argument: string): [string, string | undefined] {
  const equals = argument.indexOf('=');
  return equals === -1 ? [argument, undefined] : [argument.slice(0, equals), argument.slice(equals + 1)];
}
