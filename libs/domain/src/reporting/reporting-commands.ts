import type { Message } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { ReportingPeriod } from './reporting-period';

/**
 * Commands on the `reporting` aggregate: one stream per enforcement office (`reporting-<officeId>`), holding what the
 * statistics need about the office: its place in the hierarchy, its targets per reporting year and the periods it has
 * closed (docs/domain.md; TTLT 12/2021).
 */

/**
 * Office tiers across eras (docs/law-2026.md): the Ministry of Justice (whose Minister decides the last level of some
 * complaints), the General Department (Cục Quản lý THADS from 07/2025), provincial departments, district branches
 * (until 30/06/2025) and regional units (from 01/07/2025).
 */
export const REPORTING_OFFICE_TIERS = ['MINISTRY', 'GENERAL_DEPARTMENT', 'PROVINCE', 'DISTRICT', 'REGIONAL'] as const;
export type ReportingOfficeTier = (typeof REPORTING_OFFICE_TIERS)[number];

/** Registers an office and its parent: the roll-up of statistics follows this hierarchy. */
export type RegisterOffice = Message<
  'RegisterOffice',
  {
    readonly officeId: string;
    readonly name: string;
    /** Absent for a root of the hierarchy (the General Department, or a province reported on its own). */
    readonly parentOfficeId?: string;
    readonly tier: ReportingOfficeTier;
    readonly effectiveDate: LocalDate;
  }
>;

/**
 * Assigns the completion-rate targets (chỉ tiêu) of a reporting year, as a percentage with at most 2 decimals
 * written as a string ("72", "72.50"): a target is never a float.
 */
export type SetTarget = Message<
  'SetTarget',
  {
    readonly officeId: string;
    /** The year the period ends in: 2018 is 1 Oct 2017 – 30 Sep 2018. */
    readonly reportingYear: number;
    readonly casesRatePercent: string;
    readonly moneyRatePercent: string;
    readonly effectiveDate: LocalDate;
  }
>;

/**
 * Closes a monthly cumulative period: its figures are frozen, and anything recorded later lands as an adjustment in
 * the next period of the same reporting year (TTLT 12/2021 Art. 10).
 */
export type ClosePeriod = Message<
  'ClosePeriod',
  {
    readonly officeId: string;
    readonly period: ReportingPeriod;
    readonly effectiveDate: LocalDate;
  }
>;

export type ReportingCommand = RegisterOffice | SetTarget | ClosePeriod;
