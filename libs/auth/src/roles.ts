/** The roles a token may grant (docs/architecture.md). Any other string in a token's `roles` claim is ignored. */
export const ROLES = ['officer', 'head', 'auditor', 'admin', 'reporting'] as const;
export type Role = (typeof ROLES)[number];

/** True for one of ROLES. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Roles that act only on the offices their token lists (docs/domain.md rule 15): officers and heads. The others
 * are not bound to an office: auditors and the reporting service read across offices, admins correct across them.
 */
export const OFFICE_BOUND_ROLES: readonly Role[] = ['officer', 'head'];
