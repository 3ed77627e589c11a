import { missingToken, invalidToken } from './access-refused';

/**
 * The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1; the scheme is case-insensitive). No header is
 * a missing token; any other scheme, or two Authorization headers, is a bad one.
 */
export function bearerTokenOf(authorization: string | string[] | undefined): string {
  if (authorization === undefined || authorization === '') throw missingToken();
  if (Array.isArray(authorization)) throw invalidToken('send one Authorization header');
  const match = /^Bearer +([^\s]+) *$/i.exec(authorization);
  if (!match) throw invalidToken('the Authorization header must be "Bearer <token>"');
  return match[1];
}
