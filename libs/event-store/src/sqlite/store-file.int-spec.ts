import { readFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEvent } from '../conformance/fixtures';
import { createSqliteEventStore } from './sqlite-event-store';
import { StoreFileUnusable } from './store-file';

describe('the SQLite event file at open', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'thads-store-file-'));
    file = join(dir, 'events.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function writeOneEvent(): Promise<string> {
    const store = createSqliteEventStore({ filename: file });
    await store.append('case-1', [testEvent('CaseReceived')], { expectedRevision: 'no_stream' });
    const id = await store.storeId!();
    await store.close();
    return id;
  }

  it('creates a missing file whole, with an identity that stays the same across opens', async () => {
    const id = await writeOneEvent();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const again = createSqliteEventStore({ filename: file });
    expect(await again.storeId!()).toBe(id);
    expect(await again.headPosition()).toBe(1n);
    await again.close();
    // Another new store is another log.
    const other = createSqliteEventStore({ filename: join(dir, 'other.db') });
    expect(await other.storeId!()).not.toBe(id);
    await other.close();
  });

  it('refuses an empty file, naming it, and leaves it as it was', () => {
    writeFileSync(file, '', { mode: 0o600 });
    expect(() => createSqliteEventStore({ filename: file })).toThrow(StoreFileUnusable);
    expect(() => createSqliteEventStore({ filename: file })).toThrow(`${file} is empty (0 bytes)`);
    expect(statSync(file).size).toBe(0);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it.each([
    ['cut inside the header', 50, 'shorter than an SQLite header'],
    ['cut inside a page', 4096 + 100, 'not a whole number'],
    ['cut at a page boundary', 4096, 'where its header records'],
  ])('refuses a truncated file (%s), naming it', async (_case, size, why) => {
    await writeOneEvent();
    truncateSync(file, size);
    const before = readFileSync(file);
    expect(() => createSqliteEventStore({ filename: file })).toThrow(
      new RegExp(`${file} \\(the event store\\) is truncated.*${why}`),
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file whose header is garbled, naming it', async () => {
    await writeOneEvent();
    const bytes = readFileSync(file);
    bytes.write('not a database..', 0, 'latin1');
    writeFileSync(file, bytes);
    expect(() => createSqliteEventStore({ filename: file })).toThrow(
      `${file} (the event store) is not an SQLite database`,
    );
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
