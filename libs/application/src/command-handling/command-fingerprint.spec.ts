import { fingerprintOf } from './command-fingerprint';

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
