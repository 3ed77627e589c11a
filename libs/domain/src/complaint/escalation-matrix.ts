import type { LocalDate } from '../shared/local-date';
import type { OfficeTier, RespondentRole } from './complaint-commands';

/**
 * Who decides a complaint at each level (Law 2008 Art. 142; docs/domain.md), by the respondent's role, the
 * tier of the respondent's office and the organisational era. The three-tier model (Tổng cục → Cục → Chi cục) ran
 * until 30/06/2025; from 01/07/2025 the district tier is gone and the Tổng cục became the Cục Quản lý THADS
 * (QĐ 1898/QĐ-BTP; CV 3769/BTP-TCTHADS). Rows of the provincial era are inferences [I], marked in `basis`:
 * no text retrieved restates Art. 142 for it, nor the complaint chapter of Law 106/2025 (Art. 96–111, open question Q5),
 * so the provincial model also stands for the period from 01/07/2026 until that text is encoded.
 */

/** The official who decides a complaint at one level. */
export type DecidingAuthority =
  /** Chi cục trưởng Chi cục THADS (until 30/06/2025). */
  | 'HEAD_OF_DISTRICT_OFFICE'
  /** Cục trưởng Cục THADS tỉnh; from 01/07/2025 the head of the provincial THADS. */
  | 'HEAD_OF_PROVINCIAL_OFFICE'
  /** Tổng cục trưởng Tổng cục THADS (until 30/06/2025). */
  | 'HEAD_OF_GENERAL_DEPARTMENT'
  /** Cục trưởng Cục Quản lý THADS, Ministry of Justice (from 01/07/2025). */
  | 'HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT'
  | 'MINISTER_OF_JUSTICE';

/** THREE_TIER until 30/06/2025; PROVINCIAL from 01/07/2025. */
export type OfficeEra = 'THREE_TIER' | 'PROVINCIAL';

/** First day of the provincial model (district offices abolished, Tổng cục replaced). */
export const PROVINCIAL_MODEL_FROM: LocalDate = '2025-07-01';

/** One row of the matrix. */
export interface EscalationRule {
  readonly era: OfficeEra;
  readonly respondentRole: RespondentRole;
  readonly officeTier: OfficeTier;
  readonly level1: DecidingAuthority;
  readonly level2: DecidingAuthority;
  readonly basis: string;
}

const ART_142 = 'Law 2008 Art. 142';
const PROVINCIAL_INFERENCE = '[I] provincial model from 01/07/2025 (QĐ 1898/QĐ-BTP; CV 3769/BTP-TCTHADS)';

export const ESCALATION_MATRIX: readonly EscalationRule[] = [
  {
    era: 'THREE_TIER',
    respondentRole: 'ENFORCEMENT_OFFICER',
    officeTier: 'DISTRICT',
    level1: 'HEAD_OF_DISTRICT_OFFICE',
    level2: 'HEAD_OF_PROVINCIAL_OFFICE',
    basis: ART_142,
  },
  {
    era: 'THREE_TIER',
    respondentRole: 'OFFICE_HEAD',
    officeTier: 'DISTRICT',
    level1: 'HEAD_OF_PROVINCIAL_OFFICE',
    level2: 'HEAD_OF_GENERAL_DEPARTMENT',
    basis: ART_142,
  },
  {
    era: 'THREE_TIER',
    respondentRole: 'ENFORCEMENT_OFFICER',
    officeTier: 'PROVINCE',
    level1: 'HEAD_OF_PROVINCIAL_OFFICE',
    level2: 'HEAD_OF_GENERAL_DEPARTMENT',
    basis: ART_142,
  },
  {
    era: 'THREE_TIER',
    respondentRole: 'OFFICE_HEAD',
    officeTier: 'PROVINCE',
    level1: 'HEAD_OF_GENERAL_DEPARTMENT',
    level2: 'MINISTER_OF_JUSTICE',
    basis: ART_142,
  },
  // Officers of a regional Phòng are officers of the provincial THADS, the only issuing body.
  {
    era: 'PROVINCIAL',
    respondentRole: 'ENFORCEMENT_OFFICER',
    officeTier: 'REGIONAL',
    level1: 'HEAD_OF_PROVINCIAL_OFFICE',
    level2: 'HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT',
    basis: `${ART_142}; ${PROVINCIAL_INFERENCE}`,
  },
  {
    era: 'PROVINCIAL',
    respondentRole: 'ENFORCEMENT_OFFICER',
    officeTier: 'PROVINCE',
    level1: 'HEAD_OF_PROVINCIAL_OFFICE',
    level2: 'HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT',
    basis: `${ART_142}; ${PROVINCIAL_INFERENCE}`,
  },
  // The head of a regional Phòng is not a head of an enforcement body; the provincial head is the superior.
  {
    era: 'PROVINCIAL',
    respondentRole: 'OFFICE_HEAD',
    officeTier: 'REGIONAL',
    level1: 'HEAD_OF_PROVINCIAL_OFFICE',
    level2: 'HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT',
    basis: `${ART_142}; ${PROVINCIAL_INFERENCE}`,
  },
  {
    era: 'PROVINCIAL',
    respondentRole: 'OFFICE_HEAD',
    officeTier: 'PROVINCE',
    level1: 'HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT',
    level2: 'MINISTER_OF_JUSTICE',
    basis: `${ART_142}; ${PROVINCIAL_INFERENCE}`,
  },
  // A complaint filed after 30/06/2025 about an act of an abolished district office goes to its successor.
  {
    era: 'PROVINCIAL',
    respondentRole: 'ENFORCEMENT_OFFICER',
    officeTier: 'DISTRICT',
    level1: 'HEAD_OF_PROVINCIAL_OFFICE',
    level2: 'HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT',
    basis: `${ART_142}; ${PROVINCIAL_INFERENCE}; district office succeeded by the provincial THADS`,
  },
  {
    era: 'PROVINCIAL',
    respondentRole: 'OFFICE_HEAD',
    officeTier: 'DISTRICT',
    level1: 'HEAD_OF_PROVINCIAL_OFFICE',
    level2: 'HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT',
    basis: `${ART_142}; ${PROVINCIAL_INFERENCE}; district office succeeded by the provincial THADS`,
  },
];

/** The organisational era on a date. */
export function officeEraOn(date: LocalDate): OfficeEra {
  return date >= PROVINCIAL_MODEL_FROM ? 'PROVINCIAL' : 'THREE_TIER';
}

/** The matrix row for a respondent on the filing date, or undefined when the tier did not exist then (REGIONAL before 07/2025). */
export function escalationRuleFor(
  respondentRole: RespondentRole,
  officeTier: OfficeTier,
  filedOn: LocalDate,
): EscalationRule | undefined {
  const era = officeEraOn(filedOn);
  return ESCALATION_MATRIX.find(
    (rule) => rule.era === era && rule.respondentRole === respondentRole && rule.officeTier === officeTier,
  );
}

/**
 * The authority that holds `authority`'s competence on `date`: a complaint filed under the three-tier model and
 * escalated after 30/06/2025 goes to the successor of an abolished post [I].
 */
export function successorAuthorityOn(authority: DecidingAuthority, date: LocalDate): DecidingAuthority {
  if (officeEraOn(date) === 'THREE_TIER') return authority;
  if (authority === 'HEAD_OF_DISTRICT_OFFICE') return 'HEAD_OF_PROVINCIAL_OFFICE';
  if (authority === 'HEAD_OF_GENERAL_DEPARTMENT') return 'HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT';
  return authority;
}
