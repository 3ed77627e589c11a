/**
 * fast-check generators of hostile command bodies. Every body is wrong by construction (an extra field, a wrong type,
 * bad bytes, a bad media type, too deep, too large), so the only right answer is a 4xx problem.
 */
import fc from 'fast-check';

/** A request body as sent on the wire, and why it is hostile. */
export interface HostileBody {
  readonly kind: string;
  readonly contentType: string | undefined;
  readonly payload: string | Buffer;
}

/** The JSON-schema properties of a command body (from the OpenAPI document), with their declared type if any. */
export type BodyProperties = Readonly<Record<string, { readonly type?: string }>>;

const CONTROL = fc.constantFrom('\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u000b');
const json = (kind: string, value: unknown): HostileBody => ({
  kind,
  contentType: 'application/json',
  payload: JSON.stringify(value),
});

/** A value of another JSON type than `type` (never null: an optional field treats null as absent). */
function wrongTypeFor(type: string | undefined): fc.Arbitrary<unknown> {
  const string = fc.string({ minLength: 1, maxLength: 20 }).map((text) => `x${text}`);
  const byType: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { minLength: 1, maxLength: 3 }), fc.object()),
    number: fc.oneof(string, fc.boolean(), fc.object()),
    integer: fc.oneof(string, fc.boolean(), fc.double({ min: 0.1, max: 0.9 })),
    boolean: fc.oneof(string, fc.integer(), fc.object()),
    array: fc.oneof(string, fc.integer(), fc.boolean()),
    object: fc.oneof(string, fc.integer(), fc.boolean(), fc.array(fc.integer(), { minLength: 1, maxLength: 3 })),
  };
  return byType[type ?? 'object'] ?? byType.object;
}

/** Hostile bodies for a command whose body declares `properties`. */
export function hostileBodies(properties: BodyProperties, bodyLimit: number): fc.Arbitrary<HostileBody> {
  const names = Object.keys(properties);
  const extraKey = fc.oneof(
    fc.string({ minLength: 1, maxLength: 12 }).map((key) => `zz${key}`),
    fc.constantFrom('constructor', 'prototype', 'isAdmin', 'actor', 'recordedAt', 'hash'),
  );
  const someRealFields = fc
    .subarray(names)
    .chain((picked) => fc.record(Object.fromEntries(picked.map((name) => [name, fc.jsonValue({ maxDepth: 2 })]))));
  const arbitraries: fc.Arbitrary<HostileBody>[] = [
    // JSON that is not an object: arrays, strings, numbers, booleans, null.
    fc
      .jsonValue({ maxDepth: 3 })
      .filter((value) => typeof value !== 'object' || value === null || Array.isArray(value))
      .map((value) => json('not an object', value)),
    // Extra fields beside real ones.
    fc
      .tuple(someRealFields, fc.dictionary(extraKey, fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 4 }))
      .map(([real, extra]) => json('extra fields', { ...real, ...extra })),
    // Prototype pollution, written as raw text so the keys really are on the wire.
    fc
      .constantFrom(
        '{"__proto__":{"isAdmin":true}}',
        '{"constructor":{"prototype":{"isAdmin":true}}}',
        '{"a":1,"__proto__":{"roles":["admin"]}}',
      )
      .map((payload) => ({ kind: 'prototype pollution', contentType: 'application/json', payload })),
    // Nesting far past the limit, up to 100,000 levels.
    fc.tuple(fc.integer({ min: 33, max: 100_000 }), fc.boolean()).map(([depth, arrays]) => ({
      kind: `nested ${depth} levels`,
      contentType: 'application/json',
      payload: arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
    })),
    // Larger than the body limit: one huge string, or a huge array.
    fc.tuple(fc.integer({ min: 1, max: 2 }), fc.boolean()).map(([times, asString]) => {
      const size = bodyLimit * times + 10;
      return asString
        ? json('huge string', { [names[0] ?? 'x']: 'x'.repeat(size) })
        : json('huge array', { items: new Array(Math.ceil(size / 2)).fill(0) });
    }),
    // Wrong media types and charsets.
    fc
      .tuple(
        fc.constantFrom(
          'text/plain',
          'application/xml',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/json; charset=latin1',
          'application/json; charset=utf-16',
          'text/json',
        ),
        someRealFields,
      )
      .map(([contentType, body]) => ({
        kind: `content-type ${contentType}`,
        contentType,
        payload: JSON.stringify(body),
      })),
    // Invalid UTF-8 inside a string.
    fc
      .constantFrom(Buffer.from([0xff, 0xfe]), Buffer.from([0xc3, 0x28]), Buffer.from([0xed, 0xa0, 0x80]))
      .map((bad) => ({
        kind: 'invalid UTF-8',
        contentType: 'application/json',
        payload: Buffer.concat([Buffer.from(`{"${names[0] ?? 'x'}":"a`), bad, Buffer.from('b"}')]),
      })),
    // NUL and control characters in a string value.
    fc
      .tuple(fc.constantFrom(...(names.length ? names : ['x'])), fc.string({ maxLength: 8 }), CONTROL)
      .map(([name, text, control]) => json('control character', { [name]: `${text}${control}${text}` })),
  ];
  // A wrong type in at least one declared field.
  if (names.length) {
    arbitraries.push(
      fc
        .constantFrom(...names)
        .chain((name) =>
          wrongTypeFor(properties[name].type).map((value) => json(`wrong type for ${name}`, { [name]: value })),
        ),
    );
  }
  return fc.oneof(...arbitraries);
}

/** Hostile query values: control characters, huge strings, repeated parameters, prototype keys, unknown names. */
export function hostileQuery(parameters: readonly string[]): fc.Arbitrary<string> {
  const value = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.tuple(fc.string({ maxLength: 5 }), CONTROL).map(([text, control]) => `${text}${control}`),
    fc.integer({ min: 5_000, max: 20_000 }).map((length) => 'x'.repeat(length)),
    fc.constantFrom('-1', '1e999', 'NaN', '999999999999999999999', '2018-02-30', 'true', '[]', '{}', '%00'),
  );
  const name = fc.oneof(
    fc.constantFrom(...(parameters.length ? parameters : ['limit'])),
    fc.constantFrom('__proto__', 'constructor', '__proto__[roles]', 'zz-unknown'),
  );
  return fc
    .array(fc.tuple(name, value), { minLength: 1, maxLength: 4 })
    .map((pairs) => pairs.map(([key, text]) => `${encodeURIComponent(key)}=${encodeURIComponent(text)}`).join('&'));
}
