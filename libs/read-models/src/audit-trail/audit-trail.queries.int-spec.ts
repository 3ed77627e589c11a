import type { Kysely } from 'kysely';
import { testEvent } from '@thads/event-store/conformance';
import { createSqliteEventStore, type SqliteEventStore } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import { createProjector, type Projector } from '../runtime/projector';
import {
  appendHistory,
  openReadModels,
  recordingLogger,
  tempFiles,
  type TempFiles,
} from '../testing/read-model-fixtures';
import { auditTrailProjection } from './audit-trail.projection';
import { InvalidAuditTrailQuery, queryAuditTrail } from './audit-trail.queries';

describe('queryAuditTrail', () => {
  let files: TempFiles;
  let store: SqliteEventStore;
  let db: Kysely<ReadModelDatabase>;
  let projector: Projector;
  let clock: Date;

  beforeEach(async () => {
    files = tempFiles();
    // A pinned, advancing clock gives every event a known recordedAt: one minute apart from 2026-03-01T00:00Z.
    clock = new Date('2026-03-01T00:00:00.000Z');
    store = createSqliteEventStore({
      filename: files.eventsFile,
      now: () => (clock = new Date(clock.getTime() + 60_000)),
    });
    db = await openReadModels(files);
    await appendHistory(store, 'A'); // positions 1–6, recorded 00:01–00:06
    await appendHistory(store, 'B'); // positions 7–12, recorded 00:07–00:12
    projector = createProjector({
      eventStore: store,
      db,
      projections: [auditTrailProjection],
      logger: recordingLogger(),
      controlPollMs: 0,
    });
    await projector.start();
    await projector.waitForPosition(await store.headPosition());
  });

  afterEach(async () => {
    await projector.stop();
    await db.destroy();
    await store.close();
    files.remove();
  });

  const types = (page: { entries: readonly { eventType: string }[] }) => page.entries.map((entry) => entry.eventType);

  it('filters by case, including complaint events of that case', async () => {
    const page = await queryAuditTrail(db, { caseId: 'HP-B-0001' });
    expect(types(page)).toEqual([
      'CaseReceived',
      'EnforcementDecisionIssued',
      'ComplaintFiled',
      'ClericalFactCorrected',
      'ComplaintAccepted',
    ]);
    expect(page.entries.every((entry) => entry.position >= 7n)).toBe(true);
    expect(page.position).toBe(12n);
    expect(page.nextCursor).toBeNull();
  });

  it('filters by actor, office and event type, combined', async () => {
    expect(types(await queryAuditTrail(db, { actorId: 'admin-1' }))).toEqual([
      'ClericalFactCorrected',
      'TargetSet',
      'ClericalFactCorrected',
      'TargetSet',
    ]);
    expect((await queryAuditTrail(db, { officeId: 'HP-NGO-QUYEN' })).entries).toHaveLength(8);
    const filed = await queryAuditTrail(db, { eventType: 'ComplaintFiled', caseId: 'HP-A-0001' });
    expect(filed.entries.map((entry) => [entry.position, entry.caseId, entry.effectiveDate])).toEqual([
      [3n, 'HP-A-0001', '2018-03-12'],
    ]);
  });

  it('filters by recorded-time range: from inclusive, to exclusive', async () => {
    const page = await queryAuditTrail(db, { from: '2026-03-01T00:03:00Z', to: '2026-03-01T07:05:00+07:00' });
    expect(page.entries.map((entry) => entry.position)).toEqual([3n, 4n]);
    expect((await queryAuditTrail(db, { from: '2026-03-01', to: '2026-03-02' })).entries).toHaveLength(12);
    expect((await queryAuditTrail(db, { from: '2026-03-02' })).entries).toHaveLength(0);
  });

  it('pages by cursor without gaps or repeats', async () => {
    const seen: bigint[] = [];
    let cursor: string | undefined;
    do {
      const page = await queryAuditTrail(db, { limit: 5, cursor });
      seen.push(...page.entries.map((entry) => entry.position));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 12 }, (_, n) => BigInt(n + 1)));
  });

  it('states the position it reflects, so a caller can wait for its own write', async () => {
    const { position } = await store.append(
      'case-HP-A-0001',
      [testEvent('CaseNoted', { effectiveDate: '2018-04-01' })],
      { expectedRevision: 'any' },
    );
    await projector.waitForPosition(position);
    const page = await queryAuditTrail(db, { caseId: 'HP-A-0001', eventType: 'CaseNoted' });
    expect(page.position).toBe(position);
    expect(page.entries.map((entry) => entry.position)).toEqual([position]);
  });

  it('refuses a bad limit, cursor or time bound, naming the field', async () => {
    for (const [query, field] of [
      [{ limit: 0 }, 'limit'],
      [{ limit: 1001 }, 'limit'],
      [{ cursor: 'abc' }, 'cursor'],
      [{ from: 'yesterday' }, 'from'],
      [{ to: '2026-13-45' }, 'to'],
    ] as const) {
      const error = await queryAuditTrail(db, query).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InvalidAuditTrailQuery);
      expect((error as InvalidAuditTrailQuery).field).toBe(field);
    }
  });
});
