import {
  completionFigures,
  completionRate,
  EMPTY_TALLY,
  formatBasisPoints,
  gapToTarget,
  ratePercent,
  statisticsRegimeFor,
  subtractTallies,
  addTallies,
  toEnforceOf,
  type StatisticsTally,
} from './statistics';

const BILLION = 1_000_000_000n;
const THREE_WAY = statisticsRegimeFor(2022);
const TWO_WAY = statisticsRegimeFor(2018);

function tally(fields: Partial<StatisticsTally>): StatisticsTally {
  return { ...EMPTY_TALLY, ...fields };
}

describe('completion rate against the published national figures (docs/domain.md)', () => {
  it.each([
    ['2020', 576_933n, 708_674n, '81.41'],
    ['2021', 494_505n, 652_177n, '75.82'],
    ['2022', 539_290n, 653_719n, '82.50'],
    ['2024', 620_657n, 739_974n, '83.88'],
    ['2025', 577_876n, 685_898n, '84.25'],
    ['2018 H1', 241_770n, 459_511n, '52.61'],
  ])('%s by cases: %i / %i = %s', (_year, completed, enforceable, rate) => {
    expect(completionRate(completed, enforceable)).toBe(rate);
  });

  it.each([
    ['2021', 46_328n, 148_456n, '31.21'],
    ['2024', 116_531n, 224_775n, '51.84'],
  ])('%s by money (bn VND, computed in VND): %i / %i = %s', (_year, completed, enforceable, rate) => {
    expect(completionRate(completed * BILLION, enforceable * BILLION)).toBe(rate);
  });

  it('2020 by money gives 40.44, not the published 40.09: the numerator or base differs at the source (Q3)', () => {
    expect(completionRate(53_750_700_000_000n, 132_905_400_000_000n)).toBe('40.44');
  });

  it('Hải Phòng, 8 months of 2018: 4,936 / 8,680 = 56.87, 15.13 points under the 72% target', () => {
    expect(completionRate(4_936n, 8_680n)).toBe('56.87');
    expect(gapToTarget(4_936n, 8_680n, 7200)).toBe('-15.13');
  });

  it('Hải Phòng money: ≈442 of ≈4,950 bn VND = 8.93, 23.07 points under the 32% target', () => {
    expect(completionRate(442n * BILLION, 4_950n * BILLION)).toBe('8.93');
    expect(gapToTarget(442n * BILLION, 4_950n * BILLION, 3200)).toBe('-23.07');
  });

  it('states a gap above target without a sign (2024: 83.88 against 83.25; money 51.84 against 46.45)', () => {
    expect(gapToTarget(620_657n, 739_974n, 8325)).toBe('0.63');
    expect(gapToTarget(116_531n * BILLION, 224_775n * BILLION, 4645)).toBe('5.39');
  });
});

describe('rounding half-up from exact integers', () => {
  it.each([
    ['12.345 exactly rounds up', 2_469n, 20_000n, '12.35'],
    ['0.125 exactly rounds up (banker’s rounding would give 0.12)', 1n, 800n, '0.13'],
    ['0.005 exactly rounds up to the first hundredth', 1n, 20_000n, '0.01'],
    ['just under a half rounds down', 2_468_999n, 20_000_000n, '12.34'],
    ['one third', 1n, 3n, '33.33'],
    ['two thirds', 2n, 3n, '66.67'],
    ['nothing completed', 0n, 5n, '0.00'],
    ['all completed', 5n, 5n, '100.00'],
  ])('%s: %i / %i = %s', (_why, numerator, denominator, rate) => {
    expect(ratePercent(numerator, denominator)).toBe(rate);
  });

  it('is null, never a division by zero, when nothing is enforceable', () => {
    expect(completionRate(0n, 0n)).toBeNull();
    expect(gapToTarget(0n, 0n, 7200)).toBeNull();
  });

  it('has no gap without a target', () => {
    expect(gapToTarget(1n, 2n, null)).toBeNull();
  });

  it('stays exact where a double would not: 686,000 bn VND', () => {
    const enforceable = 686_000n * BILLION + 1n;
    expect(ratePercent(enforceable - 1n, enforceable)).toBe('100.00');
    expect(ratePercent(150_000n * BILLION, 267_000n * BILLION)).toBe('56.18');
  });

  it('refuses negative quantities', () => {
    expect(() => ratePercent(-1n, 2n)).toThrow(RangeError);
  });

  it.each([
    [5687n, '56.87'],
    [-1513n, '-15.13'],
    [7200, '72.00'],
    [5n, '0.05'],
    [-5n, '-0.05'],
    [0n, '0.00'],
  ])('formats %p basis points as %s', (basisPoints, text) => {
    expect(formatBasisPoints(basisPoints)).toBe(text);
  });
});

