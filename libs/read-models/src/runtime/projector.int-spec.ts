import type { Kysely } from 'kysely';
import { testEvent } from '@thads/event-store/conformance';
import type { RecordedEvent, SqliteEventStore } from '@thads/event-store';
import { auditTrailProjection } from '../audit-trail/audit-trail.projection';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Projection } from '../projection';
import {
  appendHistory,
  appendMany,
  countedEvents,
  countingProjection,
  openEvents,
  openReadModels,
  recordingLogger,
  rowsOf,
  tempFiles,
  type TempFiles,
} from '../testing/read-model-fixtures';
import { loadCheckpoint } from './checkpoints';
import { ProjectionHalted } from './position-waiters';
import { projectionHealth, readModelPosition } from './projection-status';
import { createProjector, type Projector } from './projector';
import { listSkips, skipPoisonEvent, SkipRefused } from './skip';

/** Counts events, but cannot digest one whose data says `poison: true` (a bad payload). */
function fragileProjection(): Projection {
  const counting = countingProjection('fragile');
  return {
    ...counting,
    apply: async (events, trx, tables, history) => {
      const poison = events.find((event) => event.data.poison === true);
      if (poison) throw new TypeError(`cannot decode ${poison.type}: amount is not a decimal string`);
      await counting.apply(events, trx, tables, history);
    },
  };
}

