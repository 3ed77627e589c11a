/** The shape of a completion report: what completionReport returns and toCsv writes. */
import type { LocalDate, OfficeSuccession, ReportingOfficeTier, ReportingPeriod } from '@thads/domain';
import type { CompletionFigures, StatisticsRegime } from './statistics';

/** What to report on. */
export interface CompletionReportRequest {
  /** An office: its own cases, each child's roll-up and its own roll-up. Omitted: the whole country. */
  readonly officeId?: string;
  /** The month the cumulative period ends in, `YYYY-MM`. */
  readonly period: ReportingPeriod;
  /** Report as recorded by 24:00 on this local date: later records are not known yet. Omitted: everything applied. */
  readonly asOf?: LocalDate;
  /**
   * Lay the report out in the office structure in force on this date (docs/domain.md "Offices and succession"):
   * a case counts under the office holding it then. Omitted: the period's end, the only structure closed periods
   * were frozen in; another date is computed from the facts (never frozen), e.g. the structure before a reorganisation.
   */
  readonly structure?: LocalDate;
}

/** Targets of the office a row belongs to, in percent ("72.00"). */
export interface ReportTarget {
  readonly cases: string;
  readonly money: string;
  /** Null for the office's own target; else the superior whose target a branch without one is measured against. */
  readonly inheritedFrom: string | null;
}

/** Completion rate minus target, in percentage points ("-15.13"); null where there is no rate. */
export interface ReportGap {
  readonly cases: string | null;
  readonly money: string | null;
}

/**
 * Corrections to the previous closed period: its figures as known now minus its frozen figures (TTLT 12/2021
 * Art. 10). They are already inside this period's cumulative figures; here they are shown apart. Rates are null.
 */
export interface ReportAdjustments {
  readonly appliesToPeriod: ReportingPeriod;
  /** SAME_YEAR: into this period of the same reporting year; OPENING_BALANCE: across 30 September, into carried over. */
  readonly landsIn: 'SAME_YEAR' | 'OPENING_BALANCE';
  readonly cases: CompletionFigures;
  readonly money: CompletionFigures;
}

/** One line of the report: an office's own cases, or an office with everything under it. */
export interface CompletionReportRow {
  /** Null for the whole country. */
  readonly officeId: string | null;
  /** Null for the country, and for an office that has cases but was never registered. */
  readonly name: string | null;
  readonly tier: ReportingOfficeTier | null;
  /** OFFICE: the office's own cases. ROLL_UP: the office and every office under it, each case once. */
  readonly scope: 'OFFICE' | 'ROLL_UP';
  /** Every office in the row has closed the period: these figures are frozen. */
  readonly closed: boolean;
  readonly cases: CompletionFigures;
  readonly money: CompletionFigures;
  /** The targets of the row's office for the reporting year; null for the country or without a TargetSet. */
  readonly target: ReportTarget | null;
  readonly gap: ReportGap | null;
  /** Null when no office in the row had closed the previous period. */
  readonly adjustments: ReportAdjustments | null;
}

/** A completion report for one period: per office, its children and the roll-up. */
export interface CompletionReport {
  readonly officeId: string | null;
  readonly period: ReportingPeriod;
  readonly reportingYear: number;
  readonly yearStartsOn: LocalDate;
  readonly periodEndsOn: LocalDate;
  readonly regime: StatisticsRegime;
  readonly asOf: LocalDate | null;
  /** The structure the rows follow: its date and the successions in force then (an office's cases under its successor). */
  readonly structure: { readonly on: LocalDate; readonly successions: readonly OfficeSuccession[] };
  /**
   * The log position the figures reflect: the projection's checkpoint, or, when every row is frozen, the last close
   * they were frozen at (nothing recorded later changes them).
   */
  readonly position: bigint;
  /** The office has closed this period (for the country: every office has). */
  readonly closed: boolean;
  /** The office's own cases; null for the country. */
  readonly office: CompletionReportRow | null;
  /** Each child office with everything under it (for the country: each top-level office). */
  readonly children: readonly CompletionReportRow[];
  readonly rollUp: CompletionReportRow;
}
