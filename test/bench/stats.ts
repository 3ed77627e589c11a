/**
 * The arithmetic of the bench, kept apart from the measuring so a unit test can check it: medians and percentiles of
 * samples, and how a metric's value, baseline and target become a ratio and a pass.
 */

/** The middle sample (mean of the two middle ones for an even count). Throws on no samples: a metric must measure. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile (p in 0–100): the smallest sample with at least p% of the samples at or below it. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('percentile of no samples');
  if (p < 0 || p > 100) throw new RangeError(`percentile must be 0–100, got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/**
 * A target: `ratio-at-least` compares value/baseline with the bound (throughputs against a baseline of the same
 * run); `at-most` compares the value itself (latencies, memory, flatness), and `ratio` is then value/baseline for
 * information when a baseline is given.
 */
export type Target =
  { readonly kind: 'ratio-at-least'; readonly bound: number } | { readonly kind: 'at-most'; readonly bound: number };

/** One metric as `--json` prints it. `baseline` and `ratio` are null where the target has no baseline. */
export interface MetricResult {
  readonly value: number;
  readonly unit: string;
  readonly baseline: number | null;
  readonly ratio: number | null;
  readonly target: string;
  readonly pass: boolean;
  /** What was measured, in words, and the per-run samples behind the median. */
  readonly description: string;
  readonly samples: readonly number[];
}

/** Builds a metric from its per-run samples (median taken here) and its baseline's median. */
export function evaluate(
  description: string,
  unit: string,
  samples: readonly number[],
  target: Target,
  baseline: number | null = null,
): MetricResult {
  const value = median(samples);
  const ratio = baseline === null || baseline === 0 ? null : value / baseline;
  const pass = target.kind === 'ratio-at-least' ? ratio !== null && ratio >= target.bound : value <= target.bound;
  return {
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    ratio: ratio === null ? null : round(ratio),
    target: target.kind === 'ratio-at-least' ? `ratio >= ${target.bound}` : `<= ${target.bound} ${unit}`,
    pass,
    description,
    samples: samples.map(round),
  };
}

/** Three significant decimals are plenty for rates and milliseconds, and keep the JSON readable. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
