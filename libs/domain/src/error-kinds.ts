import { CASE_ERROR_KINDS } from './case/case-errors';
import { COMPLAINT_ERROR_KINDS } from './complaint/complaint-errors';
import { OFFICE_REGISTRY_ERROR_KINDS } from './office-registry/office-registry-errors';
import { REPORTING_ERROR_KINDS } from './reporting/reporting-errors';
import type { DomainErrorKind } from './shared/error-kind';

/** Every declared code with its kind; a code shared by aggregates (INVALID_DATE) has one kind everywhere (spec). */
export const DOMAIN_ERROR_KINDS: Readonly<Record<string, DomainErrorKind>> = Object.assign(
  {},
  REPORTING_ERROR_KINDS,
  OFFICE_REGISTRY_ERROR_KINDS,
  COMPLAINT_ERROR_KINDS,
  CASE_ERROR_KINDS,
);

/** The declared kind of a DomainError code, or undefined for a code no table declares (a defect: see the spec). */
export function errorKindOf(code: string): DomainErrorKind | undefined {
  return Object.prototype.hasOwnProperty.call(DOMAIN_ERROR_KINDS, code) ? DOMAIN_ERROR_KINDS[code] : undefined;
}
