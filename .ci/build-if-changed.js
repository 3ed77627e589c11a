#!/usr/bin/env node
/**
 * `node .ci/build-if-changed.js <app>…`: builds each app (`nest build <app>`, or the console) only when its inputs changed since the last build, so
 * `npm start`, `npm run cli` and `npm run demo` start in a second or two instead of re-running webpack (25–90 s on a
 * busy 2-core machine). The inputs are hashed (content, not mtimes: a checkout or a copy changes mtimes, not
 * sources) and the hash is kept in dist/.source-hash-<app>. Build output goes to stderr, so `npm run -s cli -- … --json`
 * prints only JSON on stdout.
 */
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const nest = (app) => ({
  inputs: [join(ROOT, 'apps', app), join(ROOT, 'libs')],
  command: [join(ROOT, 'node_modules', '.bin', 'nest'), 'build', app],
  output: join(ROOT, 'dist', 'apps', app),
  entry: 'main.js',
});
/** What each target is built from, how, and where it lands. */
const TARGETS = {
  api: nest('api'),
  projector: nest('projector'),
  cli: nest('cli'),
  // The web console: its own tsc build plus static files (package.json build:console).
  console: {
    // The console compiles the typed API client in with it (apps/console/tsconfig.json).
    inputs: [join(ROOT, 'apps', 'console'), join(ROOT, 'libs', 'api-client', 'src')],
    command: ['npm', 'run', '-s', 'build:console'],
    output: join(ROOT, 'dist', 'console'),
    entry: 'index.html',
  },
};
const apps = process.argv.slice(2);
const unknown = apps.filter((app) => TARGETS[app] === undefined);
if (apps.length === 0 || unknown.length > 0) {
  console.error(`usage: node .ci/build-if-changed.js <${Object.keys(TARGETS).join('|')}>…`);
  process.exit(2);
}
// Several targets in one process: under load each extra Node start costs a second of `npm start`.
for (const app of apps) buildIfChanged(app, TARGETS[app]);

function buildIfChanged(app, target) {
  const bundle = join(target.output, target.entry);
  // Beside the output rather than in it: the console's directory is served over HTTP.
  const stampFile = join(ROOT, 'dist', `.source-hash-${app}`);
  const hash = inputsHash(target);
  if (existsSync(bundle) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) return;
  console.error(`Building ${app} (sources changed since the last build)…`);
  const built = spawnSync(target.command[0], target.command.slice(1), { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (built.status !== 0) process.exit(built.status ?? 1);
  writeFileSync(stampFile, hash);
}

/** A hash of every file the target is built from: its sources, the compiler and package settings. */
function inputsHash(target) {
  const digest = createHash('sha256');
  const files = [
    ...target.inputs.flatMap(sourcesUnder),
    ...['package-lock.json', 'nest-cli.json', 'tsconfig.base.json', 'tsconfig.build.json'].map((f) => join(ROOT, f)),
  ].filter(existsSync);
  for (const file of files.sort()) digest.update(relative(ROOT, file)).update('\0').update(readFileSync(file));
  return digest.digest('hex');
}

function sourcesUnder(directory) {
  const found = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...sourcesUnder(path));
    else if (!/\.(int-|e2e-)?spec\.ts$/.test(entry.name)) found.push(path);
  }
  return found;
}
