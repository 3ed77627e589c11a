import { seededRandom } from './seeded-random';

describe('seededRandom', () => {
  it('repeats its sequence for the same seed and not for another', () => {
    const draw = (seed: string) =>
      Array.from(
        { length: 5 },
        (() => {
          const random = seededRandom(seed);
          return () => random.next();
        })(),
      );
    expect(draw('hai-phong-2018')).toEqual(draw('hai-phong-2018'));
    expect(draw('hai-phong-2018')).not.toEqual(draw('hai-phong-2019'));
  });

  it('forks named streams that do not depend on how much the parent drew', () => {
    const parent = seededRandom('seed');
    const before = parent.fork('office/HP').next();
    parent.next();
    parent.next();
    expect(parent.fork('office/HP').next()).toBe(before);
  });

  it('stays inside its ranges', () => {
    const random = seededRandom('ranges');
    for (let n = 0; n < 1000; n += 1) {
      const value = random.next();
      expect(value >= 0 && value < 1).toBe(true);
      expect([3, 4, 5]).toContain(random.integer(3, 5));
      expect(Number.isFinite(random.normal())).toBe(true);
    }
    expect(
      random.weighted([
        ['never', 0],
        ['always', 1],
      ]),
    ).toBe('always');
  });
});
