/**
 * Where the demo writes: a fresh temporary directory by default, so it never lands in the ./data of a running
 * `npm start` by accident; a directory given with --data-dir only when it is empty, or with --force.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The data directory was refused; nothing was written. */
export class DataDirRefused extends Error {
  override readonly name = 'DataDirRefused';
}

export interface DemoDataDir {
  readonly path: string;
  /** Created by the demo under the system's temp directory. */
  readonly temporary: boolean;
}

/** The directory to write into, created if needed. Throws DataDirRefused for a file or a non-empty directory without `force`. */
export function prepareDataDir(requested: string | undefined, force: boolean): DemoDataDir {
  if (requested === undefined) return { path: mkdtempSync(join(tmpdir(), 'thads-demo-')), temporary: true };
  const path = resolve(requested);
  if (existsSync(path)) {
    if (!statSync(path).isDirectory()) throw new DataDirRefused(`--data-dir ${path} is a file, not a directory`);
    const entries = readdirSync(path);
    if (entries.length > 0 && !force) {
      throw new DataDirRefused(
        `--data-dir ${path} is not empty (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}): the demo writes into a fresh directory. ` +
          'Pass --force to write into it anyway; what is already there stays and counts in the report.',
      );
    }
  } else {
    mkdirSync(path, { recursive: true });
  }
  return { path, temporary: false };
}

/** The store files inside a data directory: the same names as the embedded default of `npm start`. */
export function storeFilesIn(dataDir: string): { readonly events: string; readonly readModels: string } {
  return { events: join(dataDir, 'events.db'), readModels: join(dataDir, 'read.db') };
}
