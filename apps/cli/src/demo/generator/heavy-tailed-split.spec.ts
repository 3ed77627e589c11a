import { shareExactly, splitHeavyTailed } from './heavy-tailed-split';
import { seededRandom } from './seeded-random';

const sum = (amounts: readonly bigint[]) => amounts.reduce((total, amount) => total + amount, 0n);

describe('splitHeavyTailed', () => {
  it.each([
    [4_950_000_000_000n, 8680],
    [442_000_000_000n, 4936],
    [1_234_567n, 7],
    [5n, 9],
    [0n, 3],
  ])('splits %s VND over %s cases to the đồng', (total, count) => {
    const amounts = splitHeavyTailed(total, count, seededRandom(`split ${total}`));
    expect(amounts).toHaveLength(count);
    expect(sum(amounts)).toBe(total);
    expect(amounts.every((amount) => amount >= 0n)).toBe(true);
  });

  it('states amounts in whole thousands of VND when the total allows, with a floor per case', () => {
    const amounts = splitHeavyTailed(300_000_000n, 100, seededRandom('thousands'));
    expect(amounts.every((amount) => amount % 1000n === 0n && amount >= 200_000n)).toBe(true);
  });

  it('is heavy-tailed: the top 1% of 10,000 cases hold more than a tenth of the money', () => {
    const amounts = splitHeavyTailed(10_000_000_000_000n, 10_000, seededRandom('tail')).sort((a, b) =>
      a > b ? -1 : a < b ? 1 : 0,
    );
    expect(sum(amounts.slice(0, 100)) * 10n > 10_000_000_000_000n).toBe(true);
  });

  it('is deterministic for a seed', () => {
    expect(splitHeavyTailed(10n ** 12n, 50, seededRandom('same'))).toEqual(
      splitHeavyTailed(10n ** 12n, 50, seededRandom('same')),
    );
  });

  it('refuses money without cases', () => {
    expect(() => splitHeavyTailed(1n, 0, seededRandom('x'))).toThrow('1 VND cannot be split over 0 cases');
  });
});

describe('shareExactly', () => {
  it('gives the leftover units to the largest remainders, ties to the earlier index', () => {
    expect(shareExactly(10n, [1n, 1n, 1n])).toEqual([4n, 3n, 3n]);
    expect(shareExactly(7n, [2n, 1n])).toEqual([5n, 2n]);
  });
});
