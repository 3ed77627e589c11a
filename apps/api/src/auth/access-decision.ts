import { OFFICE_BOUND_ROLES, type VerifiedToken } from '@thads/auth';
import type { RolePolicy } from './access-policy';
import type { OfficeSuccession } from '@thads/domain';
import { forbiddenOffice, forbiddenRole, officeSucceeded } from './access-refused';
import type { GrantedAccess } from './granted-access';

/** The offices a request qualifies, and the successions that took the case away from earlier offices by its date. */
export interface RequestOffices {
  readonly offices: readonly string[];
  readonly passedOn?: readonly OfficeSuccession[];
}

/**
 * Decides one request under a role policy. The policy's roles are tried in its order; the first the token holds that
 * fits wins: an office-free role (auditor, reporting, admin) fits at once, an officer or head fits when the token lists
 * one of the offices the request qualifies for. `officesOfRequest` reads the store, so it runs only when an officer or
 * head role is tried, and at most once.
 *
 * Refusals: FORBIDDEN_ROLE when the token holds none of the roles, OFFICE_SUCCEEDED when it holds one for an office
 * that passed the case to a successor by the act's date (docs/domain.md "Offices and succession"), FORBIDDEN_OFFICE
 * when it holds one for other offices.
 */
export async function decideAccess(
  policy: RolePolicy,
  token: VerifiedToken,
  officesOfRequest: () => Promise<readonly string[] | RequestOffices>,
): Promise<GrantedAccess> {
  const held = policy.roles.filter((role) => token.roles.includes(role));
  if (held.length === 0) {
    const has =
      token.roles.length === 0 ? 'no role' : `the role${token.roles.length > 1 ? 's' : ''} ${token.roles.join(', ')}`;
    throw forbiddenRole(`This route is for ${policy.roles.join(', ')}; the token grants ${has}`);
  }
  let qualifying: readonly string[] | undefined;
  let passedOn: readonly OfficeSuccession[] = [];
  for (const role of held) {
    if (!OFFICE_BOUND_ROLES.includes(role)) return { subject: token.subject, role };
    if (qualifying === undefined) {
      const answer = await officesOfRequest();
      qualifying = 'offices' in answer ? answer.offices : answer;
      passedOn = 'offices' in answer ? (answer.passedOn ?? []) : [];
    }
    const office = qualifying.find((candidate) => token.offices.includes(candidate));
    if (office !== undefined) return { subject: token.subject, role, officeId: office };
  }
  const succeeded = passedOn.find((succession) => token.offices.includes(succession.predecessorOfficeId));
  if (succeeded !== undefined) throw officeSucceeded(succeeded);
  const wanted =
    (qualifying ?? []).length === 0 ? 'an office named in the request' : `office ${(qualifying ?? []).join(' or ')}`;
  throw forbiddenOffice(
    `As ${held.join(' or ')} you act only for your offices (${token.offices.join(', ') || 'none'}); this request needs ${wanted}`,
  );
}
