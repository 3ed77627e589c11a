/**
 * THADS completion statistics (docs/domain.md; docs/architecture.md), pure and exact: every quantity is a bigint
 * (cases, or VND), every rate is computed from exact integers and rounded half-up to 2 decimals once, at the end.
 * The same functions serve both measures: by cases (việc) and by money (tiền).
 */

/** The statistics regime a reporting year is reported under (docs/domain.md). */
export interface StatisticsRegime {
  readonly id: 'TT_08_2015' | 'TT_06_2019' | 'TT_05_2024';
  /**
   * TWO_WAY: phải thi hành = có điều kiện + chưa có điều kiện, with postponed and suspended cases inside có điều kiện.
   * THREE_WAY: hoãn, tạm đình chỉ is a bucket of its own (reported since TT 06/2019).
   */
  readonly split: 'TWO_WAY' | 'THREE_WAY';
  readonly basis: string;
}

const TT_08_2015: StatisticsRegime = {
  id: 'TT_08_2015',
  split: 'TWO_WAY',
  basis: 'TT 08/2015/TT-BTP (consolidated 2319/VBHN-BTP)',
};
const TT_06_2019: StatisticsRegime = {
  id: 'TT_06_2019',
  split: 'THREE_WAY',
  basis: 'TT 06/2019/TT-BTP, effective 05/01/2020',
};
const TT_05_2024: StatisticsRegime = {
  id: 'TT_05_2024',
  split: 'THREE_WAY',
  basis: 'TT 05/2024/TT-BTP, effective 26/07/2024',
};

/**
 * The regime of a whole reporting year. A circular that takes effect mid-year applies from the next full reporting
 * year, so the cumulative monthly figures of one year always share one definition:
 * - TT 06/2019 took effect on 05/01/2020, inside reporting year 2020 (Oct 2019 – Sep 2020). Its first cumulative
 *   report was the 3-month one to 31/12/2019, filed in January 2020, so we apply it to the whole of year 2020 and
 *   later. [I] The 1- and 2-month reports of October and November 2019 were in fact filed under TT 08/2015.
 * - TT 05/2024 took effect on 26/07/2024, two months before the end of year 2024: applied from year 2025. [I] Its
 *   columns were not retrieved (docs/domain.md Q2, Q7); we keep the TT 06/2019 three-way split.
 * - Years before TT 08/2015 (ending 2015 and earlier) are computed as TT 08/2015. [I]
 */
export function statisticsRegimeFor(reportingYear: number): StatisticsRegime {
  if (reportingYear <= 2019) return TT_08_2015;
  if (reportingYear <= 2024) return TT_06_2019;
  return TT_05_2024;
}

/**
 * What classification counts for one measure and one period: the flows of the year so far and, of what is to be
 * enforced, the bucket each case is in at the period end. Every field is a plain sum over cases (or their VND), so
 * tallies of offices add up to the tally of their parent.
 */
export interface StatisticsTally {
  /** Cũ chuyển sang: on the books at 24:00 on 30 September before the year (carried to next by the year before). */
  readonly carriedOver: bigint;
  /** Chuyển sổ theo dõi riêng: carried over or received, then moved to the separate register (Decree 62 Art. 9(5)). */
  readonly movedToSeparateRegister: bigint;
  /** Thụ lý mới: enforcement decisions issued in the year (one decision = one case, Art. 3(9)). */
  readonly newlyReceived: bigint;
  /** Ủy thác đi: entrusted to another office (Art. 55–57). */
  readonly entrustedOut: bigint;
  /** Rút lên: cases taken up by the provincial office (TakeUpCase); the province counts its own case as newly received. */
  readonly takenUp: bigint;
  /** Enforceable and not completed: decided (not yet verified [I]), verified enforceable, postponed by agreement. */
  readonly inProgress: bigint;
  /** Hoãn, tạm đình chỉ (other than postponement by agreement, which stays enforceable). */
  readonly postponedOrSuspended: bigint;
  /** Chưa có điều kiện: a not-enforceable decision stands (Art. 44a). */
  readonly notEnforceable: bigint;
  /** Thi hành xong: fully enforced in the year (Art. 52(1)). */
  readonly fullyEnforced: bigint;
  /** Đình chỉ: terminated in the year (Art. 50); part of giải quyết xong. */
  readonly terminated: bigint;
  /** Of postponedOrSuspended: hoãn (postponed on a ground other than the parties' agreement). */
  readonly postponed: bigint;
  /** Of postponedOrSuspended: tạm đình chỉ. */
  readonly suspended: bigint;
  /** Of inProgress: postponed by the parties' agreement (Art. 48(1)(c)), which stays có điều kiện. */
  readonly postponedByAgreement: bigint;
  /** Money collected in the year so far on cases still on the books at the period end (cases: those with any). */
  readonly collectedOnOpen: bigint;
  /** The ex officio (chủ động) part of: phải thi hành, in progress, postponed or suspended, not enforceable, completed. */
  readonly exOfficioToEnforce: bigint;
  readonly exOfficioInProgress: bigint;
  readonly exOfficioPostponedOrSuspended: bigint;
  readonly exOfficioNotEnforceable: bigint;
  readonly exOfficioCompleted: bigint;
}

