/**
 * Every fault case is seeded and replayable: the seed comes from FAULT_SEED when set, else a fresh random one, and is
 * printed with the fault, the attempts and the outcome, so a failing run can be repeated exactly:
 *
 *     FAULT_SEED=123456 npm run test:faults -- -t 'kill -9 of the API'
 */
import { randomInt } from 'node:crypto';

/** The run's seed: FAULT_SEED, or a random 31-bit integer. */
export function faultSeed(): number {
  const fromEnv = process.env.FAULT_SEED;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!/^\d+$/.test(fromEnv)) throw new Error(`FAULT_SEED must be a whole number, got "${fromEnv}"`);
    return Number(fromEnv) % 2 ** 31;
  }
  return randomInt(2 ** 31);
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same moments, bodies and orders. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One fault case's report, written straight to stderr (not through jest's console), so CI logs show it. */
export class FaultLog {
  readonly seed = faultSeed();
  readonly random = seededRandom(this.seed);
  private readonly started = Date.now();

  constructor(readonly fault: string) {
    this.line(`seed=${this.seed} (replay: FAULT_SEED=${this.seed} npm run test:faults -- -t '${fault}')`);
  }

  /** A whole number in [min, max]. */
  between(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  attempt(index: number, what: string): void {
    this.line(`attempt ${index}: ${what}`);
  }

  outcome(summary: string): void {
    this.line(`outcome: ${summary} (${((Date.now() - this.started) / 1000).toFixed(1)} s)`);
  }

  line(text: string): void {
    process.stderr.write(`[fault] ${this.fault}: ${text}\n`);
  }
}
