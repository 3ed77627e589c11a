import { spawnSync } from 'node:child_process';

/**
 * A generated doc as it is kept on disk: formatted by the repository's Prettier settings, so `npm run format:check`
 * and the specs that compare the file with its generator agree. Prettier 3 loads as ES modules, which jest's CommonJS
 * runtime cannot import, so its CLI formats the text in a child process. For the doc writers and their specs only.
 */
export function asCheckedInMarkdown(text: string, path: string): string {
  const prettier = require.resolve('prettier/bin/prettier.cjs');
  const result = spawnSync(process.execPath, [prettier, '--stdin-filepath', path], {
    input: text,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`prettier failed on ${path}: ${result.stderr || result.error?.message}`);
  return result.stdout;
}
