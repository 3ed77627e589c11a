import { OFFICE_BOUND_ROLES, type VerifiedToken } from '@thads/auth';
import type { RolePolicy } from './access-policy';
import { forbiddenOffice, forbiddenRole } from './access-refused';
import type { GrantedAccess } from './granted-access';

/**
 * Decides one request under a role policy. The policy's roles are tried in its order; the first the token holds that
 * fits wins: an office-free role (auditor, reporting, admin) fits at once, an officer or head fits when the token lists
 * one of the offices the request qualifies for. `officesOfRequest` reads the store, so it runs only when an officer or
 * head role is tried, and at most once.
 *
 * Refusals: FORBIDDEN_ROLE when the token holds none of the roles, FORBIDDEN_OFFICE when it holds one but for other
 * offices.
 */
export async function decideAccess(
  policy: RolePolicy,
  token: VerifiedToken,
  officesOfRequest: () => Promise<readonly string[]>,
): Promise<GrantedAccess> {
  const held = policy.roles.filter((role) => token.roles.includes(role));
  if (held.length === 0) {
    const has =
      token.roles.length === 0 ? 'no role' : `the role${token.roles.length > 1 ? 's' : ''} ${token.roles.join(', ')}`;
    throw forbiddenRole(`This route is for ${policy.roles.join(', ')}; the token grants ${has}`);
  }
  let qualifying: readonly string[] | undefined;
  for (const role of held) {
    if (!OFFICE_BOUND_ROLES.includes(role)) return { subject: token.subject, role };
    qualifying ??= await officesOfRequest();
    const office = qualifying.find((candidate) => token.offices.includes(candidate));
    if (office !== undefined) return { subject: token.subject, role, officeId: office };
  }
  const wanted =
    (qualifying ?? []).length === 0 ? 'an office named in the request' : `office ${(qualifying ?? []).join(' or ')}`;
  throw forbiddenOffice(
    `As ${held.join(' or ')} you act only for your offices (${token.offices.join(', ') || 'none'}); this request needs ${wanted}`,
  );
}
