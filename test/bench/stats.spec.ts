import { evaluate, median, percentile } from './stats';

describe('bench arithmetic', () => {
  it('takes the median of odd and even sample counts without reordering the input', () => {
    const samples = [5, 1, 3];
    expect(median(samples)).toBe(3);
    expect(samples).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });

  it('takes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });

  it('passes a ratio target only when value / baseline reaches the bound', () => {
    const passing = evaluate('appends', 'appends/s', [900, 1100, 1000], { kind: 'ratio-at-least', bound: 5 }, 200);
    expect(passing).toMatchObject({ value: 1000, baseline: 200, ratio: 5, pass: true, target: 'ratio >= 5' });
    const failing = evaluate('appends', 'appends/s', [999], { kind: 'ratio-at-least', bound: 5 }, 200);
    expect(failing).toMatchObject({ ratio: 4.995, pass: false });
  });

  it('fails a ratio target that has no baseline to compare with', () => {
    expect(evaluate('pg', 'appends/s', [10], { kind: 'ratio-at-least', bound: 0.5 }, null)).toMatchObject({
      ratio: null,
      pass: false,
    });
  });

  it('passes an at-most target on the value itself and still reports the ratio to a baseline', () => {
    const result = evaluate('p99', 'ms', [2, 1.5, 3], { kind: 'at-most', bound: 2 }, 4);
    expect(result).toMatchObject({ value: 2, ratio: 0.5, pass: true, target: '<= 2 ms' });
    expect(evaluate('p99', 'ms', [2.1], { kind: 'at-most', bound: 2 })).toMatchObject({ pass: false, ratio: null });
  });
});
