import { assertNever } from '../shared/decider';
import { addCalendarDays, addMonths, type LocalDate } from '../shared/local-date';
import { addWorkingDays, workingDayOnOrAfter } from './working-days';

/**
 * Legal time limits as data (docs/architecture.md): what starts the clock, the unit, the limit and the basis.
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
  REQUEST_DECISION: {
    startsFrom: 'receipt of the enforcement request',
    unit: 'WORKING_DAYS',
    limit: 5,
    basis: 'Law 2008 Art. 36(1)',
  },
  EX_OFFICIO_DECISION: {
    startsFrom: 'receipt of the judgment',
    unit: 'WORKING_DAYS',
    limit: 5,
    basis: 'Law 2008 Art. 36(2)',
  },
  REQUEST_REJECTION: {
    startsFrom: 'receipt of the enforcement request',
    unit: 'WORKING_DAYS',
    limit: 5,
    basis: 'Law 2008 Art. 31(5)',
  },
  CASE_FILE_OPENING: {
    startsFrom: 'assignment of the enforcement officer',
    unit: 'WORKING_DAYS',
    limit: 2,
    basis: 'Decree 62/2015 Art. 8',
  },
  VOLUNTARY_PERIOD: {
    startsFrom: 'valid service of the enforcement decision',
    unit: 'DAYS',
    limit: 10,
    basis: 'Law 2008 Art. 45(1)',
  },
  VERIFICATION_START: {
    startsFrom: 'end of the voluntary period',
    unit: 'DAYS',
    limit: 10,
    basis: 'Law 2008 Art. 44(1)',
  },
  NOT_ENFORCEABLE_DECISION: {
    startsFrom: 'the verification finding the grounds',
    unit: 'WORKING_DAYS',
    limit: 5,
    basis: 'Law 2008 Art. 44a; Decree 62/2015 Art. 9',
  },
  REVERIFICATION: {
    startsFrom: 'the not-enforceable decision or the last re-verification',
    unit: 'MONTHS',
    limit: 6,
    basis: 'Law 2008 Art. 44(2)',
  },
  REVERIFICATION_LONG_TERM: {
    startsFrom:
      'the not-enforceable decision or the last re-verification (debtor imprisoned ≥2 years or address unknown)',
    unit: 'MONTHS',
    limit: 12,
    basis: 'Law 2008 Art. 44(2)',
  },
  SEPARATE_REGISTER: {
    startsFrom: 'the conditions for the separate register being met',
    unit: 'WORKING_DAYS',
    limit: 3,
    basis: 'Decree 62/2015 Art. 9(5)',
  },
  VALUER_CONTRACT: { startsFrom: 'seizure of the asset', unit: 'WORKING_DAYS', limit: 5, basis: 'Law 2008 Art. 98' },
  AUCTION_CONTRACT: {
    startsFrom: 'valuation of the asset',
    unit: 'DAYS',
    limit: 10,
    basis: 'Law 2008 Art. 101; Decree 62/2015 Art. 27',
  },
  AUCTION_BUYER_PAYMENT: { startsFrom: 'the auction', unit: 'DAYS', limit: 30, basis: 'Law 2008 Art. 101' },
  DISBURSEMENT: { startsFrom: 'collection of the money', unit: 'DAYS', limit: 10, basis: 'Law 2008 Art. 47' },
  RESUMPTION: {
    startsFrom: 'the end of the ground for postponement or suspension',
    unit: 'WORKING_DAYS',
    limit: 5,
    basis: 'Law 2008 Art. 48(4), 49(3)',
  },
  COMPLAINT_ACCEPTANCE_LEVEL_1: {
    startsFrom: 'receipt of a first complaint',
    unit: 'WORKING_DAYS',
    limit: 5,
    basis: 'Law 2008 Art. 148; TT 13/2021 Art. 9',
  },
  COMPLAINT_ACCEPTANCE_LEVEL_2: {
    startsFrom: 'receipt of a second complaint',
    unit: 'DAYS',
    limit: 10,
    basis: 'Law 2008 Art. 148',
  },
  COMPLAINT_ESCALATION: {
    startsFrom: 'receipt of the first-level decision',
    unit: 'DAYS',
    limit: 15,
    basis: 'Law 2008 Art. 140(2)',
  },
  // Filing limits per complaint group (Art. 140(2)); force-majeure days are added by the caller.
  COMPLAINT_FILING_A: {
    startsFrom: 'receipt or knowledge of a decision or act before any security or coercive measure',
    unit: 'DAYS',
    limit: 15,
    basis: 'Law 2008 Art. 140(2)(a)',
  },
  COMPLAINT_FILING_B_ACCOUNT_FREEZE: {
    startsFrom: 'receipt or knowledge of an account-freeze decision',
    unit: 'WORKING_DAYS',
    limit: 3,
    basis: 'Law 2008 Art. 140(2)(b)',
  },
  COMPLAINT_FILING_B_OTHER_SECURITY: {
    startsFrom: 'receipt or knowledge of another security-measure decision',
    unit: 'DAYS',
    limit: 10,
    basis: 'Law 2008 Art. 140(2)(b)',
  },
  COMPLAINT_FILING_C: {
    startsFrom: 'receipt or knowledge of a decision or act applying a coercive measure',
    unit: 'DAYS',
    limit: 30,
    basis: 'Law 2008 Art. 140(2)(c)',
  },
  COMPLAINT_FILING_D: {
    startsFrom: 'receipt or knowledge of a decision or act after coercion',
    unit: 'DAYS',
    limit: 30,
    basis: 'Law 2008 Art. 140(2)(d)',
  },
  // Resolution limits per group and level, counted from acceptance (thụ lý) (Art. 146). Group B has no second level.
  COMPLAINT_RESOLUTION_A_LEVEL_1: {
    startsFrom: 'acceptance of a first complaint (group A)',
    unit: 'DAYS',
    limit: 15,
    basis: 'Law 2008 Art. 146',
  },
  COMPLAINT_RESOLUTION_A_LEVEL_2: {
    startsFrom: 'acceptance of a second complaint (group A)',
    unit: 'DAYS',
    limit: 30,
    basis: 'Law 2008 Art. 146',
  },
  COMPLAINT_RESOLUTION_B_LEVEL_1: {
    startsFrom: 'acceptance of a complaint about a security measure (group B)',
    unit: 'WORKING_DAYS',
    limit: 5,
    basis: 'Law 2008 Art. 146; Decree 62/2015 Art. 38(3)',
  },
  COMPLAINT_RESOLUTION_C_LEVEL_1: {
    startsFrom: 'acceptance of a first complaint (group C)',
    unit: 'DAYS',
    limit: 30,
    basis: 'Law 2008 Art. 146',
  },
  COMPLAINT_RESOLUTION_C_LEVEL_2: {
    startsFrom: 'acceptance of a second complaint (group C)',
    unit: 'DAYS',
    limit: 45,
    basis: 'Law 2008 Art. 146',
  },
  COMPLAINT_RESOLUTION_D_LEVEL_1: {
    startsFrom: 'acceptance of a first complaint (group D)',
    unit: 'DAYS',
    limit: 15,
    basis: 'Law 2008 Art. 146',
  },
  COMPLAINT_RESOLUTION_D_LEVEL_2: {
    startsFrom: 'acceptance of a second complaint (group D)',
    unit: 'DAYS',
    limit: 30,
    basis: 'Law 2008 Art. 146',
  },
} as const satisfies Record<string, TimeLimitRule>;

export type TimeLimitKey = keyof typeof TIME_LIMITS;

/**
 * Adds a limit in its unit: calendar days, working days (holiday calendar) or calendar months.
 *
 * A period counted in days or months whose last day is a weekly rest day or a public holiday ends at the end of
 * the next working day (Civil Code 2015 Art. 148(5); Art. 144 makes the Code's counting rules apply wherever a law,
 * as the Law on Civil Judgment Enforcement does, sets no other rule). The start day never counts (Art. 147(1)), and
 * a month period ends on the same day number, or the month's last day when it has none (Art. 148). A period in
 * working days ends on a working day by construction, so it needs no shift.
 */
