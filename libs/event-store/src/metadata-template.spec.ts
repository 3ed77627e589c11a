import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import type { EventMetadataInput } from './event-store';
import { fillMetadata, metadataTemplate } from './metadata-template';

const text = fc.string({ unit: 'binary', maxLength: 12 });
const metadata: fc.Arbitrary<EventMetadataInput> = fc.record(
  {
    actor: fc.record({ id: text, role: text, officeId: text }, { requiredKeys: ['id', 'role'] }),
    commandId: text,
    correlationId: text,
    causationId: text,
    schemaVersion: fc.integer({ min: 1, max: 1000 }),
    reason: text,
    commandDigest: text,
  },
  { requiredKeys: ['actor', 'commandId', 'correlationId', 'causationId', 'schemaVersion'] },
);

describe('metadataTemplate and fillMetadata', () => {
  it('filled in, is the canonical JSON of the stored metadata, with and without the hash', () => {
    fc.assert(
      fc.property(metadata, fc.stringMatching(/^[0-9a-f]{64}$/), (input, hash) => {
        const recordedAt = '2026-07-01T01:02:03.456Z';
        const prevHash = '0'.repeat(64);
        const template = metadataTemplate(input);
        expect(fillMetadata(template, hash, prevHash, recordedAt)).toBe(
          canonicalJson({ ...input, hash, prevHash, recordedAt }),
        );
        expect(fillMetadata(template, undefined, prevHash, recordedAt)).toBe(
          canonicalJson({ ...input, prevHash, recordedAt }),
        );
      }),
    );
  });

  it('refuses any other shape, naming the field', () => {
    const odd = fc.record({
      zone: fc.jsonValue(),
      schemaVersion: fc.oneof(fc.constant(2.5), fc.constant('1'), fc.constant(2 ** 53)),
      actor: fc.oneof(fc.record({ id: text, role: text, team: text }), fc.record({ id: fc.integer(), role: text })),
      reason: fc.constant(undefined),
    });
    const keys = fc.subarray(['zone', 'schemaVersion', 'actor', 'reason'] as const, { minLength: 1 });
    fc.assert(
      fc.property(metadata, odd, keys, (input, values, chosen) => {
        const mixed = Object.assign({}, input, ...chosen.map((key) => ({ [key]: values[key] })));
        expect(() => metadataTemplate(mixed)).toThrow(
          /^metadata is not the validated envelope: "(zone|schemaVersion|actor|actor\.team|reason)"/,
        );
      }),
    );
  });

  it('names what is wrong', () => {
    const envelope = { actor: { id: 'a', role: 'officer' }, commandId: 'c', correlationId: 'c', causationId: 'c' };
    const refusal = (value: object) => () => metadataTemplate(value as unknown as EventMetadataInput);
    expect(refusal({ actor: {}, kind: 'x' })).toThrow('"kind" is not an envelope field');
    expect(refusal(Object.assign({ kind: 'x', schemaVersion: 1 }, envelope))).toThrow(
      '"kind" is not an envelope field',
    );
    expect(refusal(Object.assign({}, envelope, { actor: undefined, schemaVersion: 1 }))).toThrow(
      '"actor" is not a plain object',
    );
    expect(refusal(Object.assign({}, envelope, { schemaVersion: 1, commandId: 7 }))).toThrow(
      '"commandId" is not a string',
    );
    expect(
      refusal(Object.assign({}, envelope, { schemaVersion: 1, actor: { id: 'a', role: 'r', officeId: 3 } })),
    ).toThrow('"actor.officeId" is not a string');
  });
});
