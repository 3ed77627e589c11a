import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LooseFilePermissions } from '@thads/event-store';
import { loadApiConfig } from '../../../apps/api/src/config/api-config';
import { createApp } from '../../../apps/api/src/create-app';

const modeOf = (path: string) => statSync(path).mode & 0o777;

/**
 * The embedded default's files, as the API itself creates them: the data directory 0700, the event log, the read
 * models (with their WAL files) and the development secret 0600 whatever the umask; a looser existing file is refused
 * at start, naming the chmod that fixes it. SQLite only: the PostgreSQL leg has no files.
 */
describe('owner-only data files', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'thads-files-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const config = (dataDir: string) =>
    loadApiConfig({ DATA_DIR: dataDir, DEADLINE_SWEEP_INTERVAL_MS: '0', CONSOLE_DIR: join(root, 'no-console') });

  it('creates DATA_DIR 0700 and every file in it 0600, even under umask 000', async () => {
    const dataDir = join(root, 'data');
    const previous = process.umask(0o000);
    try {
      const app = await createApp(config(dataDir), { logger: false });
      await app.close();
    } finally {
      process.umask(previous);
    }
    expect(modeOf(dataDir)).toBe(0o700);
    const files = readdirSync(dataDir);
    expect(files).toEqual(expect.arrayContaining(['events.db', 'read.db', 'dev-jwt-secret']));
    for (const file of files) expect([file, modeOf(join(dataDir, file))]).toEqual([file, 0o600]);
  });

  it.each(['events.db', 'read.db', 'dev-jwt-secret'])(
    'refuses to start on an existing %s others may read, naming the fix',
    async (file) => {
      const dataDir = join(root, 'data');
      await (await createApp(config(dataDir), { logger: false })).close();
      chmodSync(join(dataDir, file), 0o644);
      const start = createApp(config(dataDir), { logger: false });
      await expect(start).rejects.toThrow(LooseFilePermissions);
      await expect(createApp(config(dataDir), { logger: false })).rejects.toThrow(`chmod 600 ${join(dataDir, file)}`);
    },
  );
});
