import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root, from this file's place in apps/api/src/docs. */
export const REPO_ROOT = join(__dirname, '../../../..');

/**
 * A generated document as it is committed: formatted by Prettier with the repository's settings, so `npm run
 * format:check` and the drift tests agree on one text. `path` is relative to the repository root. Prettier runs as a
 * child process: its programmatic API loads plugins by dynamic import, which jest's CommonJS runtime cannot do.
 */
export function formattedDoc(path: string, text: string): string {
  const run = spawnSync(process.execPath, [require.resolve('prettier/bin/prettier.cjs'), '--stdin-filepath', path], {
    cwd: REPO_ROOT,
    input: text,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`Prettier failed on ${path}: ${run.stderr || run.error?.message}`);
  return run.stdout;
}

/** Writes a generated document (the `docs:*` scripts). */
export function writeGeneratedDoc(path: string, text: string): void {
  writeFileSync(join(REPO_ROOT, path), formattedDoc(path, text));
}

/** The committed text of a generated document (the drift tests). */
export function committedDoc(path: string): string {
  return readFileSync(join(REPO_ROOT, path), 'utf8');
}
