/// <reference types="jest" />
/**
 * Conformance: subscribeToAll catches up, then goes live, with no gap and no duplicate across the switch.
 * These tests never sleep: they wait for events, and appends are triggered by what the subscriber has received.
 */
import type { EventStore } from '../event-store';
import { positionsOf, take, testEvent, testEvents } from './fixtures';

/** Declares the subscription tests; `store()` returns the store of the current test. */
export function subscriptionConformance(store: () => EventStore): void {
  describe('subscribeToAll', () => {
    it('switches from catch-up to live with no gap and no duplicate', async () => {
      for (let i = 0; i < 6; i++) await store().append(`case-${i % 2}`, testEvents(1), { expectedRevision: 'any' });
      const appending: Promise<unknown>[] = [];
      // Appends race the catch-up: triggered while the subscriber is still reading history, and again once live.
      const received = await take(store().subscribeToAll(), 16, (_event, index) => {
        if (index === 0) {
          appending.push(
            Promise.all(
              [0, 1, 2, 3, 4].map((n) =>
                store().append(`complaint-${n}`, testEvents(1), { expectedRevision: 'no_stream' }),
              ),
            ),
          );
        }
        if (index === 8) appending.push(store().append('case-0', testEvents(5), { expectedRevision: 'any' }));
      });
      await Promise.all(appending);
      const all = await store().readAll();
      expect(all).toHaveLength(16);
      expect(positionsOf(received)).toEqual(positionsOf(all));
    });

    it('starts strictly after fromPosition and applies the filter in both phases', async () => {
      await store().append('case-1', [testEvent('CaseReceived'), testEvent('AssetSeized')], {
        expectedRevision: 'no_stream',
      });
      await store().append('complaint-1', [testEvent('ComplaintFiled')], { expectedRevision: 'no_stream' });
      await store().append('case-2', [testEvent('CaseReceived')], { expectedRevision: 'no_stream' });
      const [first] = await store().readAll({ maxCount: 1 });
      const subscription = store().subscribeToAll({
        fromPosition: first.position,
        filter: { eventTypes: ['CaseReceived', 'ComplaintFiled'] },
      });
      const received = await take(subscription, 4, async (_event, index) => {
        if (index === 1) {
          await store().append('case-3', [testEvent('AssetSeized'), testEvent('CaseReceived')], {
            expectedRevision: 'no_stream',
          });
          await store().append('complaint-2', [testEvent('ComplaintFiled')], { expectedRevision: 'no_stream' });
        }
      });
      expect(received.map((event) => `${event.stream}:${event.type}`)).toEqual([
        'complaint-1:ComplaintFiled',
        'case-2:CaseReceived',
        'case-3:CaseReceived',
        'complaint-2:ComplaintFiled',
      ]);
    });

    it('delivers an event appended while the subscriber waits live', async () => {
      const iterator = store().subscribeToAll()[Symbol.asyncIterator]();
      const next = iterator.next();
      const { position } = await store().append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
      expect((await next).value?.position).toBe(position);
      await iterator.return?.();
    });

    it('ends when its AbortSignal aborts, even while waiting live', async () => {
      await store().append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
      const controller = new AbortController();
      const iterator = store().subscribeToAll({ signal: controller.signal })[Symbol.asyncIterator]();
      expect((await iterator.next()).done).toBe(false);
      const waiting = iterator.next();
      controller.abort();
      await expect(waiting).resolves.toEqual({ done: true, value: undefined });
    });

    it('yields nothing for an already aborted signal', async () => {
      await store().append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
      const iterator = store().subscribeToAll({ signal: AbortSignal.abort() })[Symbol.asyncIterator]();
      expect((await iterator.next()).done).toBe(true);
    });
  });
}
