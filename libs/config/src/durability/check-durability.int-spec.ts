import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import { createPostgresEventStore, createSqliteEventStore } from '@thads/event-store';
import { adminPool, describeWithPostgres, randomSchemaName } from '@thads/event-store/postgres/postgres-test-support';
import { openReadModelDatabase, readModelKysely, openSqliteReadModelFile } from '@thads/read-models';
import { checkDurability } from './check-durability';
import { UnsafeDurability } from './durability-rules';

const quiet = { log: () => undefined, warn: () => undefined };

describe('checkDurability on real SQLite files', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'thads-durability-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('passes the event store and read models as the engine opens them (WAL, FULL)', async () => {
    const store = createSqliteEventStore({ filename: join(dir, 'events.db') });
    const readModels = openReadModelDatabase(`sqlite:${join(dir, 'read.db')}`);
    try {
      const report = await checkDurability({
        eventStore: { store, url: `sqlite:${join(dir, 'events.db')}` },
        readModels: { db: readModels.db, url: readModels.url },
        allowUnsafe: false,
        logger: quiet,
      });
      expect(report.outcome).toBe('safe');
      expect(report.stores.map((s) => [s.variable, s.settings])).toEqual([
        ['EVENT_STORE_URL', { journal_mode: 'wal', synchronous: '2' }],
        ['READ_MODEL_URL', { journal_mode: 'wal', synchronous: '2' }],
      ]);
    } finally {
      await readModels.close();
      await store.close();
    }
  });

  it('reads back what the connection really runs with: synchronous=NORMAL on the read models is refused', async () => {
    const store = createSqliteEventStore({ filename: join(dir, 'events.db') });
    const file = openSqliteReadModelFile(join(dir, 'read.db'));
    file.pragma('synchronous = NORMAL');
    const db = readModelKysely(file);
    try {
      const check = checkDurability({
        eventStore: { store, url: 'sqlite:events.db' },
        readModels: { db, url: 'sqlite:read.db' },
        allowUnsafe: false,
        logger: quiet,
      });
      await expect(check).rejects.toThrow(UnsafeDurability);
      await expect(check).rejects.toThrow(/READ_MODEL_URL \(read models\) has synchronous=1, safe: FULL \(2\)/);
    } finally {
      await db.destroy();
      await store.close();
    }
  });

  it('refuses an in-memory event store (journal_mode=memory) unless ALLOW_UNSAFE_DURABILITY=true', async () => {
    const store = createSqliteEventStore({ filename: ':memory:' });
    const warnings: string[] = [];
    try {
      const options = {
        eventStore: { store, url: 'sqlite::memory:' },
        logger: { log: () => undefined, warn: (line: string) => warnings.push(line) },
      };
      await expect(checkDurability({ ...options, allowUnsafe: false })).rejects.toThrow(
        /EVENT_STORE_URL \(event store\) has journal_mode=memory/,
      );
      expect((await checkDurability({ ...options, allowUnsafe: true })).outcome).toBe('unsafe-allowed');
      expect(warnings).toEqual([expect.stringMatching(/^UNSAFE DURABILITY ALLOWED by ALLOW_UNSAFE_DURABILITY=true/)]);
    } finally {
      await store.close();
    }
  });
});

describeWithPostgres('checkDurability on PostgreSQL', (url) => {
  const admin = adminPool(url);
  const schemas: string[] = [];
  afterAll(async () => {
    for (const schema of schemas) await admin.dropSchema(schema);
    await admin.end();
  });

  const openStore = (options?: string) => {
    const schema = randomSchemaName('durability');
    schemas.push(schema);
    return createPostgresEventStore({ connectionString: url, schema, pool: options ? { options } : undefined });
  };

  it('passes the server defaults (fsync=on, synchronous_commit=on)', async () => {
    const store = await openStore();
    try {
      const report = await checkDurability({ eventStore: { store, url }, allowUnsafe: false, logger: quiet });
      expect(report.outcome).toBe('safe');
      expect(report.stores[0].settings).toEqual({ fsync: 'on', synchronous_commit: 'on' });
    } finally {
      await store.close();
    }
  });

  it('refuses an event store whose sessions run synchronous_commit=off', async () => {
    const store = await openStore('-c synchronous_commit=off');
    try {
      await expect(checkDurability({ eventStore: { store, url }, allowUnsafe: false, logger: quiet })).rejects.toThrow(
        /EVENT_STORE_URL \(event store\) has synchronous_commit=off, safe: on, remote_apply, remote_write, local/,
      );
    } finally {
      await store.close();
    }
  });

  it('refuses read models after SET synchronous_commit = off on their session, and allows it with the override', async () => {
    const store = await openStore();
    // One connection, so the SET below is the session the check reads through.
    const db = new Kysely<unknown>({
      dialect: new PostgresDialect({ pool: new Pool({ connectionString: url, max: 1 }) }),
    });
    try {
      await sql`SET synchronous_commit = off`.execute(db);
      const options = { eventStore: { store, url }, readModels: { db, url }, logger: quiet };
      await expect(checkDurability({ ...options, allowUnsafe: false })).rejects.toThrow(
        /READ_MODEL_URL \(read models\) has synchronous_commit=off/,
      );
      const report = await checkDurability({ ...options, allowUnsafe: true });
      expect(report.outcome).toBe('unsafe-allowed');
      expect(report.stores.map((s) => s.verdict)).toEqual(['safe', 'unsafe']);
    } finally {
      await db.destroy();
      await store.close();
    }
  });
});