describe('projector runtime', () => {
  let files: TempFiles;
  let store: SqliteEventStore;
  let db: Kysely<ReadModelDatabase>;
  const running: Projector[] = [];

  const start = async (projections: readonly Projection[], batchSize = 4): Promise<Projector> => {
    const projector = createProjector({
      eventStore: store,
      db,
      projections,
      batchSize,
      logger: recordingLogger(),
      controlPollMs: 0,
    });
    running.push(projector);
    await projector.start();
    return projector;
  };

  beforeEach(async () => {
    files = tempFiles();
    store = openEvents(files);
    db = await openReadModels(files);
  });

  afterEach(async () => {
    for (const projector of running.splice(0)) await projector.stop();
    await db.destroy();
    await store.close();
    files.remove();
  });

  it('catches up from an empty checkpoint, then follows live appends', async () => {
    const head = await appendMany(store, 10);
    const projector = await start([countingProjection()]);
    await projector.waitForPosition(head);
    expect(await countedEvents(db)).toBe(10n);

    const { position } = await store.append('case-LIVE-1', [testEvent('Noted')], { expectedRevision: 'no_stream' });
    await projector.waitForPosition(position);
    expect(await countedEvents(db)).toBe(11n);
    expect(await readModelPosition(db, 'event_count')).toBe(position);
    expect(projector.status()).toEqual([
      expect.objectContaining({ name: 'event_count', status: 'running', position, lag: 0n, deadLetters: [] }),
    ]);
  });

  it('resumes from its checkpoint after a restart, applying nothing twice', async () => {
    const first = await start([countingProjection()]);
    await first.waitForPosition(await appendMany(store, 7));
    await first.stop();

    const head = await appendMany(store, 5);
    const second = await start([countingProjection()]);
    await second.waitForPosition(head);
    expect(await countedEvents(db)).toBe(12n);
  });

  it('applies events in batches of at most batchSize, without waiting to fill a batch', async () => {
    const sizes: number[] = [];
    const counting = countingProjection();
    const recording: Projection = {
      ...counting,
      apply: (events, trx, tables, history) => (
        sizes.push(events.length),
        counting.apply(events, trx, tables, history)
      ),
    };
    const head = await appendMany(store, 10);
    const projector = await start([recording], 4);
    await projector.waitForPosition(head);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(10);

    // One live event is applied at once, as a batch of one: the runner does not wait for more.
    const { position } = await store.append('case-LIVE-1', [testEvent('Noted')], { expectedRevision: 'no_stream' });
    await projector.waitForPosition(position);
    expect(sizes[sizes.length - 1]).toBe(1);
  });

  it('commits each batch to all its projections in one transaction (one fsync per batch, not one per projection)', async () => {
    const batches: number[] = [];
    const projector = createProjector({
      eventStore: store,
      db,
      projections: [countingProjection('first'), countingProjection('second'), auditTrailProjection],
      batchSize: 4,
      logger: recordingLogger(),
      controlPollMs: 0,
      onBatchCommitted: () => batches.push(batches.length),
    });
    running.push(projector);
    await projector.start();
    const transactions = jest.spyOn(db, 'transaction');
    await projector.waitForPosition(await appendMany(store, 10));
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(transactions).toHaveBeenCalledTimes(batches.length);
    expect([await countedEvents(db, 'first'), await countedEvents(db, 'second')]).toEqual([10n, 10n]);
    expect((await rowsOf(db, 'audit_trail')).length).toBe(10);
  });

  it('feeds a projection only the event types and categories it handles, but moves its checkpoint past all', async () => {
    const seen: RecordedEvent[] = [];
    const counting = countingProjection('complaints_only');
    const selective: Projection = {
      ...counting,
      handles: ['$ce-complaint', 'TargetSet'],
      apply: (events, trx, tables, history) => (seen.push(...events), counting.apply(events, trx, tables, history)),
    };
    const head = await appendHistory(store);
    const projector = await start([selective]);
    await projector.waitForPosition(head);
    expect(seen.map((event) => event.type)).toEqual(['ComplaintFiled', 'ComplaintAccepted', 'TargetSet']);
    expect(await readModelPosition(db, 'complaints_only')).toBe(head);
  });

  describe('a poison event', () => {
    async function appendWithPoisonAt3(): Promise<{ poison: bigint; head: bigint }> {
      await appendMany(store, 2);
      const poison = (
        await store.append('case-BAD-1', [testEvent('CollectionRecorded', { poison: true })], {
          expectedRevision: 'no_stream',
        })
      ).position;
      const head = await appendMany(store, 3);
      return { poison, head };
    }

    it('halts only its projection and lands in the dead letters with the reason; health shows it', async () => {
      const { poison, head } = await appendWithPoisonAt3();
      const projector = await start([fragileProjection(), auditTrailProjection]);

      await projector.waitForPosition(head, 60_000, ['audit_trail']);
      expect((await rowsOf(db, 'audit_trail')).length).toBe(6);
      await expect(projector.waitForPosition(head, 60_000, ['fragile'])).rejects.toBeInstanceOf(ProjectionHalted);
      // Everything before the poison event was applied; nothing after it.
      expect(await countedEvents(db, 'fragile')).toBe(2n);
      expect(await loadCheckpoint(db, 'fragile')).toMatchObject({ status: 'halted', position: poison - 1n });

      const status = projector.status().find((entry) => entry.name === 'fragile');
      expect(status).toMatchObject({ status: 'halted', position: poison - 1n, lag: head - poison + 1n });
      expect(status?.deadLetters).toEqual([
        expect.objectContaining({
          position: poison,
          eventType: 'CollectionRecorded',
          stream: 'case-BAD-1',
          reason: 'TypeError: cannot decode CollectionRecorded: amount is not a decimal string',
          resolvedAt: null,
        }),
      ]);
      const health = await projectionHealth(db, head);
      expect(health.status).toBe('degraded');
      expect(health.projections.find((entry) => entry.name === 'fragile')).toMatchObject({
        status: 'halted',
        position: String(poison - 1n),
        lag: String(head - poison + 1n),
        deadLetters: [
          expect.objectContaining({ position: String(poison), reason: expect.stringContaining('cannot decode') }),
        ],
      });
      expect(health.projections.find((entry) => entry.name === 'audit_trail')).toMatchObject({
        status: 'running',
        lag: '0',
        deadLetters: [],
      });
    });

    it('is passed over only by a skip with a reason, which is recorded and resumes the projection', async () => {
      const { poison, head } = await appendWithPoisonAt3();
      const projector = await start([fragileProjection(), auditTrailProjection]);
      await projector.waitForPosition(head, 60_000, ['audit_trail']);
      await expect(projector.waitForPosition(head, 60_000, ['fragile'])).rejects.toBeInstanceOf(ProjectionHalted);

      await expect(
        skipPoisonEvent(db, { projection: 'fragile', position: poison, reason: '  ', actor: 'admin-1' }),
      ).rejects.toBeInstanceOf(SkipRefused);
      await expect(
        skipPoisonEvent(db, { projection: 'fragile', position: poison + 1n, reason: 'wrong one', actor: 'admin-1' }),
      ).rejects.toThrow(`has no unresolved dead letter at position ${poison + 1n} (open: ${poison})`);
      const skip = await skipPoisonEvent(db, {
        projection: 'fragile',
        position: poison,
        reason: 'Payload corrupted by import; re-entered as event 9',
        actor: 'admin-1',
      });
      await projector.refresh();
      await projector.waitForPosition(head, 60_000, ['fragile']);

      expect(await countedEvents(db, 'fragile')).toBe(5n);
      expect(await listSkips(db, 'fragile')).toEqual([skip]);
      expect(skip).toMatchObject({
        position: poison,
        eventType: 'CollectionRecorded',
        actor: 'admin-1',
        reason: 'Payload corrupted by import; re-entered as event 9',
      });
      const health = await projectionHealth(db, head);
      expect(health.status).toBe('ok');
      const resolved = await db
        .selectFrom('projection_dead_letters')
        .select(['resolved_at', 'resolution'])
        .executeTakeFirstOrThrow();
      expect(resolved.resolution).toBe('skipped by admin-1: Payload corrupted by import; re-entered as event 9');
      // A second skip of the same event is refused: nothing is halted there any more.
      await expect(
        skipPoisonEvent(db, { projection: 'fragile', position: poison, reason: 'again', actor: 'admin-1' }),
      ).rejects.toBeInstanceOf(SkipRefused);
    });
  });
});
