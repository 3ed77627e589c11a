import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A bad AUTH_* setting; the message names the variable. The process stops on it. */
export class InvalidAuthSettings extends Error {
  override readonly name = 'InvalidAuthSettings';
}

/** Checks every verification mode makes on a token's claims. */
export interface ClaimChecks {
  /** AUTH_JWT_ISSUER: when set, `iss` must equal it. */
  readonly issuer?: string;
  /** AUTH_JWT_AUDIENCE: when set, `aud` (a string or an array) must contain it. */
  readonly audience?: string;
  /** AUTH_CLOCK_SKEW_SECONDS: tolerance on `exp`, `nbf` and `iat` for clocks that disagree a little. */
  readonly clockSkewSeconds: number;
  /** AUTH_MAX_TOKEN_LIFETIME_SECONDS: `exp` − `iat` (or − now, without `iat`) above this is refused. */
  readonly maxLifetimeSeconds: number;
}

/**
 * The AUTH_* variables as the configuration schema (libs/config) has validated them: strings trimmed and non-empty,
 * numbers in range, defaults applied. NODE_ENV=production makes the development secret a refusal.
 */
export interface AuthVariables {
  readonly NODE_ENV?: string;
  readonly AUTH_JWT_SECRET?: string;
  readonly AUTH_JWT_PUBLIC_KEY?: string;
  readonly AUTH_JWT_PUBLIC_KEY_FILE?: string;
  readonly AUTH_JWKS_URL?: string;
  readonly AUTH_JWKS_CACHE_TTL_MS: number;
  readonly AUTH_JWT_ISSUER?: string;
  readonly AUTH_JWT_AUDIENCE?: string;
  readonly AUTH_CLOCK_SKEW_SECONDS: number;
  readonly AUTH_MAX_TOKEN_LIFETIME_SECONDS: number;
}

/**
 * How tokens are verified, chosen by which variable is set (at most one):
 * - none: HS256 with a development secret kept in `<DATA_DIR>/dev-jwt-secret`, generated on first start;
 * - AUTH_JWT_SECRET: HS256 with that secret;
 * - AUTH_JWT_PUBLIC_KEY or AUTH_JWT_PUBLIC_KEY_FILE: RS256 with that PEM public key;
 * - AUTH_JWKS_URL: RS256 with the keys the identity provider publishes there, selected by `kid`.
 */
export type AuthSettings = ClaimChecks &
  (
    | { readonly mode: 'development-secret'; readonly algorithm: 'HS256'; readonly secretFile: string }
    | { readonly mode: 'shared-secret'; readonly algorithm: 'HS256'; readonly secret: string }
    | { readonly mode: 'public-key'; readonly algorithm: 'RS256'; readonly publicKeyPem: string }
    | { readonly mode: 'jwks'; readonly algorithm: 'RS256'; readonly jwksUrl: string; readonly jwksCacheTtlMs: number }
  );

/** File name of the development secret inside DATA_DIR. */
export const DEVELOPMENT_SECRET_FILE = 'dev-jwt-secret';
/** RFC 7518 §3.2: an HS256 key must have at least as many bits as the hash (256). */
export const MIN_SECRET_LENGTH = 32;
/** The smallest RSA modulus accepted (NIST SP 800-131A). */
export const MIN_RSA_BITS = 2048;

const MODE_VARIABLES = ['AUTH_JWT_SECRET', 'AUTH_JWT_PUBLIC_KEY', 'AUTH_JWT_PUBLIC_KEY_FILE', 'AUTH_JWKS_URL'] as const;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Chooses how tokens are verified from the validated AUTH_* variables; pure apart from reading
 * AUTH_JWT_PUBLIC_KEY_FILE. The development secret file is not touched here: it is created when the API starts
 * (openTokenVerifier) or when the CLI mints a token. With NODE_ENV=production and no key variable it refuses: a
 * production server never runs on a secret generated beside its data.
 */
