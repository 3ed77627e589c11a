import type { Actor } from '@thads/event-store';
import type { Role, VerifiedToken } from '@thads/auth';

/** What the access guard allowed, for the handler to record as the actor. */
export interface GrantedAccess {
  /** The token's `sub`. */
  readonly subject: string;
  /** The role the request was allowed under: the first of the policy's roles the token holds that fits. */
  readonly role: Role;
  /** For officers and heads: the office that made them fit (for a case, the case's office). */
  readonly officeId?: string;
}

// Keyed by the request object, so nothing is added to Fastify's types and the grant dies with the request.
const grants = new WeakMap<object, GrantedAccess>();

/** Called by the guard once it has allowed the request. */
export function recordGrantedAccess(request: object, access: GrantedAccess): void {
  grants.set(request, access);
}

/** The access the guard granted this request; undefined only on public routes. */
export function grantedAccessOf(request: object): GrantedAccess | undefined {
  return grants.get(request);
}

// The verified token of a request, kept even when the guard then refuses it, so a refusal can name who tried.
const verifiedTokens = new WeakMap<object, VerifiedToken>();

/** Called by the guard as soon as the bearer token is verified, before the policy is checked. */
export function recordVerifiedToken(request: object, token: VerifiedToken): void {
  verifiedTokens.set(request, token);
}

/** The verified token of a request the guard let through (or refused after verifying); undefined on public routes. */
export function verifiedTokenOf(request: object): VerifiedToken | undefined {
  return verifiedTokens.get(request);
}

/**
 * Who sent a request, as far as it is known: the granted actor, else the verified token's subject under its first
 * role (it was refused, so no role was granted); undefined without a valid token (a 401 names nobody).
 */
export function requesterOf(request: object): Actor | undefined {
  const access = grants.get(request);
  if (access !== undefined) return actorOf(access);
  const token = verifiedTokens.get(request);
  return token === undefined ? undefined : { id: token.subject, role: token.roles[0] ?? 'none' };
}

/** The actor recorded on the events a request causes: who, in which capacity, for which office. */
export function actorOf(access: GrantedAccess): Actor {
  return {
    id: access.subject,
    role: access.role,
    ...(access.officeId !== undefined ? { officeId: access.officeId } : {}),
  };
}
