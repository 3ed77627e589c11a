import { canonicalJson, isPlainObject, NonJsonValueError } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives one text whatever the insertion order', () => {
    expect(canonicalJson({ x: 1, y: 2, z: 3 })).toBe(canonicalJson({ z: 3, x: 1, y: 2 }));
  });

  it('orders keys by UTF-16 code units, as RFC 8785 does', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, '10': 4, '9': 5, '': 6 })).toBe('{"":6,"10":4,"9":5,"Z":3,"z":2,"é":1}');
  });

  it('writes strings and numbers as JSON.stringify does (RFC 8785 number form)', () => {
    expect(canonicalJson(['tiếng Việt', '"\\\n\u0001', 1e21, 0.1, -0, 1.5e-7, 100])).toBe(
      '["tiếng Việt","\\"\\\\\\n\\u0001",1e+21,0.1,0,1.5e-7,100]',
    );
  });

  it('accepts objects without a prototype and from another realm', () => {
    const bare = Object.assign(Object.create(null) as object, { a: 1 });
    expect(canonicalJson(bare)).toBe('{"a":1}');
    expect(canonicalJson(structuredClone({ a: [{ b: 1 }] }))).toBe('{"a":[{"b":1}]}');
  });

  it.each([
    ['undefined', { a: undefined }, '.a'],
    ['bigint', { amount: 10n }, '.amount'],
    ['NaN', [1, NaN], '[1]'],
    ['Infinity', { x: { y: Infinity } }, '.x.y'],
    ['a function', { f: () => 1 }, '.f'],
    ['a symbol', { s: Symbol('s') }, '.s'],
    ['a Date', { when: new Date(0) }, '.when'],
    ['a Map', { m: new Map() }, '.m'],
    ['an array hole', { list: Object.assign(new Array<number>(3), { 0: 1, 2: 3 }) }, '.list[1]'],
    ['a class instance', { v: new (class Money {})() }, '.v'],
    ['an odd key', { 'odd key': undefined }, '["odd key"]'],
    ['an empty key', { '': undefined }, '[""]'],
    ['a value deep inside', { items: [{ amount: 1 }, { amount: NaN }] }, '.items[1].amount'],
  ])('rejects %s, naming its path', (_label, value, path) => {
    const error = (() => {
      try {
        canonicalJson(value);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(NonJsonValueError);
    expect((error as NonJsonValueError).path).toBe(path);
  });

  it('rejects cycles but accepts the same object twice side by side', () => {
    const shared = { n: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"n":1},"b":{"n":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(NonJsonValueError);
  });

  it('round-trips through JSON.parse to the same text', () => {
    const value = { z: [1.25, 'a', null, { y: false }], a: -3 };
    const text = canonicalJson(value);
    expect(canonicalJson(JSON.parse(text))).toBe(text);
  });

  it('tells plain objects from everything else', () => {
    expect([{}, Object.create(null), structuredClone({})].map(isPlainObject)).toEqual([true, true, true]);
    expect([[], null, new Date(), 'x', new (class A {})()].map(isPlainObject)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
