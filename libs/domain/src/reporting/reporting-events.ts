import type { Message } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { RuleSet } from '../shared/rule-set';
import type { ReportingOfficeTier } from './reporting-commands';
import type { ReportingPeriod } from './reporting-period';

/**
 * Events of the `reporting` aggregate (stream `reporting-<officeId>`). Each `type` string and data shape is a stored
 * contract (docs/architecture.md): never renamed or reshaped in place; a new shape is a new version with an upcaster.
 */

/** Fields on every reporting event. */
export interface ReportingEventBase {
  readonly officeId: string;
  /** The legal date of the act in Asia/Ho_Chi_Minh, copied from the command. */
  readonly effectiveDate: LocalDate;
  readonly ruleSet: RuleSet;
}

type ReportingEventOf<Type extends string, Data> = Message<Type, ReportingEventBase & Data>;

export type OfficeRegistered = ReportingEventOf<
  'OfficeRegistered',
  {
    readonly name: string;
    readonly parentOfficeId?: string;
    readonly tier: ReportingOfficeTier;
  }
>;

/** Targets in basis points (hundredths of a percent): "72.50" % is 7250. Integers, so gaps are exact. */
export type TargetSet = ReportingEventOf<
  'TargetSet',
  {
    readonly reportingYear: number;
    readonly casesTargetBasisPoints: number;
    readonly moneyTargetBasisPoints: number;
  }
>;

export type PeriodClosed = ReportingEventOf<
  'PeriodClosed',
  {
    readonly period: ReportingPeriod;
    readonly reportingYear: number;
    /** The balance date: figures are point-in-time at 24:00 on this day. */
    readonly periodEndsOn: LocalDate;
  }
>;

export type ReportingEvent = OfficeRegistered | TargetSet | PeriodClosed;

/** Every event type of the aggregate. */
export const REPORTING_EVENT_TYPES = [
  'OfficeRegistered',
  'TargetSet',
  'PeriodClosed',
] as const satisfies readonly ReportingEvent['type'][];
