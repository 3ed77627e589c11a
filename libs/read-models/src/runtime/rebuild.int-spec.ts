import { sql, type Kysely } from 'kysely';
import { testEvent } from '@thads/event-store/conformance';
import type { SqliteEventStore } from '@thads/event-store';
import { auditTrailProjection, auditTrailRow } from '../audit-trail/audit-trail.projection';
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
import { ensureCheckpoint, loadCheckpoint } from './checkpoints';
import { openDeadLetters } from './dead-letters';
import { createProjector, type Projector } from './projector';
import { rebuildProjection, RebuildRefused, RebuildTakenOver } from './rebuild';
import { skipPoisonEvent } from './skip';

/** Version 2 of audit_trail: same columns, roles in upper case, so old and new rows are told apart. */
const auditTrailV2: Projection = {
  ...auditTrailProjection,
  version: 2,
  apply: async (events, trx, tables) => {
    const rows = events.map((event) => ({
      ...auditTrailRow(event),
      actor_role: event.metadata.actor.role.toUpperCase(),
    }));
    await trx
      .insertInto(tables.physical('audit_trail'))
      .values(rows)
      .onConflict((conflict) => conflict.column('position').doNothing())
      .execute();
  },
};

describe('rebuild', () => {
  let files: TempFiles;
  let store: SqliteEventStore;
  let db: Kysely<ReadModelDatabase>;
  const running: Projector[] = [];

  const start = async (projections: readonly Projection[]): Promise<Projector> => {
    const projector = createProjector({
      eventStore: store,
      db,
      projections,
      batchSize: 3,
      logger: recordingLogger(),
      controlPollMs: 0,
    });
    running.push(projector);
    await projector.start();
    return projector;
  };
  const roles = async () =>
    (await db.selectFrom('audit_trail').select('actor_role').orderBy('position').execute()).map(
      (row) => row.actor_role,
    );
  const tables = async () =>
    (
      await sql<{
        name: string;
      }>`select name from sqlite_master where name like 'audit_trail%' and type in ('table', 'view') order by name`.execute(
        db,
      )
    ).rows.map((row) => row.name);

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

  it('readers see the old complete rows during the rebuild and the new ones after the swap', async () => {
    await appendHistory(store, 'A');
    const head = await appendHistory(store, 'B');
    const live = await start([auditTrailProjection]);
    await live.waitForPosition(head);
    await live.stop();
    const oldRows = await rowsOf(db, 'audit_trail');

    const seenDuringRebuild: unknown[][] = [];
    const result = await rebuildProjection({
      eventStore: store,
      db,
      projection: auditTrailV2,
      batchSize: 5,
      onProgress: async () => void seenDuringRebuild.push(await rowsOf(db, 'audit_trail')),
    });

    expect(seenDuringRebuild).toHaveLength(3);
    for (const seen of seenDuringRebuild) expect(seen).toEqual(oldRows);
    expect(result).toMatchObject({ generation: 2, previousGeneration: 1, version: 2, position: head });
    expect(await roles()).toEqual([
      'OFFICER',
      'HEAD',
      'OFFICER',
      'ADMIN',
      'HEAD',
      'ADMIN',
      'OFFICER',
      'HEAD',
      'OFFICER',
      'ADMIN',
      'HEAD',
      'ADMIN',
    ]);
    expect(await tables()).toEqual(['audit_trail', 'audit_trail__g2']);
    expect(await loadCheckpoint(db, 'audit_trail')).toMatchObject({
      position: head,
      version: 2,
      status: 'running',
      activeGeneration: 2,
      rebuildGeneration: null,
    });
  });

  it('a version bump in code rebuilds automatically at start', async () => {
    const head = await appendHistory(store);
    const v1 = await start([auditTrailProjection]);
    await v1.waitForPosition(head);
    await v1.stop();

    const v2 = await start([auditTrailV2]);
    await v2.waitForPosition(head); // waits for rows of version 2, not the old generation's
    expect(await roles()).toEqual(['OFFICER', 'HEAD', 'OFFICER', 'ADMIN', 'HEAD', 'ADMIN']);
    expect(v2.status()).toEqual([
      expect.objectContaining({ status: 'running', version: 2, codeVersion: 2, generation: 2, rebuilding: false }),
    ]);

    // And it goes on live in the new generation.
    const { position } = await store.append(
      'case-HP-A-0001',
      [testEvent('CaseNoted', {}, { actor: { id: 'x', role: 'officer' } })],
      { expectedRevision: 'any' },
    );
    await v2.waitForPosition(position);
    expect((await roles()).at(-1)).toBe('OFFICER');
  });

  it('the live runner keeps the old generation current during a rebuild and continues in the new one after', async () => {
    await appendHistory(store, 'A');
    const live = await start([auditTrailProjection]);
    await live.waitForPosition(await store.headPosition());

    let appendedDuringRebuild = false;
    await rebuildProjection({
      eventStore: store,
      db,
      projection: auditTrailProjection,
      batchSize: 2,
      onProgress: async () => {
        if (appendedDuringRebuild) return;
        appendedDuringRebuild = true;
        const head = await appendHistory(store, 'B');
        await live.waitForPosition(head); // applied to generation 1 while generation 2 is being built
        expect((await rowsOf(db, 'audit_trail')).length).toBe(12);
      },
    });
    await live.refresh();
    const head = await appendHistory(store, 'C');
    await live.waitForPosition(head);

    const rebuiltAndLive = await rowsOf(db, 'audit_trail');
    expect(rebuiltAndLive).toHaveLength(18);
    expect(await tables()).toEqual(['audit_trail', 'audit_trail__g2']);
    const clean = await rebuildProjection({ eventStore: store, db, projection: auditTrailProjection });
    expect(clean.generation).toBe(3);
    expect(await rowsOf(db, 'audit_trail')).toEqual(rebuiltAndLive);
  });

  it('refuses a second rebuild while one is alive; --force takes it over', async () => {
    await appendMany(store, 6);
    await ensureCheckpoint(db, auditTrailProjection, new Date().toISOString());
    let inner: Promise<unknown> | undefined;
    const first = rebuildProjection({
      eventStore: store,
      db,
      projection: auditTrailProjection,
      batchSize: 2,
      onProgress: async () => {
        if (inner) return;
        inner = rebuildProjection({ eventStore: store, db, projection: auditTrailProjection }).catch(
          (error: unknown) => error,
        );
        expect(await inner).toBeInstanceOf(RebuildRefused);
        inner = rebuildProjection({ eventStore: store, db, projection: auditTrailProjection, force: true });
        await inner;
      },
    });
    await expect(first).rejects.toBeInstanceOf(RebuildTakenOver);
    expect(await loadCheckpoint(db, 'audit_trail')).toMatchObject({
      activeGeneration: 3,
      rebuildGeneration: null,
      position: 6n,
    });
    expect(await tables()).toEqual(['audit_trail', 'audit_trail__g3']);
    expect(await rowsOf(db, 'audit_trail')).toHaveLength(6);
  });

  it('passes over skipped events, and a fixed version clears the dead letters it supersedes', async () => {
    await appendMany(store, 2);
    const poison = (
      await store.append('case-BAD-1', [testEvent('CollectionRecorded', { poison: true })], {
        expectedRevision: 'no_stream',
      })
    ).position;
    const head = await appendMany(store, 2);
    const counting = countingProjection('fragile');
    const fragile: Projection = {
      ...counting,
      apply: async (events, trx, names, history) => {
        if (events.some((event) => event.data.poison === true)) throw new TypeError('bad amount');
        await counting.apply(events, trx, names, history);
      },
    };
    const live = await start([fragile]);
    await expect(live.waitForPosition(head)).rejects.toThrow('halted');
    await skipPoisonEvent(db, {
      projection: 'fragile',
      position: poison,
      reason: 'known bad import',
      actor: 'admin-1',
    });
    await live.refresh();
    await live.waitForPosition(head);

    await rebuildProjection({ eventStore: store, db, projection: fragile });
    expect(await countedEvents(db, 'fragile')).toBe(4n); // the skip holds in the rebuild

    // A halted projection whose code is fixed (version 2) is rebuilt at start and its dead letter resolved.
    const other = countingProjection('other');
    const breaking: Projection = {
      ...other,
      apply: async () => void (await Promise.reject(new TypeError('always fails'))),
    };
    const halted = await start([breaking]);
    await expect(halted.waitForPosition(head)).rejects.toThrow('halted');
    await halted.stop();
    const fixed = await start([{ ...other, version: 2 }]);
    await fixed.waitForPosition(head);
    expect(await countedEvents(db, 'other')).toBe(5n);
    expect(await openDeadLetters(db, 'other')).toEqual([]);
    const resolutions = await db
      .selectFrom('projection_dead_letters')
      .select('resolution')
      .where('projection', '=', 'other')
      .execute();
    expect(resolutions).toEqual([{ resolution: 'superseded by rebuild into generation 2 (version 2)' }]);
  });

  it('a poison event in an automatic rebuild halts with a dead letter; the old rows stay; a skip lets it finish', async () => {
    await appendMany(store, 2);
    const poison = (
      await store.append('case-BAD-1', [testEvent('CollectionRecorded', { poison: true })], {
        expectedRevision: 'no_stream',
      })
    ).position;
    const head = await appendMany(store, 2);
    const v1 = countingProjection('strict');
    const first = await start([v1]);
    await first.waitForPosition(head);
    await first.stop();

    const v2: Projection = {
      ...v1,
      version: 2,
      apply: async (events, trx, names, history) => {
        if (events.some((event) => event.data.poison === true)) throw new TypeError('v2 rejects it');
        await v1.apply(events, trx, names, history);
      },
    };
    const second = await start([v2]);
    await expect(second.waitForPosition(head)).rejects.toThrow('halted');
    expect(await countedEvents(db, 'strict')).toBe(5n); // generation 1, version 1, untouched
    expect(await loadCheckpoint(db, 'strict')).toMatchObject({
      status: 'halted',
      version: 1,
      activeGeneration: 1,
      rebuildGeneration: null,
    });
    expect(await openDeadLetters(db, 'strict')).toEqual([
      expect.objectContaining({ position: poison, generation: 2, reason: 'TypeError: v2 rejects it' }),
    ]);

    await skipPoisonEvent(db, { projection: 'strict', position: poison, reason: 'not a collection', actor: 'admin-1' });
    await second.refresh();
    await second.waitForPosition(head);
    expect(await countedEvents(db, 'strict')).toBe(4n);
    expect(await loadCheckpoint(db, 'strict')).toMatchObject({ status: 'running', version: 2, position: head });
  });

  it('never hands a projection an empty batch, even when the remainder holds no event it handles', async () => {
    await appendHistory(store, 'A');
    const counting = countingProjection('received_only');
    const sizes: number[] = [];
    const selective: Projection = {
      ...counting,
      handles: ['CaseReceived'],
      apply: (events, trx, names, history) => (sizes.push(events.length), counting.apply(events, trx, names, history)),
    };
    let appended = false;
    const result = await rebuildProjection({
      eventStore: store,
      db,
      projection: selective,
      batchSize: 4,
      // After the last page and before the swap, an event it does not handle arrives: the swap's remainder.
      onProgress: async ({ position }) => {
        if (position !== 6n || appended) return;
        appended = true;
        await store.append('office-HP', [testEvent('TargetSet')], { expectedRevision: 'any' });
      },
    });
    expect(result.position).toBe(7n);
    expect(sizes).toEqual([1]);
    expect(await countedEvents(db, 'received_only')).toBe(1n);
  });
});
