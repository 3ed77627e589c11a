/// <reference types="jest" />
/**
 * Conformance: the envelope is enforced (a bad event refuses its whole batch), recordedAt belongs to the store, and
 * the hash chain is intact and tamper-evident.
 */
import type { EventStore, EventToAppend, RecordedEvent } from '../event-store';
import { GENESIS_HASH, verifyChain } from '../hash-chain';
import { expectInvalidMetadata, testEvent, testEvents, testMetadata } from './fixtures';

/** Declares the envelope and hash-chain tests; `store()` returns the store of the current test. */
export function integrityConformance(store: () => EventStore): void {
  describe('envelope metadata', () => {
    const withoutField = (field: string): EventToAppend => {
      const metadata: Record<string, unknown> = { ...testMetadata() };
      delete metadata[field];
      return { ...testEvent(), metadata } as unknown as EventToAppend;
    };

    it.each(['actor', 'commandId', 'correlationId', 'causationId', 'schemaVersion'])(
      'an append without %s fails and writes nothing',
      async (field) => {
        await expectInvalidMetadata(
          store().append('case-1', [testEvent(), withoutField(field)], { expectedRevision: 'any' }),
          `events[1].metadata.${field}`,
        );
        await expect(store().readStream('case-1')).rejects.toMatchObject({ name: 'StreamNotFound' });
        expect(await store().headPosition()).toBe(-1n);
      },
    );

    it('names the malformed field: actor role, schemaVersion, id, type, data, a client-set recordedAt', async () => {
      const append = (event: unknown) =>
        store().append('case-1', [event as EventToAppend], { expectedRevision: 'any' });
      const valid = testEvent();
      await expectInvalidMetadata(
        append({ ...valid, metadata: testMetadata({ actor: { id: 'u1', role: '' } }) }),
        'events[0].metadata.actor.role',
      );
      await expectInvalidMetadata(
        append({ ...valid, metadata: testMetadata({ schemaVersion: 1.5 }) }),
        'events[0].metadata.schemaVersion',
      );
      await expectInvalidMetadata(
        append({ ...valid, metadata: testMetadata({ schemaVersion: 0 }) }),
        'events[0].metadata.schemaVersion',
      );
      await expectInvalidMetadata(
        append({ ...valid, metadata: { ...testMetadata(), recordedAt: '2000-01-01T00:00:00.000Z' } }),
        'events[0].metadata.recordedAt',
      );
      await expectInvalidMetadata(append({ ...valid, id: 'not-a-uuid' }), 'events[0].id');
      await expectInvalidMetadata(append({ ...valid, type: '' }), 'events[0].type');
      await expectInvalidMetadata(append({ ...valid, data: [1] }), 'events[0].data');
      await expectInvalidMetadata(append({ ...valid, data: { amount: 10n } }), 'events[0].data.amount');
      await expectInvalidMetadata(append({ ...valid, data: { when: new Date(0) } }), 'events[0].data.when');
      await expectInvalidMetadata(append({ ...valid, data: { n: NaN } }), 'events[0].data.n');
      await expectInvalidMetadata(
        store().append('case-1', [valid, valid], { expectedRevision: 'any' }),
        'events[1].id',
      );
      expect(await store().headPosition()).toBe(-1n);
    });

    it('sets recordedAt itself, as ISO-8601 UTC at commit time', async () => {
      const before = Date.now();
      await store().append('case-1', testEvents(2), { expectedRevision: 'no_stream' });
      const after = Date.now();
      for (const event of await store().readStream('case-1')) {
        expect(event.metadata.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        const recorded = Date.parse(event.metadata.recordedAt);
        expect(recorded).toBeGreaterThanOrEqual(before);
        expect(recorded).toBeLessThanOrEqual(after);
      }
    });
  });

  describe('hash chain', () => {
    const appendAcrossGroups = async () => {
      await store().append('case-1', testEvents(2), { expectedRevision: 'no_stream' });
      // Issued together (one group on SQLite), then one by one (separate groups).
      await Promise.all([
        store().append('case-1', testEvents(2), { expectedRevision: 1n }),
        store().append('case-2', testEvents(3), { expectedRevision: 'no_stream' }),
        store().append('case-1', testEvents(1), { expectedRevision: 3n }),
      ]);
      await store().append('case-2', testEvents(1), { expectedRevision: 2n });
      await store().append('case-1', testEvents(1), { expectedRevision: 4n });
    };

    it('links every event to its predecessor from genesis, across groups and streams', async () => {
      await appendAcrossGroups();
      const stream = await store().readStream('case-1');
      expect(stream).toHaveLength(6);
      expect(stream[0].metadata.prevHash).toBe(GENESIS_HASH);
      stream.forEach((event, i) => {
        expect(event.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
        if (i > 0) expect(event.metadata.prevHash).toBe(stream[i - 1].metadata.hash);
      });
      expect(verifyChain(stream)).toEqual({ ok: true });
      expect(verifyChain(await store().readStream('case-2'))).toEqual({ ok: true });
      expect(verifyChain(await store().readAll())).toEqual({ ok: true });
    });

    it('verifyChain detects a tampered copy: data, metadata, reordering, a move to another stream', async () => {
      await appendAcrossGroups();
      const original = await store().readStream('case-1');
      const copy = (): RecordedEvent[] => structuredClone(original) as RecordedEvent[];
      const at = (events: RecordedEvent[], i: number, change: (event: Record<string, unknown>) => void) => {
        const edited = { ...events[i] } as Record<string, unknown>;
        change(edited);
        events[i] = edited as unknown as RecordedEvent;
        return events;
      };

      const dataEdited = verifyChain(at(copy(), 3, (e) => (e.data = { n: 99 })));
      expect(dataEdited).toMatchObject({
        ok: false,
        brokenAt: { revision: 3n, id: original[3].id, kind: 'hash', actual: original[3].metadata.hash },
      });
      const actorEdited = verifyChain(
        at(copy(), 2, (e) => (e.metadata = { ...original[2].metadata, actor: { id: 'someone-else', role: 'admin' } })),
      );
      expect(actorEdited).toMatchObject({ ok: false, brokenAt: { revision: 2n, kind: 'hash' } });
      const moved = verifyChain(at(copy(), 0, (e) => (e.stream = 'case-9')));
      expect(moved).toMatchObject({ ok: false, brokenAt: { revision: 0n, kind: 'hash' } });

      const removed = copy();
      removed.splice(1, 1);
      expect(verifyChain(removed)).toMatchObject({ ok: false, brokenAt: { id: original[2].id } });
      const swapped = copy();
      [swapped[1], swapped[2]] = [swapped[2], swapped[1]];
      expect(verifyChain(swapped)).toMatchObject({ ok: false, brokenAt: { id: original[2].id } });
      expect(verifyChain(original)).toEqual({ ok: true });
    });
  });
}
