/**
 * The import resolver the layer rules (eslint-plugin-boundaries, eslint.config.mjs) classify imports with: `@thads/x`
 * and `@thads/x/...` through tsconfig.base.json's paths, relative paths to .ts files, everything else through Node.
 * Hand-written (about 40 lines) because eslint-import-resolver-typescript needs a native resolver package; see
 * docs/decisions.md.
 */
const { existsSync, statSync } = require('node:fs');
const { isBuiltin } = require('node:module');
const { dirname, join, resolve } = require('node:path');
const { compilerOptions } = require('../../tsconfig.base.json');

const ROOT = resolve(__dirname, '../..');

/** `@thads/x` → libs/x/src, `@thads/x/y` → libs/x/src/y: the exact and the wildcard entries of `paths`. */
function aliased(source) {
  for (const [pattern, [target]] of Object.entries(compilerOptions.paths)) {
    if (pattern === source) return join(ROOT, target);
    if (pattern.endsWith('/*') && source.startsWith(pattern.slice(0, -1))) {
      return join(ROOT, target.slice(0, -1), source.slice(pattern.length - 1));
    }
  }
  return undefined;
}

function asTypeScriptFile(base) {
  // The console's ES-module imports name the emitted `.js` file of a `.ts` source.
  const source = base.endsWith('.js') ? [`${base.slice(0, -3)}.ts`] : [];
  for (const candidate of [...source, `${base}.ts`, join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

module.exports = {
  interfaceVersion: 2,
  resolve(source, file) {
    if (isBuiltin(source)) return { found: true, path: null };
    const base = source.startsWith('.') ? resolve(dirname(file), source) : aliased(source);
    if (base !== undefined) {
      const path = asTypeScriptFile(base);
      return path === undefined ? { found: false } : { found: true, path };
    }
    try {
      return { found: true, path: require.resolve(source, { paths: [dirname(file)] }) };
    } catch {
      return { found: false };
    }
  },
};
