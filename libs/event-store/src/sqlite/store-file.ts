/**
 * Checking an SQLite store file before opening it. SQLite itself treats a missing or empty file as a new database and
 * reports most damage only when a query reaches the damaged page, so without this a lost or truncated `events.db`
 * would start a new, empty log beside read models of the old one. The checks read only the 100-byte header.
 */
import { closeSync, openSync, readSync, statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** A store file that exists but cannot be used (empty, truncated, not SQLite, damaged, or no disk space to open it). */
export class StoreFileUnusable extends Error {
  override readonly name = 'StoreFileUnusable';

  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    // A refusal names the file and the fix; a stack would bury that under frames that say nothing to an operator.
    this.stack = `${this.name}: ${message}`;
  }
}

const MAGIC = 'SQLite format 3\u0000';
const HEADER_BYTES = 100;

/**
 * Throws StoreFileUnusable naming `file` when it exists but is not a whole SQLite database: empty (unless
 * `emptyIsNew`), shorter than its header, with a header that is not SQLite's, or shorter than the page count its
 * header records (truncated). Returns whether the file exists. Damage past the header is found by SQLite when a query
 * reaches it (SQLITE_CORRUPT), and by `PRAGMA integrity_check` / `verify --all`.
 */
export function checkStoreFile(file: string, what: string, options: { emptyIsNew?: boolean } = {}): boolean {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if (size === 0) {
    if (options.emptyIsNew) return true;
    throw new StoreFileUnusable(
      file,
      `${file} is empty (0 bytes) where the ${what} should be; refusing to start a new, empty one over it. ` +
        `Restore it from a backup, or remove the file to start a new ${what}.`,
    );
  }
  const header = readHeader(file, Math.min(size, HEADER_BYTES));
  const damaged = (why: string) =>
    new StoreFileUnusable(
      file,
      `${file} (the ${what}) ${why}; refusing to open it. Restore it from a backup; nothing was written.`,
    );
  if (size < HEADER_BYTES) throw damaged(`is truncated: ${size} bytes, shorter than an SQLite header`);
  if (header.toString('latin1', 0, 16) !== MAGIC) throw damaged('is not an SQLite database (its header is damaged)');
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0)
    throw damaged(`has a damaged header (page size ${rawPageSize})`);
  if (size % pageSize !== 0)
    throw damaged(`is truncated: ${size} bytes is not a whole number of ${pageSize}-byte pages`);
  // The page count in the header is valid when the version-valid-for number equals the change counter.
  const pageCount = header.readUInt32BE(28);
  if (header.readUInt32BE(92) === header.readUInt32BE(24) && size < pageCount * pageSize)
    throw damaged(`is truncated: ${size} bytes where its header records ${pageCount} pages of ${pageSize} bytes`);
  return true;
}

/** Whether the file system holding `file` has (next to) no space left for an unprivileged writer. */
function noSpaceLeft(file: string): boolean {
  try {
    const stats = statfsSync(dirname(file));
    return Number(stats.bavail) * Number(stats.bsize) < 64 * 1024;
  } catch {
    return false;
  }
}

function readHeader(file: string, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, length, 0);
  } finally {
    closeSync(fd);
  }
  return buffer;
}

/** SQLite's codes for a file that is damaged or is not a database. */
const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/**
 * What to throw when opening or migrating a store file failed: damage and a full disk become StoreFileUnusable
 * naming the file and SQLite's code (no cause attached: printed at start, its stack would bury the message); anything
 * else is returned unchanged.
 */
export function describeOpenFailure(error: unknown, file: string, what: string): unknown {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && DAMAGE_CODES.has(code))
    return new StoreFileUnusable(
      file,
      `${file} (the ${what}) is damaged (${code}: ${message}); refusing to open it. Restore it from a backup.`,
    );
  if (
    code === 'SQLITE_FULL' ||
    code === 'ENOSPC' ||
    /database or disk is full|no space left/i.test(message) ||
    // A full disk also shows as an I/O error where SQLite sizes its shared-memory or journal file at open.
    (typeof code === 'string' && code.startsWith('SQLITE_IOERR') && noSpaceLeft(file))
  )
    return new StoreFileUnusable(
      file,
      `No space left on the disk holding ${file} (the ${what}; ${String(code ?? 'ENOSPC')}: ${message}). Free some space and start again; nothing was written.`,
    );
  return error;
}
