import fc from 'fast-check';
import { fingerprintOf, stableJson } from './command-fingerprint';

describe('fingerprintOf', () => {
  it('is the same whatever the order of object keys, at any depth', () => {
    expect(fingerprintOf({ b: 1, a: { d: 2, c: 3 } })).toBe(fingerprintOf({ a: { c: 3, d: 2 }, b: 1 }));
  });

  it('keeps the order of array elements', () => {
    expect(fingerprintOf(['x', 'y'])).not.toBe(fingerprintOf(['y', 'x']));
  });

  it('writes bigints as decimal strings', () => {
    expect(fingerprintOf({ amount: 5n })).toBe(fingerprintOf({ amount: '5' }));
  });

  it('is the digest stored commands already carry (a known answer: a retry must still match)', () => {
    expect(fingerprintOf({ b: 2n, a: ['x', { d: 1, c: null }] })).toBe(
      '1a8425a9a15c2485acc637ecbdb09407d26adc52b1e5c8965c2c71cae5d3f5e9',
    );
  });
});

describe('stableJson', () => {
  /** The text fingerprints were first made from: the one every stored commandDigest was hashed from. */
  const firstDefinition = (value: unknown): string =>
    JSON.stringify(value, (_key, inner: unknown) => {
      if (typeof inner === 'bigint') return inner.toString();
      if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
      const entries = Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return Object.fromEntries(entries);
    }) ?? 'undefined';

  it('writes what the first definition wrote, for any value', () => {
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withMap: true,
      withSet: true,
      key: fc.oneof(fc.string(), fc.constantFrom('0', '1', '10', '9', '01', '-1', '4294967295', 'toJSON', '__proto__')),
    });
    fc.assert(
      fc.property(anything, (value) => expect(stableJson(value)).toBe(firstDefinition(value))),
      { numRuns: 2000 },
    );
  });

  it('writes the awkward cases as the first definition did', () => {
    const awkward: unknown[] = [
      undefined,
      () => 1,
      { b: undefined, a: () => 1, c: Symbol('s'), d: 1 },
      [undefined, () => 1, , 2], // eslint-disable-line no-sparse-arrays
      { 10: 'a', 9: 'b', x: 'c', '01': 'd' },
      { when: new Date(Date.UTC(2018, 2, 1)) },
      { own: { toJSON: () => ({ z: 1, a: 2 }) } },
      Object.assign(Object.create(null) as object, { b: 1, a: 2 }),
      { n: [NaN, -0, 1e21, Infinity], big: [2n ** 70n, -5n] },
      { text: 'Thi hành án “quote” \u{1F600} \u0000 \\ "' },
    ];
    for (const value of awkward) expect(stableJson(value)).toBe(firstDefinition(value));
  });
});
