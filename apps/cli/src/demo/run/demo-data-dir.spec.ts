import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirRefused, prepareDataDir } from './demo-data-dir';

describe('prepareDataDir', () => {
  let parent: string;
  beforeEach(() => (parent = mkdtempSync(join(tmpdir(), 'thads-demo-dir-spec-'))));
  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  it('makes a fresh temporary directory when none is given', () => {
    const dir = prepareDataDir(undefined, false);
    try {
      expect(dir.temporary).toBe(true);
      expect(readdirSync(dir.path)).toEqual([]);
      expect(dir.path.startsWith(tmpdir())).toBe(true);
    } finally {
      rmSync(dir.path, { recursive: true, force: true });
    }
  });

  it('creates a directory that does not exist yet, and accepts an empty one', () => {
    expect(prepareDataDir(join(parent, 'new', 'data'), false)).toEqual({
      path: join(parent, 'new', 'data'),
      temporary: false,
    });
    expect(existsSync(join(parent, 'new', 'data'))).toBe(true);
    expect(prepareDataDir(join(parent, 'new', 'data'), false).temporary).toBe(false);
  });

  it('refuses a directory with something in it unless forced, and a file', () => {
    writeFileSync(join(parent, 'events.db'), '');
    expect(() => prepareDataDir(parent, false)).toThrow(DataDirRefused);
    expect(() => prepareDataDir(parent, false)).toThrow(
      /is not empty \(events\.db\): the demo writes into a fresh directory\. Pass --force/,
    );
    expect(prepareDataDir(parent, true).path).toBe(parent);
    expect(() => prepareDataDir(join(parent, 'events.db'), true)).toThrow(/is a file, not a directory/);
  });
});
