import { OFFICE_BOUND_ROLES, ROLES, type Role } from '@thads/auth';
import { OFFICE_SOURCES, type AccessPolicy } from './access-policy';
import type { RouteAccess } from './route-table';

/** What each role is for (docs/domain.md; docs/architecture.md, §8). */
const ROLE_MEANING: Record<Role, string> = {
  officer:
    'Enforcement officer (*chấp hành viên*, Art. 20): runs cases — receives them, verifies, applies measures, seizes, values, sells, collects, pays out, settles — and records complaints. Only for the offices in the token.',
  head: 'Head of an enforcement office (*Thủ trưởng*, Art. 23): every decision on enforcement and on complaints, and everything an officer may do. Only for the offices in the token.',
  auditor:
    'Reads every case, complaint, list, report, the audit trail and the change feed, across offices. Writes nothing.',
  reporting:
    'The reporting service: the read-model lists, the completion report and the change feed, across offices. Not single cases (their events name the parties), not the audit trail. Writes nothing.',
  admin:
    'Reads everything; registers offices, sets targets and closes periods anywhere. Only admins issue corrective commands (withdraw, amend or annul a decision, retract a recorded fact, reassign an officer, reopen a case), each with a reason, in any office; admins do no ordinary case work.',
};

/** Renders docs/authorization.md from the routes' `@Access` policies: `npm run docs:authz` writes it, a unit test compares. */
export function renderAuthorizationDoc(routes: readonly RouteAccess[]): string {
  const sorted = [...routes].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  return [
    '# Authorization',
    '',
    'Every request but the health probes (`GET /health`, `/health/live`, `/health/ready`; their details only for auditor',
    'and admin tokens) and `GET /metrics` (its own token, docs/operations.md) needs `Authorization: Bearer <JWT>`,',
    'HS256 or RS256 (README "Authentication and authorization" says how to get one). A global guard checks it against the access policy each route declares with',
    '`@Access(…)`: deny by default, a route without a policy is refused for everyone, and a unit test fails if any',
    'route lacks one. The table below is generated from those policies by `npm run docs:authz`; a unit test fails',
    'when this file falls behind them.',
    '',
    '## Refusals',
    '',
    '- `401 UNAUTHENTICATED`: no token, or one that is malformed, badly signed, expired, not yet valid, for another',
    "  issuer or audience, or signed with another algorithm than the server's. `WWW-Authenticate: Bearer …` says why.",
    "- `403 FORBIDDEN_ROLE`: the token holds none of the roles in the route's row.",
    '- `403 FORBIDDEN_OFFICE`: the token holds an officer or head role the route allows, but not for the office the',
    '  request is about.',
    '- `404 CASE_NOT_FOUND` / `COMPLAINT_NOT_FOUND` instead of `FORBIDDEN_OFFICE` where the office is read from a stored',
    '  case or complaint (`case-in-path`, `case-in-body`, `complaint-in-path`): to an officer or head without rights to',
    "  its office, another office's case answers exactly as an unknown id does (same status, code and body, no owner",
    '  office named), so its existence is not told. The log of refused commands keeps the real reason for auditors.',
    "- `403 OFFICE_SUCCEEDED`: the token's office passed the case to a successor (merger or split, docs/domain.md",
    '  "Offices and succession") on or before the act\'s date (the body\'s `effectiveDate`, else today); `details` name the',
    "  successor, the date and the legal act. The successor's officers and head act on the case from that date.",
    '',
    'The guard runs before validation and before the handler: a refused request writes nothing. Where the office is',
    'read from a stored case or office, a malformed id is `400` and an unknown one `404`, as the handler would answer.',
    '',
    '## Roles (claim `roles`)',
    '',
    ...ROLES.map((role) => `- \`${role}\`: ${ROLE_MEANING[role]}`),
    '',
    'A token may hold several roles. The policy lists its roles in order of preference, and the first one the token',
    'holds that fits the request is the one recorded: an officer who is also a head records case work as `officer`.',
    'Unknown strings in `roles` are ignored.',
    '',
    '## Offices (claim `offices`)',
    '',
    'Officers and heads act only for the offices listed in their token. Each route says where the office of a request',
    "comes from; the office that qualified the request is recorded as the actor's `officeId` on every event:",
    '',
    ...Object.entries(OFFICE_SOURCES).map(([source, meaning]) => `- \`${source}\`: ${meaning}.`),
    '',
    'Auditors, the reporting service and admins are not bound to offices.',
    '',
    '## Role × route',
    '',
    '✓ allowed; ✓ᵒ allowed for the offices in the token (last column says which); — refused (`FORBIDDEN_ROLE`).',
    '',
    `| Method | Path | Handler | ${ROLES.join(' | ')} | Office from |`,
    `|---|---|---|${ROLES.map(() => '---|').join('')}---|`,
    ...sorted.map(
      (route) =>
        `| ${route.method} | \`${route.path}\` | ${route.handler} | ${ROLES.map((role) => cell(route.policy, role)).join(' | ')} | ${officeColumn(route.policy)} |`,
    ),
    '',
  ].join('\n');
}

function cell(policy: AccessPolicy | undefined, role: Role): string {
  if (policy === undefined) return '**no policy: refused**';
  if (policy.public) return 'public';
  if (!policy.roles.includes(role)) return '—';
  return OFFICE_BOUND_ROLES.includes(role) ? '✓ᵒ' : '✓';
}

function officeColumn(policy: AccessPolicy | undefined): string {
  if (policy === undefined || policy.public || policy.office === undefined) return '';
  return `\`${policy.office}\``;
}