describe('phải thi hành and its split', () => {
  // 2022: new 547,121 + carried 349,412 − entrusted etc. (35,004 [D]) = 861,529; enforceable 653,719 (75.88%);
  // postponed/suspended 12,135 (1.41%); completed 539,290 (82.50%). Not enforceable is the remainder [D].
  const year2022 = tally({
    carriedOver: 349_412n,
    newlyReceived: 547_121n,
    entrustedOut: 35_004n,
    inProgress: 653_719n - 539_290n,
    fullyEnforced: 539_290n,
    postponedOrSuspended: 12_135n,
    notEnforceable: 861_529n - 653_719n - 12_135n,
  });

  it('2022: (349,412 − 0) + 547,121 − 35,004 − 0 = 861,529 to enforce', () => {
    expect(toEnforceOf(year2022)).toBe(861_529n);
  });

  it('2022 under TT 06/2019: three-way split, 75.88% enforceable, 82.50% completed, 1.41% postponed or suspended', () => {
    const figures = completionFigures(year2022, THREE_WAY);
    expect(figures).toMatchObject({
      toEnforce: 861_529n,
      enforceable: 653_719n,
      postponedOrSuspended: 12_135n,
      notEnforceable: 195_675n,
      completed: 539_290n,
      completionRate: '82.50',
      enforceableShare: '75.88',
    });
    expect(figures.enforceable + figures.notEnforceable + (figures.postponedOrSuspended ?? 0n)).toBe(figures.toEnforce);
    expect(ratePercent(12_135n, figures.toEnforce)).toBe('1.41');
  });

  it('carried to 2022: 843,917 − 494,505 = 349,412 (the carried-over figure reported for 2022)', () => {
    const year2021 = tally({
      carriedOver: 843_917n,
      inProgress: 652_177n - 494_505n,
      fullyEnforced: 494_505n,
      notEnforceable: 843_917n - 652_177n,
    });
    const figures = completionFigures(year2021, THREE_WAY);
    expect(figures.carriedToNext).toBe(349_412n);
    expect(figures.carriedToNext).toBe(year2022.carriedOver);
    expect(figures.completionRate).toBe('75.82');
  });

  it('2018 H1 under TT 08/2015: two-way, postponed and suspended inside enforceable (629,944 = 459,511 + 170,433)', () => {
    const h1 = tally({
      carriedOver: 629_944n,
      inProgress: 459_511n - 241_770n - 4_000n,
      postponedOrSuspended: 4_000n,
      fullyEnforced: 241_770n,
      notEnforceable: 170_433n,
    });
    const figures = completionFigures(h1, TWO_WAY);
    expect(figures).toMatchObject({
      toEnforce: 629_944n,
      enforceable: 459_511n,
      notEnforceable: 170_433n,
      postponedOrSuspended: null,
      completionRate: '52.61',
      enforceableShare: '72.94',
    });
    expect(figures.inProgress).toBe(459_511n - 241_770n);
  });

  it('the same cases under TT 06/2019 take postponed and suspended out of the denominator', () => {
    const cases = tally({
      newlyReceived: 10n,
      inProgress: 5n,
      postponedOrSuspended: 2n,
      fullyEnforced: 2n,
      terminated: 1n,
    });
    expect(completionFigures(cases, TWO_WAY)).toMatchObject({
      enforceable: 10n,
      completed: 3n,
      completionRate: '30.00',
    });
    expect(completionFigures(cases, THREE_WAY)).toMatchObject({
      enforceable: 8n,
      postponedOrSuspended: 2n,
      completed: 3n,
      completionRate: '37.50',
    });
  });

  it('counts fully enforced and terminated apart, both in completed', () => {
    const figures = completionFigures(tally({ newlyReceived: 4n, fullyEnforced: 3n, terminated: 1n }), THREE_WAY);
    expect(figures).toMatchObject({
      completed: 4n,
      fullyEnforced: 3n,
      terminated: 1n,
      carriedToNext: 0n,
      completionRate: '100.00',
    });
  });

  it('takes the separate register out of phải thi hành without putting it in completed', () => {
    const figures = completionFigures(
      tally({ carriedOver: 10n, movedToSeparateRegister: 2n, inProgress: 4n, fullyEnforced: 2n, notEnforceable: 2n }),
      THREE_WAY,
    );
    expect(figures).toMatchObject({ toEnforce: 8n, enforceable: 6n, completed: 2n, carriedToNext: 6n });
  });

  it('leaves rates out of a difference of tallies (an adjustment)', () => {
    const before = tally({ newlyReceived: 2n, inProgress: 2n });
    const after = tally({ newlyReceived: 2n, inProgress: 1n, fullyEnforced: 1n });
    const delta = completionFigures(subtractTallies(after, before), THREE_WAY, { rates: false });
    expect(delta).toMatchObject({
      completed: 1n,
      inProgress: -1n,
      toEnforce: 0n,
      carriedToNext: -1n,
      completionRate: null,
    });
    expect(addTallies(before, subtractTallies(after, before))).toEqual(after);
  });
});

describe('statistics regime by reporting year', () => {
  it.each([
    [2015, 'TT_08_2015', 'TWO_WAY'],
    [2018, 'TT_08_2015', 'TWO_WAY'],
    [2019, 'TT_08_2015', 'TWO_WAY'],
    [2020, 'TT_06_2019', 'THREE_WAY'],
    [2024, 'TT_06_2019', 'THREE_WAY'],
    [2025, 'TT_05_2024', 'THREE_WAY'],
  ])('%i → %s (%s)', (year, id, split) => {
    expect(statisticsRegimeFor(year)).toMatchObject({ id, split });
  });
});
