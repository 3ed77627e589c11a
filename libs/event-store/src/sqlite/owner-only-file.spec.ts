import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureOwnerOnlyFile, LooseFilePermissions } from './owner-only-file';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('ensureOwnerOnlyFile', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'thads-owner-only-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates the directory 0700 and the file 0600, whatever the umask', () => {
    const previous = process.umask(0o000);
    try {
      ensureOwnerOnlyFile(join(root, 'data', 'events.db'), { create: true });
    } finally {
      process.umask(previous);
    }
    expect(modeOf(join(root, 'data'))).toBe(0o700);
    expect(modeOf(join(root, 'data', 'events.db'))).toBe(0o600);
  });

  it.each([
    ['events.db', 0o644],
    ['events.db-wal', 0o640],
    ['events.db-shm', 0o606],
  ])('refuses an existing %s others may read or write (mode %o), naming the fix', (name, mode) => {
    writeFileSync(join(root, name), '');
    chmodSync(join(root, name), mode);
    expect(() => ensureOwnerOnlyFile(join(root, 'events.db'))).toThrow(LooseFilePermissions);
    expect(() => ensureOwnerOnlyFile(join(root, 'events.db'))).toThrow(`run chmod 600 ${join(root, name)}`);
  });

  it('refuses a directory others may write, unless sticky like /tmp', () => {
    const shared = join(root, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    expect(() => ensureOwnerOnlyFile(join(shared, 'read.db'))).toThrow(/writable by other users .*chmod 700/);
    chmodSync(shared, 0o1777);
    expect(() => ensureOwnerOnlyFile(join(shared, 'read.db'), { create: true })).not.toThrow();
  });
});
