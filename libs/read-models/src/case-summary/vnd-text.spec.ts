import { VND_TEXT_WIDTH, vndFromText, vndToText } from './vnd-text';

describe('VND as fixed-width text', () => {
  it('round-trips amounts beyond 64 bits exactly', () => {
    for (const amount of [0n, 1n, 850_000_000n, 2n ** 63n, 10n ** 29n + 7n]) {
      const text = vndToText(amount);
      expect(text).toHaveLength(VND_TEXT_WIDTH);
      expect(vndFromText(text)).toBe(amount);
    }
  });

  it('orders as text exactly as the amounts order as numbers', () => {
    const amounts = [45_000_000n, 2_200_000_000n, 9n, 0n, 123_456_789_012_345_678_901n, 120_000_000n];
    const byText = [...amounts].sort((a, b) => (vndToText(a) < vndToText(b) ? -1 : 1));
    expect(byText).toEqual([...amounts].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('refuses a negative amount or one wider than the column', () => {
    expect(() => vndToText(-1n)).toThrow(RangeError);
    expect(() => vndToText(10n ** 30n)).toThrow(RangeError);
  });
});
