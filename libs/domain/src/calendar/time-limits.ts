import { addCalendarDays, addMonths, type LocalDate } from '../shared/local-date';
import { addWorkingDays } from './working-days';

/**
 * Legal time limits as data (DESIGN.md §4): what starts the clock, the unit, the limit and the basis.
 * `dueDate(key, from)` is the last day on which the act is still in time.
 */

export type TimeUnit = 'DAYS' | 'WORKING_DAYS' | 'MONTHS';

export interface TimeLimitRule {
  readonly startsFrom: string;
  readonly unit: TimeUnit;
  readonly limit: number;
  readonly basis: string;
}

export const TIME_LIMITS = {
  REQUEST_DECISION: { startsFrom: 'receipt of the enforcement request', unit: 'WORKING_DAYS', limit: 5, basis: 'Law 2008 Art. 36(1)' },
  EX_OFFICIO_DECISION: { startsFrom: 'receipt of the judgment', unit: 'WORKING_DAYS', limit: 5, basis: 'Law 2008 Art. 36(2)' },
  REQUEST_REJECTION: { startsFrom: 'receipt of the enforcement request', unit: 'WORKING_DAYS', limit: 5, basis: 'Law 2008 Art. 31(5)' },
  CASE_FILE_OPENING: { startsFrom: 'assignment of the enforcement officer', unit: 'WORKING_DAYS', limit: 2, basis: 'Decree 62/2015 Art. 8' },
  VOLUNTARY_PERIOD: { startsFrom: 'valid service of the enforcement decision', unit: 'DAYS', limit: 10, basis: 'Law 2008 Art. 45(1)' },
  VERIFICATION_START: { startsFrom: 'end of the voluntary period', unit: 'DAYS', limit: 10, basis: 'Law 2008 Art. 44(1)' },
  NOT_ENFORCEABLE_DECISION: { startsFrom: 'the verification finding the grounds', unit: 'WORKING_DAYS', limit: 5, basis: 'Law 2008 Art. 44a; Decree 62/2015 Art. 9' },
  REVERIFICATION: { startsFrom: 'the not-enforceable decision or the last re-verification', unit: 'MONTHS', limit: 6, basis: 'Law 2008 Art. 44(2)' },
  REVERIFICATION_LONG_TERM: { startsFrom: 'the not-enforceable decision or the last re-verification (debtor imprisoned ≥2 years or address unknown)', unit: 'MONTHS', limit: 12, basis: 'Law 2008 Art. 44(2)' },
  SEPARATE_REGISTER: { startsFrom: 'the conditions for the separate register being met', unit: 'WORKING_DAYS', limit: 3, basis: 'Decree 62/2015 Art. 9(5)' },
  VALUER_CONTRACT: { startsFrom: 'seizure of the asset', unit: 'WORKING_DAYS', limit: 5, basis: 'Law 2008 Art. 98' },
  AUCTION_CONTRACT: { startsFrom: 'valuation of the asset', unit: 'DAYS', limit: 10, basis: 'Law 2008 Art. 101; Decree 62/2015 Art. 27' },
  AUCTION_BUYER_PAYMENT: { startsFrom: 'the auction', unit: 'DAYS', limit: 30, basis: 'Law 2008 Art. 101' },
  DISBURSEMENT: { startsFrom: 'collection of the money', unit: 'DAYS', limit: 10, basis: 'Law 2008 Art. 47' },
  RESUMPTION: { startsFrom: 'the end of the ground for postponement or suspension', unit: 'WORKING_DAYS', limit: 5, basis: 'Law 2008 Art. 48(4), 49(3)' },
  COMPLAINT_ACCEPTANCE_LEVEL_1: { startsFrom: 'receipt of a first complaint', unit: 'WORKING_DAYS', limit: 5, basis: 'Law 2008 Art. 148; TT 13/2021 Art. 9' },
  COMPLAINT_ACCEPTANCE_LEVEL_2: { startsFrom: 'receipt of a second complaint', unit: 'DAYS', limit: 10, basis: 'Law 2008 Art. 148' },
  COMPLAINT_ESCALATION: { startsFrom: 'receipt of the first-level decision', unit: 'DAYS', limit: 15, basis: 'Law 2008 Art. 140(2)' },
} as const satisfies Record<string, TimeLimitRule>;

export type TimeLimitKey = keyof typeof TIME_LIMITS;

/** Adds a limit in its unit: calendar days, working days (holiday calendar) or calendar months. */
export function addLimit(from: LocalDate, unit: TimeUnit, limit: number): LocalDate {
  switch (unit) {
    case 'DAYS':
      return addCalendarDays(from, limit);
    case 'WORKING_DAYS':
      return addWorkingDays(from, limit);
    case 'MONTHS':
      return addMonths(from, limit);
  }
}

/** The last day on which the act governed by `key` is in time, counting from `from`. */
export function dueDate(key: TimeLimitKey, from: LocalDate): LocalDate {
  const rule: TimeLimitRule = TIME_LIMITS[key];
  return addLimit(from, rule.unit, rule.limit);
}