export const TALLY_FIELDS = [
  'carriedOver',
  'movedToSeparateRegister',
  'newlyReceived',
  'entrustedOut',
  'takenUp',
  'inProgress',
  'postponedOrSuspended',
  'notEnforceable',
  'fullyEnforced',
  'terminated',
  'postponed',
  'suspended',
  'postponedByAgreement',
  'collectedOnOpen',
  'exOfficioToEnforce',
  'exOfficioInProgress',
  'exOfficioPostponedOrSuspended',
  'exOfficioNotEnforceable',
  'exOfficioCompleted',
] as const satisfies readonly (keyof StatisticsTally)[];

/** A tally of nothing. */
export const EMPTY_TALLY: StatisticsTally = Object.fromEntries(
  TALLY_FIELDS.map((field) => [field, 0n]),
) as unknown as StatisticsTally;

/** Field-by-field sum. */
export function addTallies(left: StatisticsTally, right: StatisticsTally): StatisticsTally {
  return combine(left, right, (a, b) => a + b);
}

/** Field-by-field difference: what changed from `before` to `after`. */
export function subtractTallies(after: StatisticsTally, before: StatisticsTally): StatisticsTally {
  return combine(after, before, (a, b) => a - b);
}

// Field by field, written out: the projection adds and subtracts tallies for every month a changed case touches,
// and building the object from TALLY_FIELDS (Object.fromEntries) showed in its CPU profile (docs/performance.md).
function combine(
  left: StatisticsTally,
  right: StatisticsTally,
  operation: (a: bigint, b: bigint) => bigint,
): StatisticsTally {
  return {
    carriedOver: operation(left.carriedOver, right.carriedOver),
    movedToSeparateRegister: operation(left.movedToSeparateRegister, right.movedToSeparateRegister),
    newlyReceived: operation(left.newlyReceived, right.newlyReceived),
    entrustedOut: operation(left.entrustedOut, right.entrustedOut),
    takenUp: operation(left.takenUp, right.takenUp),
    inProgress: operation(left.inProgress, right.inProgress),
    postponedOrSuspended: operation(left.postponedOrSuspended, right.postponedOrSuspended),
    notEnforceable: operation(left.notEnforceable, right.notEnforceable),
    fullyEnforced: operation(left.fullyEnforced, right.fullyEnforced),
    terminated: operation(left.terminated, right.terminated),
    postponed: operation(left.postponed, right.postponed),
    suspended: operation(left.suspended, right.suspended),
    postponedByAgreement: operation(left.postponedByAgreement, right.postponedByAgreement),
    collectedOnOpen: operation(left.collectedOnOpen, right.collectedOnOpen),
    exOfficioToEnforce: operation(left.exOfficioToEnforce, right.exOfficioToEnforce),
    exOfficioInProgress: operation(left.exOfficioInProgress, right.exOfficioInProgress),
    exOfficioPostponedOrSuspended: operation(left.exOfficioPostponedOrSuspended, right.exOfficioPostponedOrSuspended),
    exOfficioNotEnforceable: operation(left.exOfficioNotEnforceable, right.exOfficioNotEnforceable),
    exOfficioCompleted: operation(left.exOfficioCompleted, right.exOfficioCompleted),
  };
}

