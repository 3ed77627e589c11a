import { InvalidEventMetadata } from './errors';
import { assertExpectedRevision, validateAppend } from './metadata';

const ID = 'A1B2C3D4-0000-4000-8000-00000000000F';
const metadata = {
  actor: { id: 'u1', role: 'officer' },
  commandId: 'c',
  correlationId: 'r',
  causationId: 'c',
  schemaVersion: 1,
};
const event = (overrides: Record<string, unknown> = {}) => ({
  id: ID,
  type: 'T',
  data: { a: 1 },
  metadata,
  ...overrides,
});

function fieldOf(thunk: () => unknown): string | undefined {
  try {
    thunk();
  } catch (error) {
    if (error instanceof InvalidEventMetadata) return error.field;
    throw error;
  }
  return undefined;
}

describe('validateAppend', () => {
  it('returns a detached, normalised copy: lower-case id, canonical data text, only envelope fields', () => {
    const input = event({
      data: { b: [1], a: 'x' },
      metadata: { ...metadata, reason: undefined, actor: { ...metadata.actor, officeId: undefined } },
    });
    const [validated] = validateAppend('case-1', [input], 'any').events;
    expect(validated.id).toBe(ID.toLowerCase());
    expect(validated.dataJson).toBe('{"a":"x","b":[1]}');
    expect(validated.metadata).toEqual(metadata);
    expect('reason' in validated.metadata).toBe(false);
    (input.data as unknown as { b: number[] }).b.push(2);
    expect(validated.data).toEqual({ a: 'x', b: [1] });
  });

  it.each([
    ['stream', () => validateAppend('', [event()], 'any')],
    ['events', () => validateAppend('s', {} as never, 'any')],
    ['events[0]', () => validateAppend('s', [null as never], 'any')],
    ['events[0].id', () => validateAppend('s', [event({ id: 'abc' })], 'any')],
    ['events[0].type', () => validateAppend('s', [event({ type: '  ' })], 'any')],
    ['events[0].data', () => validateAppend('s', [event({ data: null })], 'any')],
    ['events[0].data.x[0]', () => validateAppend('s', [event({ data: { x: [undefined] } })], 'any')],
    ['events[0].metadata', () => validateAppend('s', [event({ metadata: undefined })], 'any')],
    ['events[0].metadata.actor', () => validateAppend('s', [event({ metadata: { ...metadata, actor: 'u1' } })], 'any')],
    [
      'events[0].metadata.actor.id',
      () => validateAppend('s', [event({ metadata: { ...metadata, actor: { role: 'officer' } } })], 'any'),
    ],
    [
      'events[0].metadata.actor.officeId',
      () =>
        validateAppend('s', [event({ metadata: { ...metadata, actor: { ...metadata.actor, officeId: 7 } } })], 'any'),
    ],
    [
      'events[0].metadata.actor.name',
      () => validateAppend('s', [event({ metadata: { ...metadata, actor: { ...metadata.actor, name: 'x' } } })], 'any'),
    ],
    [
      'events[0].metadata.commandId',
      () => validateAppend('s', [event({ metadata: { ...metadata, commandId: 42 } })], 'any'),
    ],
    [
      'events[0].metadata.schemaVersion',
      () => validateAppend('s', [event({ metadata: { ...metadata, schemaVersion: '1' } })], 'any'),
    ],
    [
      'events[0].metadata.reason',
      () => validateAppend('s', [event({ metadata: { ...metadata, reason: ' ' } })], 'any'),
    ],
    ['events[0].metadata.hash', () => validateAppend('s', [event({ metadata: { ...metadata, hash: 'x' } })], 'any')],
    ['events[0].metadata.extra', () => validateAppend('s', [event({ metadata: { ...metadata, extra: 1 } })], 'any')],
    ['events[1].id', () => validateAppend('s', [event(), event({ id: ID.toLowerCase() })], 'any')],
  ])('names %s', (field, thunk) => {
    expect(fieldOf(thunk)).toBe(field);
  });

  it('accepts every expected-revision form and refuses others', () => {
    for (const ok of ['no_stream', 'stream_exists', 'any', 0n, 7n] as const)
      expect(() => assertExpectedRevision(ok)).not.toThrow();
    expect(() => assertExpectedRevision(1)).toThrow(TypeError);
    expect(() => assertExpectedRevision('latest')).toThrow(TypeError);
    expect(() => assertExpectedRevision(-1n)).toThrow(RangeError);
  });
});
