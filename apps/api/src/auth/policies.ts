import type { RolePolicy } from './access-policy';

/**
 * The policies routes use, named by what they allow (docs/domain.md rule 15; docs/architecture.md). Each route
 * still names its own with `@Access(…)`, so the policy is read where the route is. docs/authorization.md is generated
 * from the routes and explains every choice.
 */

/** Case work of the enforcement officer (Art. 20): verification, measures, seizure, sale, money. Heads may do it too (Art. 23). */
export const CASE_WORK: RolePolicy = { roles: ['officer', 'head'], office: 'case-in-path' };
/** Decisions of the head of the office (Art. 23): QĐ THA, postponement, suspension, resumption, termination, entrustment… */
export const HEAD_DECISION_ON_CASE: RolePolicy = { roles: ['head'], office: 'case-in-path' };
/**
 * Taking a case up (rút lên, Law 2008 Art. 35(2)): the head of the provincial office above the office holding the
 * case, in the structure on the act's date; anyone else gets HEAD_OF_PROVINCIAL_OFFICE_REQUIRED (403). The case's
 * own head cannot take it up: the act belongs to the superior office.
 */
export const HEAD_OF_PROVINCE_ON_CASE: RolePolicy = { roles: ['head'], office: 'province-above-case-in-path' };
/** One case's state and events: its own office, auditors, admins. Not the reporting service: events name the parties. */
export const READ_CASE: RolePolicy = { roles: ['officer', 'head', 'auditor', 'admin'], office: 'case-in-path' };
/**
 * One case's summary row (case_summary), the row a change-feed message names: the case's office and every cross-office
 * reader, the reporting service included. The row holds status, dates, officer and money totals, not the parties.
 */
export const READ_CASE_SUMMARY: RolePolicy = {
  roles: ['officer', 'head', 'auditor', 'reporting', 'admin'],
  office: 'case-in-path',
};
/** Registering a complaint, its escalation or withdrawal: what the office records on the complainant's behalf. */
export const COMPLAINT_RECORDING: RolePolicy = { roles: ['officer', 'head'], office: 'complaint-in-path' };
/**
 * Accepting, declining and deciding a complaint (Art. 142, 148): the head of the office holding the deciding authority
 * of the current level, under the structure in force on the act's date; anyone else gets `<AUTHORITY>_REQUIRED`.
 */
export const HEAD_DECISION_ON_COMPLAINT: RolePolicy = { roles: ['head'], office: 'complaint-deciding-office' };
/** One complaint: the case's office, auditors, admins. */
export const READ_COMPLAINT: RolePolicy = {
  roles: ['officer', 'head', 'auditor', 'admin'],
  office: 'complaint-in-path',
};
/** Lists from read models: officers and heads for one of their offices, and the cross-office readers. */
export const READ_OFFICE_LIST: RolePolicy = {
  roles: ['officer', 'head', 'auditor', 'reporting', 'admin'],
  office: 'office-in-query',
};
/** Statistics: heads for one of their offices, the reporting service, auditors, admins. */
export const READ_STATISTICS: RolePolicy = {
  roles: ['head', 'auditor', 'reporting', 'admin'],
  office: 'office-in-query',
};
/** The audit trail of every event: auditors and admins. */
export const READ_AUDIT_TRAIL: RolePolicy = { roles: ['auditor', 'admin'] };
/** The change feed of the read models: the reporting service, and the readers of everything. */
export const READ_CHANGE_FEED: RolePolicy = { roles: ['reporting', 'auditor', 'admin'] };
/**
 * A case's replay, hash-chain verification and evidence: auditors and admins anywhere (docs/architecture.md), and the head of
 * the case's office, who answers for the file. Not officers: evidence is produced for supervision, not case work.
 */
export const AUDIT_CASE: RolePolicy = { roles: ['auditor', 'admin', 'head'], office: 'case-in-path' };
/**
 * Corrective commands (withdraw, amend or annul a decision, retract a recorded fact, reassign, reopen): admins only,
 * with a reason. Admins are national (docs/architecture.md), so no office is checked; heads and officers never correct history.
 */
export const CORRECTIVE_ON_CASE: RolePolicy = { roles: ['admin'] };
/**
 * Anyone signed in, about themselves (the session: who they are and what they may do). Officers and heads qualify
 * through any office of their token, so a token with an office-bound role and no office is refused as everywhere else.
 */
export const SIGNED_IN: RolePolicy = {
  roles: ['officer', 'head', 'auditor', 'reporting', 'admin'],
  office: 'any-office-in-token',
};
/**
 * Changes of the office structure (merge, split, rename: docs/domain.md "Offices and succession") and reading them:
 * admins only. They carry out the Ministry's acts for the whole country; no head changes the structure of offices.
 */
export const STRUCTURE_CHANGE: RolePolicy = { roles: ['admin'] };
/** An office's targets are set by the head of the office above it (a superior assigns targets), or an admin. */
export const HEAD_OF_PARENT_OFFICE: RolePolicy = { roles: ['head', 'admin'], office: 'parent-of-office-in-path' };
/** A period is closed by the office's own head or its parent's, or an admin. */
export const HEAD_OF_OFFICE_OR_PARENT: RolePolicy = {
  roles: ['head', 'admin'],
  office: 'office-in-path-or-its-parent',
};
