/**
 * Runs ESLint's Node API on one file's text as if it lived at another path, and prints the messages and whether the
 * original path is ignored, as JSON. A separate process because ESLint loads eslint.config.mjs with a dynamic
 * import, which jest's module sandbox refuses. Used by layer-boundaries.spec.ts.
 *
 *   node test/lint/lint-as.cjs <file to read> <path to lint it as>
 */
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const { ESLint } = require('eslint');

async function main() {
  const [source, lintAs] = process.argv.slice(2);
  const cwd = resolve(__dirname, '../..');
  const eslint = new ESLint({ cwd });
  const [result] = await eslint.lintText(readFileSync(resolve(cwd, source), 'utf8'), {
    filePath: resolve(cwd, lintAs),
  });
  const ignored = await eslint.isPathIgnored(resolve(cwd, source));
  const messages = result.messages.map(({ ruleId, line, message }) => ({ ruleId, line, message }));
  process.stdout.write(JSON.stringify({ ignored, messages }));
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
