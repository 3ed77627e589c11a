import type { TokenVerifier } from '@thads/auth';

/** Roles that may see operational details (dead letters, positions, settings) on public health and metrics routes. */
const OPERATOR_ROLES = ['auditor', 'admin'];

/**
 * Whether the request carries a valid bearer token with an auditor or admin role. For public routes that show more to
 * operators: a missing or bad token is not an error there, it only means no details.
 */
export async function isOperator(
  verifier: TokenVerifier,
  authorization: string | string[] | undefined,
): Promise<boolean> {
  if (typeof authorization !== 'string') return false;
  const match = /^Bearer +([^\s]+) *$/i.exec(authorization);
  if (!match) return false;
  try {
    const token = await verifier.verify(match[1]);
    return token.roles.some((role) => OPERATOR_ROLES.includes(role));
  } catch {
    return false;
  }
}