export function addLimit(from: LocalDate, unit: TimeUnit, limit: number): LocalDate {
  switch (unit) {
    case 'DAYS':
      return workingDayOnOrAfter(addCalendarDays(from, limit));
    case 'WORKING_DAYS':
      return addWorkingDays(from, limit);
    case 'MONTHS':
      return workingDayOnOrAfter(addMonths(from, limit));
    default:
      return assertNever(unit, 'time unit');
  }
}

/** The last day on which the act governed by `key` is in time, counting from `from`. */
export function dueDate(key: TimeLimitKey, from: LocalDate): LocalDate {
  const rule: TimeLimitRule = TIME_LIMITS[key];
  return addLimit(from, rule.unit, rule.limit);
}

/**
 * [I] UNCONFIRMED under Law 106/2025 and Decree 152/2026: the time limits above whose new values could not be read
 * (the law's text was not reached; the decree, read in an OCR copy, does not restate them) — today every one. The engine keeps applying the Law 2008 value to acts from 1 July
 * 2026 and says so here and in docs/law-2026.md ("Time limits under Law 106/2025"), rather than guessing new ones.
 * The separate-register timer, which did change, is LAW_106_2025_RULES (shared/rule-set.ts).
 */
export const LAW_106_2025_UNCONFIRMED_TIME_LIMITS: readonly TimeLimitKey[] = [
  'REQUEST_DECISION',
  'EX_OFFICIO_DECISION',
  'REQUEST_REJECTION',
  'CASE_FILE_OPENING',
  'VOLUNTARY_PERIOD',
  'VERIFICATION_START',
  'NOT_ENFORCEABLE_DECISION',
  'REVERIFICATION',
  'REVERIFICATION_LONG_TERM',
  'SEPARATE_REGISTER',
  'VALUER_CONTRACT',
  'AUCTION_CONTRACT',
  'AUCTION_BUYER_PAYMENT',
  'DISBURSEMENT',
  'RESUMPTION',
  'COMPLAINT_ACCEPTANCE_LEVEL_1',
  'COMPLAINT_ACCEPTANCE_LEVEL_2',
  'COMPLAINT_ESCALATION',
  'COMPLAINT_FILING_A',
  'COMPLAINT_FILING_B_ACCOUNT_FREEZE',
  'COMPLAINT_FILING_B_OTHER_SECURITY',
  'COMPLAINT_FILING_C',
  'COMPLAINT_FILING_D',
  'COMPLAINT_RESOLUTION_A_LEVEL_1',
  'COMPLAINT_RESOLUTION_A_LEVEL_2',
  'COMPLAINT_RESOLUTION_B_LEVEL_1',
  'COMPLAINT_RESOLUTION_C_LEVEL_1',
  'COMPLAINT_RESOLUTION_C_LEVEL_2',
  'COMPLAINT_RESOLUTION_D_LEVEL_1',
  'COMPLAINT_RESOLUTION_D_LEVEL_2',
];
