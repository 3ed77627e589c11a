/**
 * Splits a total of VND over a number of cases with a heavy tail (docs/domain.md: money is highly concentrated;
 * a few cases hold most of it), and exactly: the parts are bigint and always add up to the total to the đồng.
 */
import type { SeededRandom } from './seeded-random';

/** σ of the log-normal weights: 1.6 gives the top 1% of cases about a fifth of the money (1 − Φ(2.33 − 1.6) ≈ 0.23) [I]. */
export const DEFAULT_SIGMA = 1.6;
/** Every case owes at least this much when the total allows it: a court fee is rarely below 200,000 VND. */
const SMALLEST_CASE_VND = 200_000n;
/** Float weights become integers at this resolution before the exact bigint arithmetic. */
const WEIGHT_RESOLUTION = 1_000_000_000;

/**
 * `count` amounts adding up to exactly `total`: log-normal shares on top of a small floor per case. Amounts are whole
 * thousands of VND when the total is (real decisions rarely state đồng), in no particular order.
 */
export function splitHeavyTailed(total: bigint, count: number, random: SeededRandom, sigma = DEFAULT_SIGMA): bigint[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number, got ${count}`);
  if (total < 0n) throw new RangeError(`total must not be negative, got ${total}`);
  if (count === 0) {
    if (total !== 0n) throw new RangeError(`${total} VND cannot be split over 0 cases`);
    return [];
  }
  const cases = BigInt(count);
  const unit = total % 1000n === 0n && total / 1000n >= cases ? 1000n : 1n;
  const units = total / unit;
  // The floor is the smallest case, but never more than a tenth of the average: the tail needs room.
  const floor = minBigint(SMALLEST_CASE_VND / unit, units / cases / 10n);
  const spread = units - floor * cases;
  const weights = Array.from({ length: count }, () => Math.exp(sigma * random.normal()));
  const largest = Math.max(...weights);
  const integerWeights = weights.map((weight) =>
    BigInt(Math.max(1, Math.round((weight / largest) * WEIGHT_RESOLUTION))),
  );
  return shareExactly(spread, integerWeights).map((share) => (floor + share) * unit);
}

/**
 * Largest-remainder apportionment (Hamilton's method) in bigint: floor(spread × w / Σw) each, then one more unit to
 * the largest remainders until the total is reached. Ties go to the earlier index, so the result is deterministic.
 */
export function shareExactly(spread: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((total, weight) => total + weight, 0n);
  const shares = weights.map((weight) => (spread * weight) / sum);
  let left = spread - shares.reduce((total, share) => total + share, 0n);
  const byRemainder = weights
    .map((weight, index) => ({ index, remainder: (spread * weight) % sum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (left === 0n) break;
    shares[index] += 1n;
    left -= 1n;
  }
  return shares;
}

function minBigint(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
