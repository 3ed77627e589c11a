import { closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** A data file, its directory or the development secret is open to other users; the message says how to fix it. */
export class LooseFilePermissions extends Error {
  override readonly name = 'LooseFilePermissions';
}

/** Group or others may read or write: events, read models and the signing secret are for the engine's user only. */
const FILE_ACCESS_BY_OTHERS = 0o077;
/** Group or others may write: they could swap a database or the secret under the engine. */
const DIRECTORY_WRITE_BY_OTHERS = 0o022;
const STICKY = 0o1000;

/**
 * Makes `file`'s directory (0700 when created) and checks that an existing file, and SQLite's `-wal` and `-shm`
 * beside it, are owner-only. With `create`, a missing file is created empty with mode 0600, so SQLite (which gives
 * its journal files the database file's mode) and the secret writer never make a readable file. Throws
 * LooseFilePermissions for a looser file, or a directory others may write.
 */
export function ensureOwnerOnlyFile(file: string, options: { create?: boolean } = {}): void {
  if (file === ':memory:' || file === '') return;
  const directory = dirname(file);
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const directoryMode = statSync(directory).mode & 0o7777;
  // The sticky bit (as on /tmp) stops others from renaming or deleting our files there.
  if (directoryMode & DIRECTORY_WRITE_BY_OTHERS && !(directoryMode & STICKY)) {
    throw new LooseFilePermissions(
      `${directory} is writable by other users (mode ${octal(directoryMode & 0o777)}); run chmod 700 ${directory}`,
    );
  }
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    const mode = modeOf(path);
    if (mode !== undefined && mode & FILE_ACCESS_BY_OTHERS)
      throw new LooseFilePermissions(
        `${path} is open to other users (mode ${octal(mode)}); run chmod 600 ${path} (owner-only)`,
      );
  }
  if (options.create && modeOf(file) === undefined) {
    try {
      closeSync(openSync(file, 'wx', 0o600));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

function modeOf(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function octal(mode: number): string {
  return `0${mode.toString(8).padStart(3, '0')}`;
}
