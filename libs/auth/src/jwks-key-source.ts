import type { KeyObject } from 'node:crypto';
import { InvalidAuthSettings, rsaPublicKey } from './auth-settings';
import { InvalidToken, SigningKeysUnavailable } from './token-errors';

/** Reads a JWKS document; injected so tests can count fetches. Default: global fetch with a timeout. */
export type FetchJson = (url: string) => Promise<unknown>;

/** Picks the RS256 key a token names by `kid`. */
export interface JwksKeySource {
  keyFor(kid: string | undefined): Promise<KeyObject>;
}

export interface JwksKeySourceOptions {
  readonly url: string;
  /** How long fetched keys are trusted before the document is read again. */
  readonly cacheTtlMs: number;
  /**
   * Shortest pause between two reads caused by an unknown `kid`: a key rotation is picked up at once, but a stream
   * of tokens with made-up kids cannot make this server hammer the identity provider.
   */
  readonly minRefetchIntervalMs?: number;
  readonly fetchJson?: FetchJson;
  readonly now?: () => number;
}

interface Fetched {
  readonly keys: ReadonlyMap<string, KeyObject>;
  readonly unnamed: readonly KeyObject[];
  readonly at: number;
}

/** A JWKS cache with a TTL, refreshed early when a token names a kid it does not hold yet. */
export function createJwksKeySource(options: JwksKeySourceOptions): JwksKeySource {
  const fetchJson = options.fetchJson ?? fetchJsonWithTimeout;
  const now = options.now ?? Date.now;
  const minRefetch = options.minRefetchIntervalMs ?? 10_000;
  let cached: Fetched | undefined;
  let lastAttempt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | undefined;

  const refresh = async (): Promise<void> => {
    lastAttempt = now();
    cached = parseJwks(await fetchJson(options.url), now());
  };

  return {
    async keyFor(kid) {
      const fresh = cached !== undefined && now() - cached.at < options.cacheTtlMs;
      const known = cached && pick(cached, kid);
      if (fresh && known) return known;
      // Concurrent requests share one read of the document.
      if (inFlight === undefined && now() - lastAttempt >= minRefetch)
        inFlight = refresh().finally(() => (inFlight = undefined));
      if (inFlight !== undefined) {
        try {
          await inFlight;
        } catch (error) {
          // A stale key still proves a signature: better than refusing every user while the provider is down.
          if (known) return known;
          throw new SigningKeysUnavailable(
            `The signing keys at AUTH_JWKS_URL could not be read: ${(error as Error).message}`,
          );
        }
      }
      if (cached === undefined)
        throw new SigningKeysUnavailable('The signing keys at AUTH_JWKS_URL could not be read yet; retry shortly');
      const key = pick(cached, kid);
      if (key) return key;
      throw new InvalidToken(
        kid === undefined
          ? 'the token has no kid and the JWKS does not hold exactly one RS256 key'
          : `no RS256 key with kid "${kid}" in the JWKS`,
      );
    },
  };
}

function pick(fetched: Fetched, kid: string | undefined): KeyObject | undefined {
  if (kid !== undefined) return fetched.keys.get(kid);
  const all = [...fetched.keys.values(), ...fetched.unnamed];
  return all.length === 1 ? all[0] : undefined;
}

/** Keeps the RSA signing keys usable with RS256 (RFC 7517 §4); other keys in the set are not ours to judge. */
function parseJwks(document: unknown, at: number): Fetched {
  const entries = (document as { keys?: unknown })?.keys;
  if (!Array.isArray(entries)) throw new Error('the JWKS document has no "keys" array');
  const keys = new Map<string, KeyObject>();
  const unnamed: KeyObject[] = [];
  for (const entry of entries as Record<string, unknown>[]) {
    if (typeof entry !== 'object' || entry === null || entry.kty !== 'RSA') continue;
    if ((entry.use !== undefined && entry.use !== 'sig') || (entry.alg !== undefined && entry.alg !== 'RS256'))
      continue;
    let key: KeyObject;
    try {
      key = rsaPublicKey(entry, `JWKS key ${String(entry.kid ?? '(no kid)')}`, 'jwk');
    } catch (error) {
      if (error instanceof InvalidAuthSettings) continue;
      throw error;
    }
    if (typeof entry.kid === 'string') keys.set(entry.kid, key);
    else unnamed.push(key);
  }
  return { keys, unnamed, at };
}

async function fetchJsonWithTimeout(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000), headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}
