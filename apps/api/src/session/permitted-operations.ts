import { OFFICE_BOUND_ROLES, type Role, type VerifiedToken } from '@thads/auth';
import type { RouteAccess } from '../auth/route-table';

/** One operation the bearer may call, as the access guard would decide it (docs/authorization.md). */
export interface PermittedOperation {
  /** The route's handler name, e.g. `correctRecordedFact`: what the console keys its controls on. */
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  /** The policy's roles the token holds, in the policy's order of preference. */
  readonly roles: readonly Role[];
  /**
   * `any` when a held role is not bound to offices (auditor, reporting, admin); otherwise the token's offices, and the
   * request must still be about one of them (the guard checks the office of the case, complaint or query).
   */
  readonly offices: 'any' | readonly string[];
}

/**
 * The operations of the route table this token may call, derived from the same `@Access` policies the guard enforces:
 * the console shows a control only when its operation is here, and the API refuses it anyway when it is not.
 */
export function permittedOperations(
  routes: readonly RouteAccess[],
  token: Pick<VerifiedToken, 'roles' | 'offices'>,
): PermittedOperation[] {
  const permitted: PermittedOperation[] = [];
  for (const route of routes) {
    const policy = route.policy;
    if (policy === undefined || policy.public) continue;
    const held = policy.roles.filter((role) => token.roles.includes(role));
    const officeFree = held.some((role) => !OFFICE_BOUND_ROLES.includes(role));
    if (held.length === 0 || (!officeFree && token.offices.length === 0)) continue;
    permitted.push({
      operation: route.handler,
      method: route.method,
      path: route.path,
      roles: held,
      offices: officeFree ? 'any' : token.offices,
    });
  }
  return permitted.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
