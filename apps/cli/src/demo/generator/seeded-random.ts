/**
 * A seeded pseudo-random generator for the demo: the same seed always gives the same scenario, on any machine, so a
 * demo run can be reproduced and a failing case found again. sfc32 seeded by cyrb128 (both public domain, small and
 * well tested); nothing here reads Math.random or the clock.
 */

/** Deterministic random choices. */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** A whole number from min to max, both included. */
  integer(min: number, max: number): number;
  /** True with probability `probability`. */
  chance(probability: number): boolean;
  /** One element, uniformly. */
  pick<Item>(items: readonly Item[]): Item;
  /** One element, with probability proportional to its weight. */
  weighted<Item>(choices: readonly (readonly [Item, number])[]): Item;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** An independent generator for a named sub-stream: the same name always gives the same stream. */
  fork(name: string): SeededRandom;
}

/** A generator for `seed`. */
export function seededRandom(seed: string): SeededRandom {
  const [a, b, c, d] = cyrb128(seed);
  const next = sfc32(a, b, c, d);
  // Discard the first outputs: sfc32's state mixes poorly for the first few rounds.
  for (let i = 0; i < 15; i += 1) next();
  const random: SeededRandom = {
    next,
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)];
    },
    weighted: (choices) => {
      const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
      let point = next() * total;
      for (const [item, weight] of choices) {
        point -= weight;
        if (point < 0) return item;
      }
      return choices[choices.length - 1][0];
    },
    normal: () => {
      const u = 1 - next(); // (0, 1]: log(0) would be -Infinity
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    fork: (name) => seededRandom(`${seed}/${name}`),
  };
  return random;
}

/** 128-bit string hash (bryc, public domain): four 32-bit seeds from any string. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** Small Fast Counter (Chris Doty-Humphrey, public domain), 32-bit. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
