import { createHash } from 'node:crypto';
import type { RecordedEvent } from './event-store';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import {
  computeEventHash,
  GENESIS_HASH,
  hashMaterial,
  hashMaterialOfTexts,
  sealEvents,
  verifyChain,
  type HashableEvent,
} from './hash-chain';
import { validateAppend } from './metadata';

const ID_0 = '0b7e3a52-6a0e-4d3f-9d2c-7f5b3c1e9a01';
const ID_1 = '0b7e3a52-6a0e-4d3f-9d2c-7f5b3c1e9a02';
const metadata = {
  actor: { id: 'officer-1', role: 'officer', officeId: 'hn-01' },
  commandId: 'cmd-1',
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  schemaVersion: 1,
};

function sealed(): RecordedEvent[] {
  const request = validateAppend(
    'case-42',
    [
      { id: ID_0, type: 'CaseReceived', data: { amount: '1500000', court: 'TAND Hà Nội' }, metadata },
      { id: ID_1, type: 'CaseDecided', data: {}, metadata: { ...metadata, reason: 'r' } },
    ],
    'no_stream',
  );
  return sealEvents('case-42', request.events, undefined, '2026-07-01T02:03:04.005Z').map(
    ({ dataJson: _d, ...event }, i) => ({ ...event, position: BigInt(i + 1) }),
  );
}

describe('hash chain', () => {
  it('hashes prevHash ‖ canonical JSON of id, stream, revision, type, data and metadata without hash (pinned)', () => {
    const [first] = sealed();
    const material =
      '{"data":{"amount":"1500000","court":"TAND Hà Nội"},"id":"0b7e3a52-6a0e-4d3f-9d2c-7f5b3c1e9a01",' +
      '"metadata":{"actor":{"id":"officer-1","officeId":"hn-01","role":"officer"},"causationId":"cmd-1","commandId":"cmd-1",' +
      `"correlationId":"corr-1","prevHash":"${GENESIS_HASH}","recordedAt":"2026-07-01T02:03:04.005Z","schemaVersion":1},` +
      '"revision":"0","stream":"case-42","type":"CaseReceived"}';
    expect(hashMaterial(first)).toBe(material);
    const expected = createHash('sha256')
      .update(GENESIS_HASH + material, 'utf8')
      .digest('hex');
    expect(first.metadata.hash).toBe(expected);
    // Pinned (cross-checked with Python's hashlib): changing the material breaks every stored chain.
    expect(first.metadata.hash).toBe('ad26fd1026b2e8bd884215057bd152e41118789088ad471adf5f66d698b76d48');
  });

  it('writes the same hash material from already canonical data as from the event (any JSON data, any strings)', () => {
    const text = fc.string({ unit: 'grapheme' });
    fc.assert(
      fc.property(
        fc.dictionary(text, fc.jsonValue()),
        text,
        text,
        text,
        fc.bigInt({ min: 0n, max: 2n ** 62n }),
        (data, stream, type, reason, revision) => {
          const event = {
            id: ID_0,
            stream,
            revision,
            type,
            data: JSON.parse(canonicalJson(data)) as HashableEvent['data'],
            metadata: { ...metadata, reason, recordedAt: '2026-07-01T02:03:04.005Z', prevHash: GENESIS_HASH },
          };
          expect(hashMaterialOfTexts(event, canonicalJson(event.data), canonicalJson(event.metadata))).toBe(
            hashMaterial(event),
          );
        },
      ),
    );
  });

  it('starts at 64 zeros and links each event to the previous one', () => {
    const [first, second] = sealed();
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
    expect(first.metadata.prevHash).toBe(GENESIS_HASH);
    expect(second.metadata.prevHash).toBe(first.metadata.hash);
    expect(second.revision).toBe(1n);
    expect(computeEventHash(second)).toBe(second.metadata.hash);
  });

  it('continues a chain from a stream head', () => {
    const [first] = sealed();
    const request = validateAppend('case-42', [{ id: ID_1, type: 'X', data: {}, metadata }], 0n);
    const [next] = sealEvents(
      'case-42',
      request.events,
      { revision: 0n, hash: first.metadata.hash },
      '2026-07-01T00:00:00.000Z',
    );
    expect(next.revision).toBe(1n);
    expect(next.metadata.prevHash).toBe(first.metadata.hash);
  });

  describe('verifyChain', () => {
    it('accepts an intact chain, an empty list, and a slice that starts mid-stream', () => {
      const events = sealed();
      expect(verifyChain(events)).toEqual({ ok: true });
      expect(verifyChain([])).toEqual({ ok: true });
      expect(verifyChain(events.slice(1))).toEqual({ ok: true });
    });

    it('reports a content change as a hash break with expected (recomputed) and actual (stored) hashes', () => {
      const events = sealed();
      const tampered = { ...events[1], data: { forged: true } };
      const result = verifyChain([events[0], tampered]);
      expect(result).toEqual({
        ok: false,
        brokenAt: {
          stream: 'case-42',
          revision: 1n,
          id: ID_1,
          kind: 'hash',
          expected: computeEventHash(tampered),
          actual: events[1].metadata.hash,
        },
      });
    });

    it('reports a forged genesis link, a re-hashed edit and a missing event as broken links', () => {
      const events = sealed();
      const badGenesis = { ...events[0], metadata: { ...events[0].metadata, prevHash: 'f'.repeat(64) } };
      expect(verifyChain([badGenesis])).toMatchObject({
        ok: false,
        brokenAt: { revision: 0n, kind: 'prevHash', expected: GENESIS_HASH },
      });
      // An attacker who re-hashes the edited event still breaks the link of the next one.
      const edited = { ...events[0], data: { amount: '1' } };
      const rehashed = { ...edited, metadata: { ...edited.metadata, hash: computeEventHash(edited) } };
      expect(verifyChain([rehashed, events[1]])).toMatchObject({
        ok: false,
        brokenAt: { revision: 1n, kind: 'prevHash' },
      });
      expect(verifyChain([events[1], events[0]])).toMatchObject({
        ok: false,
        brokenAt: { revision: 0n, kind: 'revision', expected: '2', actual: '0' },
      });
    });

    it('verifies interleaved streams independently', () => {
      const a = sealed();
      const b = sealed().map((event) => ({ ...event, stream: 'case-43' }));
      // b is not re-sealed for its new stream, so it must fail while a passes.
      expect(verifyChain([a[0], a[1]])).toEqual({ ok: true });
      expect(verifyChain([a[0], b[0], a[1]])).toMatchObject({
        ok: false,
        brokenAt: { stream: 'case-43', revision: 0n, kind: 'hash' },
      });
    });

    it('reports unhashable content instead of throwing', () => {
      const [first] = sealed();
      const broken = { ...first, data: { n: Number.NaN } };
      expect(verifyChain([broken])).toMatchObject({
        ok: false,
        brokenAt: { kind: 'hash', expected: '(content is not canonical JSON)' },
      });
    });
  });
});
