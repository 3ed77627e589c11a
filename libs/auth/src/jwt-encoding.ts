import { createHmac, sign, type KeyObject } from 'node:crypto';
import { InvalidToken } from './token-errors';

/** Longest token accepted: far above any real one, low enough that parsing a hostile header costs nothing. */
export const MAX_TOKEN_LENGTH = 8192;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The three parts of a compact JWS, decoded but not yet trusted. */
export interface DecodedJwt {
  readonly header: Readonly<Record<string, unknown>>;
  readonly payload: Readonly<Record<string, unknown>>;
  /** `<header>.<payload>` exactly as received: what the signature covers. */
  readonly signingInput: string;
  readonly signature: Buffer;
}

/** The key a token is signed with: a shared secret (HS256) or an RSA private key (RS256). */
export type SigningKey =
  | { readonly algorithm: 'HS256'; readonly secret: string }
  | { readonly algorithm: 'RS256'; readonly privateKey: KeyObject; readonly kid?: string };

/** Splits and decodes a compact JWS. Throws InvalidToken for anything that is not three base64url parts of JSON objects. */
export function decodeJwt(token: string): DecodedJwt {
  if (token.length > MAX_TOKEN_LENGTH)
    throw new InvalidToken(`the token is longer than ${MAX_TOKEN_LENGTH} characters`);
  const parts = token.split('.');
  // Buffer's base64url decoder skips characters outside the alphabet, so the alphabet is checked first.
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part)) || parts[0] === '' || parts[1] === '') {
    throw new InvalidToken('the token is not a JWT (three base64url parts separated by dots)');
  }
  return {
    header: jsonObject(parts[0], 'header'),
    payload: jsonObject(parts[1], 'payload'),
    signingInput: `${parts[0]}.${parts[1]}`,
    signature: Buffer.from(parts[2], 'base64url'),
  };
}

/** Signs `payload` as a compact JWS: the CLI's development tokens and the tests' tokens. */
export function signJwt(payload: Readonly<Record<string, unknown>>, key: SigningKey): string {
  const header = { alg: key.algorithm, typ: 'JWT', ...(key.algorithm === 'RS256' && key.kid ? { kid: key.kid } : {}) };
  const signingInput = `${encodeJson(header)}.${encodeJson(payload)}`;
  const signature =
    key.algorithm === 'HS256'
      ? createHmac('sha256', key.secret).update(signingInput).digest()
      : sign('sha256', Buffer.from(signingInput), key.privateKey);
  return `${signingInput}.${signature.toString('base64url')}`;
}

/** base64url of the JSON of `value`: one JWT part. */
export function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function jsonObject(part: string, name: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidToken(`the token ${name} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidToken(`the token ${name} is not a JSON object`);
  return value as Record<string, unknown>;
}
