import { createHmac, createSecretKey, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import type { ClaimChecks } from './auth-settings';
import { decodeJwt } from './jwt-encoding';
import type { JwksKeySource } from './jwks-key-source';
import { isRole, type Role } from './roles';
import { InvalidToken } from './token-errors';
import { VerifiedSignatures } from './verified-signatures';

/** What a verified token says about its bearer. */
export interface VerifiedToken {
  /** `sub`: recorded as the actor id on every event the bearer causes. */
  readonly subject: string;
  /** The known roles among `roles`; unknown strings are dropped (an identity provider may serve other systems). */
  readonly roles: readonly Role[];
  /** `offices`: the offices whose cases an officer or head may act on. */
  readonly offices: readonly string[];
  /** `exp`, seconds since the epoch. */
  readonly expiresAt: number;
}

/** Checks a bearer token and returns its claims, or throws InvalidToken (SigningKeysUnavailable for a JWKS outage). */
export interface TokenVerifier {
  verify(token: string): Promise<VerifiedToken>;
}

/** The key tokens must be signed with; its algorithm is the only one accepted. */
export type VerificationKey =
  | { readonly algorithm: 'HS256'; readonly secret: string }
  | { readonly algorithm: 'RS256'; readonly publicKey: KeyObject }
  | { readonly algorithm: 'RS256'; readonly jwks: JwksKeySource };

/** Actor ids end up in every event and the audit trail: printable, no spaces, bounded. `|` admits `auth0|123`. */
const SUBJECT = /^[A-Za-z0-9._:@+|-]{1,200}$/;
/** The same alphabet as office ids in request bodies. */
const OFFICE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/**
 * Verifies compact JWS tokens with node:crypto (RFC 7515, 7518, 7519). The algorithm is fixed by the key, never taken
 * from the token: `alg: none` and an HS256 token signed with an RSA public key as its secret are both refused.
 */
export function createTokenVerifier(
  key: VerificationKey,
  checks: ClaimChecks,
  now: () => number = Date.now,
): TokenVerifier {
  const signed = new VerifiedSignatures();
  const keyFor = keySourceOf(key);
  return {
    async verify(token) {
      const known = signed.get(token);
      // A remembered signature counts only while the key it held against is still the key in force (JWKS rotation).
      const payload =
        known !== undefined && (await keyFor(known.kid)) === known.key ? known.payload : await checkSignature(token);
      return claimsOf(payload, checks, Math.floor(now() / 1000));
    },
  };

  async function checkSignature(token: string): Promise<Readonly<Record<string, unknown>>> {
    const jwt = decodeJwt(token);
    const alg = jwt.header.alg;
    if (alg !== key.algorithm)
      throw new InvalidToken(`alg "${String(alg)}" is not accepted; this server accepts ${key.algorithm} only`);
    // RFC 7515 §4.1.11: a token that needs extensions we do not understand must be refused.
    if (jwt.header.crit !== undefined)
      throw new InvalidToken('the token header has "crit" extensions this server does not understand');
    const kid = key.algorithm === 'RS256' ? keyIdOf(jwt.header) : undefined;
    const verifyingKey = await keyFor(kid);
    if (!signatureHolds(key.algorithm, verifyingKey, jwt.signingInput, jwt.signature))
      throw new InvalidToken('the signature does not verify');
    signed.remember(token, { payload: jwt.payload, kid, key: verifyingKey });
    return jwt.payload;
  }
}

/** Where the key a token is checked against comes from: fixed for the process, or the JWKS by the token's kid. */
function keySourceOf(key: VerificationKey): (kid: string | undefined) => Promise<KeyObject> {
  if ('jwks' in key) return (kid) => key.jwks.keyFor(kid);
  // Made a KeyObject once: building the HMAC key from the string on every request was most of the check's cost.
  const fixed = key.algorithm === 'HS256' ? createSecretKey(Buffer.from(key.secret)) : key.publicKey;
  return () => Promise.resolve(fixed);
}

function keyIdOf(header: Readonly<Record<string, unknown>>): string | undefined {
  const kid = header.kid;
  if (kid !== undefined && typeof kid !== 'string') throw new InvalidToken('the token header "kid" is not a string');
  return kid;
}

function signatureHolds(
  algorithm: VerificationKey['algorithm'],
  key: KeyObject,
  signingInput: string,
  signature: Buffer,
): boolean {
  if (algorithm === 'HS256') {
    const expected = createHmac('sha256', key).update(signingInput).digest();
    return signature.length === expected.length && timingSafeEqual(signature, expected);
  }
  return verify('sha256', Buffer.from(signingInput), key, signature);
}

function claimsOf(payload: Readonly<Record<string, unknown>>, checks: ClaimChecks, nowSeconds: number): VerifiedToken {
  const skew = checks.clockSkewSeconds;
  const exp = numericDate(payload, 'exp');
  if (exp === undefined) throw new InvalidToken('the token has no "exp"; tokens without an expiry are not accepted');
  if (nowSeconds >= exp + skew) throw new InvalidToken('the token has expired');
  const nbf = numericDate(payload, 'nbf');
  if (nbf !== undefined && nowSeconds + skew < nbf) throw new InvalidToken('the token is not valid yet (nbf)');
  const iat = numericDate(payload, 'iat');
  if (iat !== undefined && nowSeconds + skew < iat) throw new InvalidToken('the token was issued in the future (iat)');
  // A stolen long-lived token stays useful for its whole life: bound it, counted from issue (or from now without iat).
  if (exp - (iat ?? nowSeconds) > checks.maxLifetimeSeconds + skew)
    throw new InvalidToken(`the token lives longer than the ${checks.maxLifetimeSeconds} s this server accepts`);
  if (checks.issuer !== undefined && payload.iss !== checks.issuer)
    throw new InvalidToken(`the token issuer is not "${checks.issuer}"`);
  if (checks.audience !== undefined && !audienceIncludes(payload.aud, checks.audience))
    throw new InvalidToken(`the token audience does not include "${checks.audience}"`);
  const subject = payload.sub;
  if (typeof subject !== 'string' || !SUBJECT.test(subject))
    throw new InvalidToken('"sub" must be 1–200 characters of letters, digits and . _ : @ + | -');
  return { subject, roles: rolesOf(payload.roles), offices: officesOf(payload.offices), expiresAt: exp };
}

function numericDate(payload: Readonly<Record<string, unknown>>, name: string): number | undefined {
  const value = payload[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new InvalidToken(`"${name}" must be a number of seconds since 1970`);
  return value;
}

function audienceIncludes(aud: unknown, audience: string): boolean {
  return aud === audience || (Array.isArray(aud) && aud.includes(audience));
}

function rolesOf(claim: unknown): Role[] {
  if (claim === undefined) return [];
  if (!Array.isArray(claim) || !claim.every((role) => typeof role === 'string'))
    throw new InvalidToken('"roles" must be an array of strings');
  return [...new Set(claim.filter(isRole))];
}

function officesOf(claim: unknown): string[] {
  if (claim === undefined) return [];
  if (!Array.isArray(claim) || !claim.every((office) => typeof office === 'string' && OFFICE_ID.test(office))) {
    throw new InvalidToken('"offices" must be an array of office ids');
  }
  return [...new Set(claim as string[])];
}
