import type { LocalDate } from '../shared/local-date';
import type { ReportingOfficeTier } from './reporting-commands';
import type { ReportingState } from './reporting-state';

/** An office as it stood on a date: its tier and the office above it. */
export interface OfficeOnDate {
  readonly officeId: string;
  readonly tier: ReportingOfficeTier;
  readonly parentOfficeId?: string;
}

/**
 * The office of one reporting stream as in force on `date`, or undefined when it was not registered by then.
 * The structure on a date decides who holds an authority over a case or a complaint (docs/law-2026.md).
 */
export function officeOnDate(state: ReportingState, date: LocalDate): OfficeOnDate | undefined {
  if (state.status !== 'registered' || state.registeredOn > date) return undefined;
  return {
    officeId: state.officeId,
    tier: state.tier,
    ...(state.parentOfficeId !== undefined && { parentOfficeId: state.parentOfficeId }),
  };
}
