import { sql } from 'kysely';
import { auditTrailProjection } from '../audit-trail/audit-trail.projection';
import { queryAuditTrail } from '../audit-trail/audit-trail.queries';
import { InvalidReadModelUrl, openReadModelDatabase } from '../database/open-read-model-database';
import { migrateReadModels } from '../migrations/migrate-read-models';
import { appendHistory, openEvents, recordingLogger, tempFiles } from '../testing/read-model-fixtures';
import { startProjectorRuntime } from './embedded-projector';

describe('startProjectorRuntime (what apps/projector and the API run)', () => {
  it('opens the read-model file with WAL and synchronous=FULL, migrates, projects and closes', async () => {
    const files = tempFiles();
    const store = openEvents(files);
    const head = await appendHistory(store);
    const runtime = await startProjectorRuntime({
      eventStore: store,
      readModelUrl: `sqlite:${files.readModelFile}`,
      projections: [auditTrailProjection],
      logger: recordingLogger(),
    });
    await runtime.projector.waitForPosition(head);

    const { db } = runtime.readModels;
    expect((await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db)).rows[0].journal_mode).toBe('wal');
    expect((await sql<{ synchronous: bigint }>`pragma synchronous`.execute(db)).rows[0].synchronous).toBe(2n); // FULL
    expect(await migrateReadModels(db)).toEqual([]); // already migrated, and a second run is harmless
    expect((await queryAuditTrail(db)).entries).toHaveLength(6);

    await runtime.close();
    await store.close();
    files.remove();
  });

  it('refuses a READ_MODEL_URL it cannot serve, naming the variable', () => {
    expect(() => openReadModelDatabase('mysql://localhost/read')).toThrow(InvalidReadModelUrl);
    expect(() => openReadModelDatabase('postgres://localhost/read?schema=Bad-Name')).toThrow(
      'READ_MODEL_URL: schema "Bad-Name"',
    );
    expect(() => openReadModelDatabase('sqlite:')).toThrow('READ_MODEL_URL: sqlite: needs a file path');
  });
});
