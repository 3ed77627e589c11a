import { readEngineEnvironment } from '@thads/config';
import {
  InvalidAuthSettings,
  isRole,
  loadAuthSettings,
  mintDevelopmentToken,
  OFFICE_BOUND_ROLES,
  ROLES,
  whyNoDevelopmentTokens,
  type Role,
} from '@thads/auth';
import { UsageError } from '../cli-arguments';
import { toJson, type CliIo } from '../cli-context';

const DEFAULT_TTL = '8h';
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400 };
const OFFICE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export interface TokenOptions {
  readonly role?: string;
  readonly office?: string;
  readonly sub?: string;
  readonly ttl?: string;
  readonly json: boolean;
}

/**
 * `token --role officer --office HP-NGO-QUYEN [--sub chv-tran-b] [--ttl 8h] [--json]`: prints a bearer token signed
 * with the development secret in DATA_DIR (created if the API has not started yet). Refuses, naming why, when AUTH_*
 * settings choose any other verification: those tokens come from the identity provider. `--role` and `--office` take
 * comma-separated lists.
 */
export function tokenCommand(io: CliIo, options: TokenOptions): number {
  const roles = rolesOf(options.role);
  const offices = officesOf(options.office);
  if (offices.length === 0 && roles.some((role) => OFFICE_BOUND_ROLES.includes(role))) {
    throw new UsageError('--office is needed for officer and head: they act only for the offices in their token');
  }
  const subject = options.sub ?? `dev-${roles[0]}`;
  if (!/^[A-Za-z0-9._:@+|-]{1,200}$/.test(subject))
    throw new UsageError(`--sub must be 1–200 letters, digits or . _ : @ + | -, got "${subject}"`);
  // A bad variable throws InvalidConfiguration naming it; the CLI prints it.
  const env = readEngineEnvironment(io.env, 'cli');
  // The API refuses a token living longer than AUTH_MAX_TOKEN_LIFETIME_SECONDS, so none is minted.
  const ttlSeconds = secondsOf(options.ttl ?? DEFAULT_TTL, env.AUTH_MAX_TOKEN_LIFETIME_SECONDS);

  let settings;
  try {
    settings = loadAuthSettings(env, env.DATA_DIR);
  } catch (error) {
    if (error instanceof InvalidAuthSettings) throw new Error(`Configuration error: ${error.message}`);
    throw error;
  }
  const refusal = whyNoDevelopmentTokens(settings);
  if (refusal !== undefined) throw new Error(`No development token: ${refusal}`);

  const now = Date.now();
  const token = mintDevelopmentToken(settings, { subject, roles, offices, ttlSeconds, now });
  const expiresAt = new Date(now + ttlSeconds * 1000).toISOString();
  if (options.json) {
    io.stdout.write(
      `${toJson({ token, sub: subject, roles, offices, expiresAt, consoleUrl: consoleLink(io.env, token) })}\n`,
    );
    return 0;
  }
  io.stdout.write(`${token}\n`);
  // On stderr, so `TOKEN=$(… token …)` captures the token alone.
  const where = settings.mode === 'development-secret' ? settings.secretFile : '';
  io.stderr.write(
    `Development token for ${subject} (${roles.join(', ')}${offices.length ? ` at ${offices.join(', ')}` : ''}), valid until ${expiresAt}; signed with ${where}\n`,
  );
  // The web console takes the token from the URL fragment, which the browser never sends to the server.
  io.stderr.write(`Console: ${consoleLink(io.env, token)}\n`);
  return 0;
}

/** A sign-in link to the console of the API on this machine (PORT, default 3000). */
export function consoleLink(env: NodeJS.ProcessEnv, token: string): string {
  const port = env.PORT?.trim() || '3000';
  return `http://localhost:${port}/#token=${token}`;
}

function rolesOf(flag: string | undefined): Role[] {
  if (flag === undefined)
    throw new UsageError(`--role is required: one or more of ${ROLES.join(', ')}, comma-separated`);
  const roles = listOf(flag);
  const unknown = roles.filter((role) => !isRole(role));
  if (roles.length === 0 || unknown.length > 0)
    throw new UsageError(`--role must be one or more of ${ROLES.join(', ')}, got "${flag}"`);
  return [...new Set(roles as Role[])];
}

function officesOf(flag: string | undefined): string[] {
  if (flag === undefined) return [];
  const offices = listOf(flag);
  const bad = offices.find((office) => !OFFICE_ID.test(office));
  if (offices.length === 0 || bad !== undefined)
    throw new UsageError(`--office must be office ids separated by commas, got "${flag}"`);
  return [...new Set(offices)];
}

/** `8h`, `30m`, `2d`, `900s` or plain seconds, from a minute to the server's maximum token lifetime. */
function secondsOf(ttl: string, maxSeconds: number): number {
  const match = /^(\d{1,7})([smhd]?)$/.exec(ttl.trim());
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[match[2] || 's'] : Number.NaN;
  if (!(seconds >= 60 && seconds <= maxSeconds))
    throw new UsageError(
      `--ttl must be a duration from 1m to ${maxSeconds}s (AUTH_MAX_TOKEN_LIFETIME_SECONDS) such as 8h, 30m or 2h, got "${ttl}"`,
    );
  return seconds;
}

function listOf(flag: string): string[] {
  return flag
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}
