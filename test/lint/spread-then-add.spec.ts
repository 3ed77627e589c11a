import { relative, resolve } from 'node:path';
import ts from 'typescript';
import { spreadsThatAddKeys } from './spread-then-add';

/**
 * The code that runs for every command, event, read or request builds no object literal that opens with a spread and
 * then adds keys (spread-then-add.ts says why). The check runs the TypeScript checker over the repository's program.
 */
const ROOT = resolve(__dirname, '../..');

/** The libraries on the command, append, projection and logging paths, and the API (its docs and settings aside). */
const HOT_CODE = /^(libs\/(domain|application|event-store|read-models|observability)\/src|apps\/api\/src)\//;
const NOT_HOT =
  /\.(spec|int-spec|e2e-spec)\.ts$|\.dto\.ts$|test-fixtures|test-support|\/testing\/|\/conformance\/|^apps\/api\/src\/(docs|config)\//;

const relativeToRoot = (fileName: string) => relative(ROOT, fileName);

describe('object literals that open with a spread and add keys', () => {
  it('are reported, with the keys they may add; replacing keys, Object.assign and marked literals are not', () => {
    const fixture = resolve(__dirname, 'fixtures/spread-then-add.ts');
    const program = ts.createProgram([fixture], { strict: true, noEmit: true });
    const sites = spreadsThatAddKeys(program, (fileName) => fileName === fixture, relativeToRoot);
    expect(sites.map((site) => [site.at, site.adds])).toEqual([
      ['test/lint/fixtures/spread-then-add.ts:11', ['note']],
      ['test/lint/fixtures/spread-then-add.ts:12', ['officerId']],
      ['test/lint/fixtures/spread-then-add.ts:13', ['...extra']],
    ]);
  });

  it('are not in the code on the hot paths', () => {
    const config = ts.getParsedCommandLineOfConfigFile(
      resolve(ROOT, 'tsconfig.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
        },
      },
    );
    if (config === undefined) throw new Error('tsconfig.json could not be read');
    const program = ts.createProgram(config.fileNames, config.options);
    const inScope = (fileName: string) => {
      const path = relativeToRoot(fileName);
      return HOT_CODE.test(path) && !NOT_HOT.test(path);
    };
    const sites = spreadsThatAddKeys(program, inScope, relativeToRoot);
    expect(sites.map((site) => `${site.at} adds ${site.adds.join(', ')}`)).toEqual([]);
  });
});