/** Every figure of one measure of a report (docs/domain.md). */
export interface CompletionFigures {
  readonly carriedOver: bigint;
  readonly movedToSeparateRegister: bigint;
  readonly newlyReceived: bigint;
  readonly entrustedOut: bigint;
  readonly takenUp: bigint;
  /** Phải thi hành = (carried over − moved to separate register) + newly received − entrusted out − taken up. */
  readonly toEnforce: bigint;
  /** Có điều kiện: in progress + completed (+ postponed or suspended under TT 08/2015). */
  readonly enforceable: bigint;
  readonly notEnforceable: bigint;
  /** Hoãn, tạm đình chỉ; null under TT 08/2015, where these cases are inside `enforceable`. */
  readonly postponedOrSuspended: bigint | null;
  /** Giải quyết xong = fully enforced + terminated (GSO definition). */
  readonly completed: bigint;
  readonly fullyEnforced: bigint;
  readonly terminated: bigint;
  /** Enforceable but not completed (đang thi hành). */
  readonly inProgress: bigint;
  /** Chuyển kỳ sau = phải thi hành − giải quyết xong. */
  readonly carriedToNext: bigint;
  /** Completed / enforceable × 100, e.g. "56.87"; null when nothing is enforceable. */
  readonly completionRate: string | null;
  /** Enforceable / to enforce × 100 (tỷ lệ có điều kiện), e.g. "75.88". */
  readonly enforceableShare: string | null;
  /** Tổng số thụ lý = carried over + newly received. */
  readonly takenOn: bigint;
  /** Hoãn and tạm đình chỉ apart; null under TT 08/2015, where both are inside `enforceable`. */
  readonly postponed: bigint | null;
  readonly suspended: bigint | null;
  /** Postponed by the parties' agreement: inside `enforceable` and `inProgress` (Art. 48(1)(c)). */
  readonly postponedByAgreement: bigint;
  /** Money collected in the year so far on cases not completed (by cases: how many of them). Not completed money. */
  readonly collectedOnOpen: bigint;
  /** The same split for ex officio (chủ động) and on-request (theo đơn) cases. */
  readonly byMode: { readonly exOfficio: ModeFigures; readonly onRequest: ModeFigures };
}

/** The figures of one enforcement mode. */
export interface ModeFigures {
  readonly toEnforce: bigint;
  readonly enforceable: bigint;
  readonly notEnforceable: bigint;
  readonly postponedOrSuspended: bigint | null;
  readonly completed: bigint;
  readonly completionRate: string | null;
}

/** Phải thi hành from the flows of the year (docs/domain.md, ViệcPhảiThiHành). */
export function toEnforceOf(tally: StatisticsTally): bigint {
  return tally.carriedOver - tally.movedToSeparateRegister + tally.newlyReceived - tally.entrustedOut - tally.takenUp;
}

/** Every figure of one measure, under the regime's split. Rates are left null for a difference of tallies. */
export function completionFigures(
  tally: StatisticsTally,
  regime: StatisticsRegime,
  options: { readonly rates?: boolean } = {},
): CompletionFigures {
  const completed = tally.fullyEnforced + tally.terminated;
  // [I] Under TT 08/2015 postponed and suspended cases count as enforceable (two-way split, docs/domain.md).
  const pausedInsideEnforceable = regime.split === 'TWO_WAY' ? tally.postponedOrSuspended : 0n;
  const enforceable = tally.inProgress + pausedInsideEnforceable + completed;
  const toEnforce = toEnforceOf(tally);
  const withRates = options.rates ?? true;
  return {
    carriedOver: tally.carriedOver,
    movedToSeparateRegister: tally.movedToSeparateRegister,
    newlyReceived: tally.newlyReceived,
    entrustedOut: tally.entrustedOut,
    takenUp: tally.takenUp,
    toEnforce,
    enforceable,
    notEnforceable: tally.notEnforceable,
    postponedOrSuspended: regime.split === 'THREE_WAY' ? tally.postponedOrSuspended : null,
    completed,
    fullyEnforced: tally.fullyEnforced,
    terminated: tally.terminated,
    inProgress: enforceable - completed,
    carriedToNext: toEnforce - completed,
    completionRate: withRates ? ratePercent(completed, enforceable) : null,
    enforceableShare: withRates ? ratePercent(enforceable, toEnforce) : null,
    takenOn: tally.carriedOver + tally.newlyReceived,
    postponed: regime.split === 'THREE_WAY' ? tally.postponed : null,
    suspended: regime.split === 'THREE_WAY' ? tally.suspended : null,
    postponedByAgreement: tally.postponedByAgreement,
    collectedOnOpen: tally.collectedOnOpen,
    byMode: byModeOf(tally, regime, withRates),
  };
}

