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

  it('writes metadata with fields beyond the envelope, or of other types, as canonical JSON too', () => {
    const extra = fc.record({
      zone: fc.jsonValue(),
      schemaVersion: fc.oneof(fc.integer(), fc.constant(2.5), fc.constant('1')),
      actor: fc.oneof(fc.record({ id: text, role: text, team: text }), fc.record({ id: fc.integer(), role: text })),
    });
    fc.assert(
      fc.property(metadata, extra, fc.subarray(['zone', 'schemaVersion', 'actor'] as const), (input, odd, keys) => {
        const mixed = Object.assign({}, input, ...keys.map((key) => ({ [key]: odd[key] })));
        const prevHash = 'f'.repeat(64);
        const recordedAt = '2026-07-01T01:02:03.456Z';
        expect(fillMetadata(metadataTemplate(mixed), undefined, prevHash, recordedAt)).toBe(
          canonicalJson(Object.assign({}, mixed, { prevHash, recordedAt })),
        );
      }),
    );
  });

  it('refuses metadata it cannot cut', () => {
    expect(() => metadataTemplate({ schemaVersion: 1 } as unknown as EventMetadataInput)).toThrow(/before "hash"/);
    expect(() => metadataTemplate({ actor: {}, kind: 'x' } as unknown as EventMetadataInput)).toThrow(/"kind"/);
    const envelope = { actor: { id: 'a', role: 'officer' }, commandId: 'c', correlationId: 'c', causationId: 'c' };
    const withKind = Object.assign({ kind: 'x', schemaVersion: 1 }, envelope) as unknown as EventMetadataInput;
    expect(() => metadataTemplate(withKind)).toThrow(/"kind"/);
  });
});
