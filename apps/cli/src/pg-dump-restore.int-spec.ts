import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { executeCommand } from '@thads/application';
import { createPostgresEventStore } from '@thads/event-store';
import { adminPool, describeWithPostgres, randomSchemaName } from '@thads/event-store/postgres/postgres-test-support';
import { decidedCaseCommands } from '@thads/read-models/testing/deadline-world';
import { runCliCaptured } from './testing/run-cli-captured';

/** The PostgreSQL procedure of docs/operations.md: pg_dump a schema, restore it into a fresh database, verify it. */
describeWithPostgres('PostgreSQL backup with pg_dump', (url) => {
  const schema = randomSchemaName('backup_test');
  const database = `thads_restore_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const dir = mkdtempSync(join(tmpdir(), 'thads-pg-dump-'));
  const restoredUrl = (() => {
    const parsed = new URL(url);
    parsed.pathname = `/${database}`;
    return parsed.toString();
  })();
  const admin = adminPool(url);

  afterAll(async () => {
    await admin.query(`drop database if exists ${database}`);
    await admin.dropSchema(schema);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores a dump into a fresh database where verify --all passes and the head is the same', async () => {
    const store = await createPostgresEventStore({ connectionString: url, schema });
    const officer = { id: 'chv-tran', role: 'officer', officeId: 'HP-NGO-QUYEN' };
    for (const caseId of [randomUUID(), randomUUID()])
      for (const command of decidedCaseCommands(caseId)) {
        const commandId = randomUUID();
        await executeCommand(
          store,
          { aggregate: 'case', id: caseId, command },
          { commandId, correlationId: commandId, actor: officer },
        );
      }
    const head = await store.headPosition();
    await store.close();

    const dump = join(dir, 'thads.dump');
    execFileSync('pg_dump', ['--format=custom', `--schema=${schema}`, '-f', dump, url], { timeout: 120_000 });
    await admin.query(`create database ${database}`);
    execFileSync('pg_restore', ['--no-owner', '-d', restoredUrl, dump], { timeout: 120_000 });

    const env = {
      DATA_DIR: join(dir, 'data'),
      EVENT_STORE_URL: `${restoredUrl}?schema=${schema}`,
      READ_MODEL_URL: `sqlite:${join(dir, 'data', 'read.db')}`,
    };
    const verify = await runCliCaptured(['verify', '--all', '--json'], env);
    expect(verify.stderr).not.toMatch(/Error/);
    expect(verify.code).toBe(0);
    const restored = await createPostgresEventStore({ connectionString: restoredUrl, schema });
    try {
      expect(await restored.headPosition()).toBe(head);
    } finally {
      await restored.close();
    }
  });
});