/** Ex officio as tallied, on request as the rest of each figure. */
function byModeOf(tally: StatisticsTally, regime: StatisticsRegime, withRates: boolean): CompletionFigures['byMode'] {
  const mode = (
    toEnforce: bigint,
    inProgress: bigint,
    paused: bigint,
    notEnforceable: bigint,
    completed: bigint,
  ): ModeFigures => {
    const enforceable = inProgress + completed + (regime.split === 'TWO_WAY' ? paused : 0n);
    return {
      toEnforce,
      enforceable,
      notEnforceable,
      postponedOrSuspended: regime.split === 'THREE_WAY' ? paused : null,
      completed,
      completionRate: withRates ? ratePercent(completed, enforceable) : null,
    };
  };
  const exOfficio = mode(
    tally.exOfficioToEnforce,
    tally.exOfficioInProgress,
    tally.exOfficioPostponedOrSuspended,
    tally.exOfficioNotEnforceable,
    tally.exOfficioCompleted,
  );
  const onRequest = mode(
    toEnforceOf(tally) - tally.exOfficioToEnforce,
    tally.inProgress - tally.exOfficioInProgress,
    tally.postponedOrSuspended - tally.exOfficioPostponedOrSuspended,
    tally.notEnforceable - tally.exOfficioNotEnforceable,
    tally.fullyEnforced + tally.terminated - tally.exOfficioCompleted,
  );
  return { exOfficio, onRequest };
}

/**
 * numerator / denominator × 100 in basis points (hundredths of a percent), rounded half-up from exact integers:
 * 4,936 / 8,680 → 5687n. Null when the denominator is 0. Throws RangeError for a negative input.
 */
export function rateBasisPoints(numerator: bigint, denominator: bigint): bigint | null {
  if (numerator < 0n || denominator < 0n)
    throw new RangeError(`A rate of negative quantities: ${numerator} / ${denominator}`);
  if (denominator === 0n) return null;
  // floor(n × 10000 / d + ½) = floor((2 × n × 10000 + d) / (2 × d)): half-up with integer division only.
  return (numerator * 20_000n + denominator) / (2n * denominator);
}

/** numerator / denominator × 100 as a decimal string with 2 decimals ("56.87"), rounded half-up; null for / 0. */
export function ratePercent(numerator: bigint, denominator: bigint): string | null {
  const basisPoints = rateBasisPoints(numerator, denominator);
  return basisPoints === null ? null : formatBasisPoints(basisPoints);
}

/** Completion rate = completed / enforceable × 100 (docs/domain.md, TỷLệXong). */
export function completionRate(completed: bigint, enforceable: bigint): string | null {
  return ratePercent(completed, enforceable);
}

/**
 * Gap to target in percentage points: the published (rounded) rate minus the target, as the reports state it
 * (the Hải Phòng article: 56.87 − 72 = "−15.13"). Null without a rate or a target.
 */
export function gapToTarget(completed: bigint, enforceable: bigint, targetBasisPoints: number | null): string | null {
  const rate = rateBasisPoints(completed, enforceable);
  if (rate === null || targetBasisPoints === null) return null;
  return formatBasisPoints(rate - BigInt(targetBasisPoints));
}

/** 5687n → "56.87", -1513n → "-15.13", 7200 → "72.00". */
export function formatBasisPoints(basisPoints: bigint | number): string {
  const value = BigInt(basisPoints);
  const magnitude = value < 0n ? -value : value;
  return `${value < 0n ? '-' : ''}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, '0')}`;
}
