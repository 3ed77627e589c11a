import { assertNever } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import { withChanges } from '../shared/with-changes';
import type { ReportingOfficeTier } from './reporting-commands';
import type { ReportingEvent } from './reporting-events';
import type { ReportingPeriod } from './reporting-period';

/** State of one office's reporting stream. Targets are not kept: no rule depends on them. */
export type ReportingState = NoOffice | RegisteredOffice;

export interface NoOffice {
  readonly status: 'none';
}

export interface RegisteredOffice {
  readonly status: 'registered';
  readonly officeId: string;
  readonly name: string;
  readonly parentOfficeId?: string;
  readonly tier: ReportingOfficeTier;
  readonly registeredOn: LocalDate;
  /** The last period closed: periods close in order, so every period up to it is closed. */
  readonly closedThrough?: ReportingPeriod;
}

export const initialReportingState: ReportingState = { status: 'none' };

/** Folds one reporting event into the state. Events are facts: evolve never validates. */
export function evolveReporting(state: ReportingState, event: ReportingEvent): ReportingState {
  if (event.type === 'OfficeRegistered') {
    const { officeId, name, parentOfficeId, tier, effectiveDate } = event.data;
    return {
      status: 'registered',
      officeId,
      name,
      ...(parentOfficeId !== undefined && { parentOfficeId }),
      tier,
      registeredOn: effectiveDate,
    };
  }
  if (state.status === 'none') throw new Error(`${event.type} on a reporting stream with no OfficeRegistered`);
  switch (event.type) {
    case 'TargetSet':
      return state;
    case 'PeriodClosed':
      return withChanges(state, { closedThrough: event.data.period });
    default:
      return assertNever(event, 'reporting event');
  }
}
