/**
 * Online backup and restore of the SQLite stores (events, read models) and the development secret. Copies are taken
 * with SQLite's backup API (better-sqlite3 `.backup()`), page by page from a read transaction, so the engine keeps
 * serving and every copy is a consistent snapshot. PostgreSQL stores are backed up with pg_dump (docs/operations.md).
 */
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import type { ProjectorConfig } from '@thads/config';
import { DEVELOPMENT_SECRET_FILE } from '@thads/auth';

export const MANIFEST_FILE = 'thads-backup.json';

export interface BackupManifest {
  readonly format: 'thads-backup/1';
  readonly createdAt: string;
  /** Highest log position in the events copy. */
  readonly eventStoreHead: string;
  readonly files: readonly {
    readonly name: string;
    readonly role: string;
    readonly bytes: number;
    readonly sha256: string;
  }[];
}

/** Refused backup or restore; the message says why and what to do. */
export class BackupRefused extends Error {
  override readonly name = 'BackupRefused';
}

/**
 * Backs up into `dir` (created, or empty). Read models first, then events: the read-model copy's checkpoints can then
 * never be ahead of the events copy, and after a restore the projector simply catches up the difference.
 */
export async function backupStores(config: ProjectorConfig, dir: string, now = new Date()): Promise<BackupManifest> {
  const events = sqlitePath(config.eventStoreUrl, 'EVENT_STORE_URL');
  const reads = sqlitePath(config.readModelUrl, 'READ_MODEL_URL');
  emptyDirectory(dir, 'the backup directory');
  const files: { name: string; role: string }[] = [];
  await copyOnline(reads, join(dir, 'read.db'));
  files.push({ name: 'read.db', role: 'read models (READ_MODEL_URL)' });
  await copyOnline(events, join(dir, 'events.db'));
  files.push({ name: 'events.db', role: 'event store (EVENT_STORE_URL)' });
  const secret = join(config.dataDir, DEVELOPMENT_SECRET_FILE);
  if (existsSync(secret)) {
    copyFileSync(secret, join(dir, DEVELOPMENT_SECRET_FILE));
    chmodSync(join(dir, DEVELOPMENT_SECRET_FILE), 0o600);
    files.push({ name: DEVELOPMENT_SECRET_FILE, role: 'development token secret' });
  }
  const manifest: BackupManifest = {
    format: 'thads-backup/1',
    createdAt: now.toISOString(),
    eventStoreHead: headOf(join(dir, 'events.db')),
    files: files.map(({ name, role }) => ({ name, role, ...describe(join(dir, name)) })),
  };
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

/** Restores a backup into the stores the configuration names, which must not exist yet (an empty DATA_DIR). */
export function restoreStores(config: ProjectorConfig, dir: string): BackupManifest {
  const manifest = readManifest(dir);
  const targets: Record<string, string> = {
    'events.db': sqlitePath(config.eventStoreUrl, 'EVENT_STORE_URL'),
    'read.db': sqlitePath(config.readModelUrl, 'READ_MODEL_URL'),
    [DEVELOPMENT_SECRET_FILE]: join(config.dataDir, DEVELOPMENT_SECRET_FILE),
  };
  emptyDirectory(config.dataDir, 'DATA_DIR');
  for (const file of manifest.files) {
    const target = targets[file.name];
    if (existsSync(target)) throw new BackupRefused(`${target} exists; restore only into empty stores`);
  }
  for (const file of manifest.files) {
    const target = targets[file.name];
    mkdirSync(join(target, '..'), { recursive: true, mode: 0o700 });
    copyFileSync(join(dir, file.name), target);
    chmodSync(target, 0o600);
  }
  return manifest;
}

function readManifest(dir: string): BackupManifest {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) throw new BackupRefused(`${dir} holds no ${MANIFEST_FILE}: not a thads backup`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
  if (manifest.format !== 'thads-backup/1') throw new BackupRefused(`${path}: unknown format "${manifest.format}"`);
  for (const file of manifest.files) {
    const actual = describe(join(dir, basename(file.name)));
    if (actual.sha256 !== file.sha256) throw new BackupRefused(`${file.name} in ${dir} does not match its checksum`);
  }
  return manifest;
}

async function copyOnline(source: string, target: string): Promise<void> {
  if (!existsSync(source)) throw new BackupRefused(`${source} does not exist: nothing to back up`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  chmodSync(target, 0o600);
  // A single self-contained file: the copy leaves WAL mode (the engine turns it back on when it opens a restore).
  const copy = new Database(target);
  try {
    copy.pragma('journal_mode = DELETE');
    const verdict = copy.pragma('integrity_check', { simple: true });
    if (verdict !== 'ok') throw new BackupRefused(`The copy of ${source} fails integrity_check: ${String(verdict)}`);
  } finally {
    copy.close();
  }
}

function headOf(eventsCopy: string): string {
  const db = new Database(eventsCopy, { readonly: true });
  try {
    db.defaultSafeIntegers(true);
    const row = db.prepare('select max(position) as head from events').get() as { head: bigint | null };
    return (row.head ?? -1n).toString();
  } finally {
    db.close();
  }
}

function describe(path: string): { bytes: number; sha256: string } {
  const content = readFileSync(path);
  return { bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
}

function sqlitePath(url: string, variable: string): string {
  if (!url.startsWith('sqlite:') || url === 'sqlite::memory:')
    throw new BackupRefused(
      `${variable} is not an SQLite file: back PostgreSQL up with pg_dump, EventStoreDB with its own backup (docs/operations.md)`,
    );
  return url.slice('sqlite:'.length);
}

function emptyDirectory(dir: string, what: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new BackupRefused(`${what} ${dir} is not empty`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}