export function loadAuthSettings(env: AuthVariables, dataDir: string): AuthSettings {
  const checks = claimChecks(env);
  const chosen = MODE_VARIABLES.filter((name) => env[name] !== undefined);
  if (chosen.length > 1)
    throw new InvalidAuthSettings(`${chosen.join(' and ')} are both set; choose one way to verify tokens`);
  const secret = env.AUTH_JWT_SECRET;
  if (secret !== undefined) {
    if (Buffer.byteLength(secret) < MIN_SECRET_LENGTH) {
      throw new InvalidAuthSettings(
        `AUTH_JWT_SECRET must be at least ${MIN_SECRET_LENGTH} bytes (256 bits) for HS256, got ${Buffer.byteLength(secret)}`,
      );
    }
    return { mode: 'shared-secret', algorithm: 'HS256', secret, ...checks };
  }
  const pem = publicKeyPem(env);
  if (pem !== undefined) return { mode: 'public-key', algorithm: 'RS256', publicKeyPem: pem, ...checks };
  const jwksUrl = env.AUTH_JWKS_URL;
  if (jwksUrl !== undefined) {
    return {
      mode: 'jwks',
      algorithm: 'RS256',
      jwksUrl: checkedJwksUrl(jwksUrl),
      jwksCacheTtlMs: env.AUTH_JWKS_CACHE_TTL_MS,
      ...checks,
    };
  }
  if (env.NODE_ENV === 'production') {
    throw new InvalidAuthSettings(
      `NODE_ENV=production needs a configured token key: set one of ${MODE_VARIABLES.join(', ')} (the development secret is refused in production)`,
    );
  }
  return {
    mode: 'development-secret',
    algorithm: 'HS256',
    secretFile: join(dataDir, DEVELOPMENT_SECRET_FILE),
    ...checks,
  };
}

/** An RSA public key of at least MIN_RSA_BITS bits; `name` is the variable or JWKS entry it came from. */
export function rsaPublicKey(pem: string | object, name: string, format: 'pem' | 'jwk' = 'pem'): KeyObject {
  let key: KeyObject;
  try {
    key = format === 'jwk' ? createPublicKey({ key: pem as never, format: 'jwk' }) : createPublicKey(pem as string);
  } catch (error) {
    throw new InvalidAuthSettings(`${name} is not a public key: ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'rsa')
    throw new InvalidAuthSettings(`${name} must be an RSA key for RS256, got ${key.asymmetricKeyType}`);
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS)
    throw new InvalidAuthSettings(`${name} must be an RSA key of at least ${MIN_RSA_BITS} bits, got ${bits}`);
  return key;
}

function claimChecks(env: AuthVariables): ClaimChecks {
  const issuer = env.AUTH_JWT_ISSUER;
  const audience = env.AUTH_JWT_AUDIENCE;
  return {
    ...(issuer !== undefined ? { issuer } : {}),
    ...(audience !== undefined ? { audience } : {}),
    clockSkewSeconds: env.AUTH_CLOCK_SKEW_SECONDS,
    maxLifetimeSeconds: env.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
  };
}

function publicKeyPem(env: AuthVariables): string | undefined {
  const inline = env.AUTH_JWT_PUBLIC_KEY;
  const file = env.AUTH_JWT_PUBLIC_KEY_FILE;
  if (inline === undefined && file === undefined) return undefined;
  const name = inline !== undefined ? 'AUTH_JWT_PUBLIC_KEY' : 'AUTH_JWT_PUBLIC_KEY_FILE';
  let pem: string;
  if (inline !== undefined) {
    // Environment variables often cannot hold newlines; a PEM written with literal \n is accepted.
    pem = inline.replace(/\\n/g, '\n');
  } else {
    try {
      pem = readFileSync(file as string, 'utf8');
    } catch (error) {
      throw new InvalidAuthSettings(`AUTH_JWT_PUBLIC_KEY_FILE cannot be read: ${(error as Error).message}`);
    }
  }
  rsaPublicKey(pem, name);
  return pem;
}

/** https, or plain http only to this machine (a local identity provider, the tests): keys must not travel in clear. */
function checkedJwksUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidAuthSettings(`AUTH_JWKS_URL must be a URL, got "${raw}"`);
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)))
    return url.toString();
  throw new InvalidAuthSettings(
    `AUTH_JWKS_URL must be https:// (plain http only to 127.0.0.1 or localhost), got "${raw}"`,
  );
}
