import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventStore, type EventStore } from '@thads/event-store';
import { readModelProjections, startProjectorRuntime, type ProjectorRuntime } from '@thads/read-models';
import { randomUUID } from 'node:crypto';
import { executeCommand } from '@thads/application';
import { decidedCaseCommands } from '@thads/read-models/testing/deadline-world';
import { recordingLogger, rowsOf } from '@thads/read-models/testing/read-model-fixtures';
import { runCliCaptured } from './testing/run-cli-captured';

const officer = { id: 'chv-tran', role: 'officer', officeId: 'HP-NGO-QUYEN' };

/** A received and decided case, through the real command path. */
async function writeCase(store: EventStore): Promise<void> {
  const caseId = randomUUID();
  for (const command of decidedCaseCommands(caseId)) {
    const commandId = randomUUID();
    await executeCommand(
      store,
      { aggregate: 'case', id: caseId, command },
      { commandId, correlationId: commandId, actor: officer },
    );
  }
}

/** Every row of every read-model table once the runtime has applied the whole log. */
async function readModelRows(runtime: ProjectorRuntime, store: EventStore): Promise<Record<string, unknown[]>> {
  await runtime.projector.waitForPosition(await store.headPosition(), 60_000);
  const rows: Record<string, unknown[]> = {};
  for (const projection of readModelProjections)
    for (const table of projection.tables) rows[table] = await rowsOf(runtime.readModels.db, table);
  return rows;
}

describe('cli backup and restore (docs/operations.md)', () => {
  const root = mkdtempSync(join(tmpdir(), 'thads-backup-'));
  const live = join(root, 'live');
  const backup = join(root, 'backup');
  const restored = join(root, 'restored');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('backs up while a writer runs; the restore verifies and its read models equal a rebuild from zero', async () => {
    const store = createSqliteEventStore({ filename: join(live, 'events.db') });
    const runtime = await startProjectorRuntime({
      eventStore: store,
      readModelUrl: `sqlite:${join(live, 'read.db')}`,
      logger: recordingLogger(),
    });
    await writeCase(store);
    let writing = true;
    let written = 1;
    const writer = (async () => {
      for (; writing; written++) await writeCase(store);
    })();
    const run = await runCliCaptured(['backup', backup, '--json'], { DATA_DIR: live });
    const writtenDuringBackup = written;
    writing = false;
    await writer;
    await runtime.close();
    await store.close();
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const manifest = JSON.parse(run.stdout);
    expect(manifest.files.map((file: { name: string }) => file.name)).toEqual(['read.db', 'events.db']);
    expect(writtenDuringBackup).toBeGreaterThan(1);
    expect(statSync(join(backup, 'events.db')).mode & 0o777).toBe(0o600);

    expect(await runCliCaptured(['restore', backup], { DATA_DIR: restored })).toMatchObject({ code: 0 });
    expect((await runCliCaptured(['verify', '--all'], { DATA_DIR: restored })).code).toBe(0);

    const restoredStore = createSqliteEventStore({ filename: join(restored, 'events.db') });
    try {
      expect((await restoredStore.headPosition()).toString()).toBe(manifest.eventStoreHead);
      const caughtUp = await startProjectorRuntime({
        eventStore: restoredStore,
        readModelUrl: `sqlite:${join(restored, 'read.db')}`,
        logger: recordingLogger(),
      });
      const restoredRows = await readModelRows(caughtUp, restoredStore).finally(() => caughtUp.close());
      const rebuilt = await startProjectorRuntime({
        eventStore: restoredStore,
        readModelUrl: `sqlite:${join(root, 'rebuilt', 'read.db')}`,
        logger: recordingLogger(),
      });
      const rebuiltRows = await readModelRows(rebuilt, restoredStore).finally(() => rebuilt.close());
      expect(Object.values(restoredRows).some((rows) => rows.length > 0)).toBe(true);
      expect(restoredRows).toEqual(rebuiltRows);
    } finally {
      await restoredStore.close();
    }
  });

  it('refuses to restore into a data directory that is not empty, and to back up into one', async () => {
    const refusedRestore = await runCliCaptured(['restore', backup], { DATA_DIR: restored });
    expect(refusedRestore).toMatchObject({ code: 1, stderr: `Error: DATA_DIR ${restored} is not empty\n` });
    const refusedBackup = await runCliCaptured(['backup', backup], { DATA_DIR: restored });
    expect(refusedBackup).toMatchObject({ code: 1, stderr: `Error: the backup directory ${backup} is not empty\n` });
    expect(readdirSync(backup).sort()).toEqual(['events.db', 'read.db', 'thads-backup.json']);
  });

  it('refuses a PostgreSQL store, pointing at pg_dump', async () => {
    const run = await runCliCaptured(['backup', join(root, 'pg')], {
      DATA_DIR: live,
      EVENT_STORE_URL: 'postgres://postgres@127.0.0.1:5432/test',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/EVENT_STORE_URL is not an SQLite file: back PostgreSQL up with pg_dump/);
  });
});
