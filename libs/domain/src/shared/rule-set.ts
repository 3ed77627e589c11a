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
