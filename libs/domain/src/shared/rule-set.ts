import type { LocalDate } from './local-date';

/**
 * The legal regime an act falls under, stored on every decision event so one case can span two laws
 * (Decree 152/2026 Art. 115: steps taken under the old texts stay valid; later steps follow the new ones).
 */
export type RuleSet = 'LAW_2008_2014' | 'LAW_106_2025';

/** Law 106/2025/QH15 takes effect on this date. */
export const LAW_106_2025_EFFECTIVE: LocalDate = '2026-07-01';

/** The rule set in force on a legal (effective) date. */
export function ruleSetOn(effectiveDate: LocalDate): RuleSet {
  return effectiveDate >= LAW_106_2025_EFFECTIVE ? 'LAW_106_2025' : 'LAW_2008_2014';
}

/**
 * Rules of Law 106/2025 the engine applies from 1 July 2026, each with its source. Where the law's own text could not
 * be read (only Decree 152/2026 and press summaries were), the value is our reading, marked here and in
 * docs/law-2026.md, never a silent guess.
 */
export const LAW_106_2025_RULES = {
  /** Decree 152/2026 Art. 22 (confirmed in the decree's text): 2 years after the not-enforceable decision. */
  sendBackAfterMonths: 24,
  /** Decree 152/2026 Art. 22(1): the separate register after 2 years for every (ex officio) case. */
  separateRegisterAfterMonths: 24,
  /**
   * [I] UNCONFIRMED: Decree 152/2026 Art. 22 asks for verification "under Law 106/2025 Art. 38(3)", whose text was not
   * read; taken as at least one negative periodic re-verification since the decision.
   */
  sendBackMinimumReverifications: 1,
} as const;
