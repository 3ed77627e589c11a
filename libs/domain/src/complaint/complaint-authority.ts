import { DomainError } from '../shared/domain-error';
import type { ReportingOfficeTier } from '../reporting/reporting-commands';
import type { DecidingAuthority } from './escalation-matrix';

/**
 * Who may act for a deciding authority (Law 2008 Art. 142; docs/domain.md). An authority of the escalation
 * matrix is a post: the head of one office in the line above the respondent. Which office that is depends on the
 * structure in force on the date of the act, so the command path resolves that line from the registered offices and
 * hands it to the decider with the acting official; the decider then checks the official heads that office.
 */

/** An office as it stood on the date of the act. */
export interface OfficeInLine {
  readonly officeId: string;
  readonly tier: ReportingOfficeTier;
}

/** The respondent's office first, then each superior up to the root, as in force on the date of the act. */
export type OfficeLine = readonly OfficeInLine[];

/** The person recording an act of a deciding authority: the role the request was allowed under and the offices they head. */
export interface ActingOfficial {
  readonly role: string;
  readonly officeIds: readonly string[];
}

/** The tier of the office whose head holds each authority. The Minister heads the Ministry registered above the General Department. */
const TIER_OF_AUTHORITY: Readonly<Record<DecidingAuthority, ReportingOfficeTier>> = {
  HEAD_OF_DISTRICT_OFFICE: 'DISTRICT',
  HEAD_OF_PROVINCIAL_OFFICE: 'PROVINCE',
  HEAD_OF_GENERAL_DEPARTMENT: 'GENERAL_DEPARTMENT',
  HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT: 'GENERAL_DEPARTMENT',
  MINISTER_OF_JUSTICE: 'MINISTRY',
};

/** The refusal code of each authority: a decision by anyone else is refused with it (HTTP 403). */
export const AUTHORITY_REQUIRED_CODES = {
  HEAD_OF_DISTRICT_OFFICE: 'HEAD_OF_DISTRICT_OFFICE_REQUIRED',
  HEAD_OF_PROVINCIAL_OFFICE: 'HEAD_OF_PROVINCIAL_OFFICE_REQUIRED',
  HEAD_OF_GENERAL_DEPARTMENT: 'HEAD_OF_GENERAL_DEPARTMENT_REQUIRED',
  HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT: 'HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT_REQUIRED',
  MINISTER_OF_JUSTICE: 'MINISTER_OF_JUSTICE_REQUIRED',
} as const satisfies Record<DecidingAuthority, string>;
export type AuthorityRequiredCode = (typeof AUTHORITY_REQUIRED_CODES)[DecidingAuthority];

/**
 * The office whose head holds `authority` for a respondent: the nearest office of the authority's tier in the
 * respondent's line (the respondent's own office for a district head deciding on its officers), or undefined when the
 * structure on that date holds none.
 */
export function officeHoldingAuthority(authority: DecidingAuthority, line: OfficeLine): OfficeInLine | undefined {
  return line.find((office) => office.tier === TIER_OF_AUTHORITY[authority]);
}

/**
 * Throws unless `official` is a head of the office holding `authority` in `line`: DECIDING_OFFICE_NOT_IN_STRUCTURE
 * (422) when no such office is registered in the line, else `<AUTHORITY>_REQUIRED` (403) naming the authority and its
 * office. Returns that office, the one the act is recorded for.
 */
export function ensureActsForAuthority(
  authority: DecidingAuthority,
  line: OfficeLine,
  official: ActingOfficial | undefined,
): OfficeInLine {
  const office = officeHoldingAuthority(authority, line);
  if (office === undefined) {
    throw new DomainError(
      'DECIDING_OFFICE_NOT_IN_STRUCTURE',
      `No ${TIER_OF_AUTHORITY[authority]} office is registered above the respondent's office, so no one holds ${authority}`,
      { requiredAuthority: authority, requiredTier: TIER_OF_AUTHORITY[authority], officeLine: line },
    );
  }
  if (official?.role !== 'head' || !official.officeIds.includes(office.officeId)) {
    throw new DomainError(
      AUTHORITY_REQUIRED_CODES[authority],
      `Only the head of ${office.officeId} (${authority}) decides at this level`,
      {
        requiredAuthority: authority,
        requiredOfficeId: office.officeId,
        actingRole: official?.role,
        actingOfficeIds: official?.officeIds ?? [],
      },
    );
  }
  return office;
}
