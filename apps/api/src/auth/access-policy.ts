import { SetMetadata } from '@nestjs/common';
import { OFFICE_BOUND_ROLES, type Role } from '@thads/auth';

/**
 * Where a route finds the office an officer or head must hold (docs/domain.md rule 15). Each names the request
 * part it reads; docs/authorization.md explains them.
 */
export const OFFICE_SOURCES = {
  'case-in-path':
    "the office holding the case named by `:caseId` on the act's date: the office of its first event, or its successor once a merger or split took effect (docs/domain.md)",
  'office-in-body': 'the `officeId` of the body (the office receiving the case)',
  'case-in-body': "the office holding the case named by the body's `caseId` on the act's date (succession followed)",
  'complaint-in-path':
    'the office holding the case the complaint named by `:complaintId` is about, on the act’s date (succession followed)',
  'complaint-deciding-office':
    "the office whose head holds the deciding authority of the complaint's current level (escalation matrix, structure in force on the act's date)",
  'province-above-case-in-path':
    "the provincial office above the office holding the case named by `:caseId`, in the structure in force on the act's date (rút lên)",
  'office-in-query': 'the `office` query parameter; officers and heads must name one of theirs',
  'office-in-path-or-its-parent': 'the office named by `:officeId`, or its parent office',
  'parent-of-office-in-path': 'the parent of the office named by `:officeId` (a target is set from above)',
  'parent-in-body': 'the `parentOfficeId` of the body (an office is registered by the head of its parent)',
  'any-office-in-token': 'any office in the token: the request is about the bearer itself (the session)',
} as const;
export type OfficeSource = keyof typeof OFFICE_SOURCES;

/** Who may call a route. Roles are in order of preference: the first one the token holds that fits is the one recorded. */
export interface RolePolicy {
  readonly public?: false;
  readonly roles: readonly Role[];
  /** Required when `roles` holds officer or head: they act only within their offices. */
  readonly office?: OfficeSource;
}

/** A route anyone may call without a token: liveness only. */
export interface PublicPolicy {
  readonly public: true;
}

export type AccessPolicy = RolePolicy | PublicPolicy;

/** Metadata key of the policy on a route handler. */
export const ACCESS_POLICY = 'thads:access-policy';

/**
 * Declares who may call a route. Every route must carry one: the global AccessGuard refuses a route without it, and a
 * unit test lists every route from Nest's metadata and fails on one that has none.
 *
 * `@Access({ roles: ['officer', 'head'], office: 'case-in-path' })`; `@Access.public()` for liveness only.
 */
export const Access = Object.assign(
  (policy: RolePolicy): MethodDecorator => SetMetadata(ACCESS_POLICY, checkedPolicy(policy)),
  {
    public: (): MethodDecorator => SetMetadata(ACCESS_POLICY, { public: true } satisfies PublicPolicy),
  },
);

/** The policy declared on a route handler, if any. */
export function accessPolicyOf(handler: object): AccessPolicy | undefined {
  return Reflect.getMetadata(ACCESS_POLICY, handler) as AccessPolicy | undefined;
}

/** Mistakes in a policy fail when the controller file loads, not when a request arrives. */
function checkedPolicy(policy: RolePolicy): RolePolicy {
  if (policy.roles.length === 0)
    throw new Error('An access policy must name at least one role; use Access.public() for a public route');
  const officeBound = policy.roles.some((role) => OFFICE_BOUND_ROLES.includes(role));
  if (officeBound && policy.office === undefined)
    throw new Error(`A policy for ${policy.roles.join(', ')} must say where the office comes from (office: …)`);
  if (!officeBound && policy.office !== undefined) throw new Error('office: … only applies to officers and heads');
  return policy;
}
