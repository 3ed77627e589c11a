import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Nothing in `npm ci` may run code we have not reviewed: a dependency's install script can phone home (as
 * @scarf/scarf's postinstall did) or worse. package.json's `allowScripts` (npm's own allow-list, advisory in npm 11,
 * enforced from npm 12) names the reviewed ones; docs/decisions.md says why each needs its script.
 */
const root = join(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  allowScripts?: Record<string, boolean>;
  overrides?: Record<string, unknown>;
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { name?: string; hasInstallScript?: boolean }>;
};

/** The installed name of a lock entry: what follows its last node_modules/. */
function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

describe('install scripts in package-lock.json', () => {
  const withScripts = Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && entry.hasInstallScript === true)
    .map(([path]) => nameOf(path));

  it('are all on the allow-list (package.json allowScripts)', () => {
    const allowed = Object.entries(manifest.allowScripts ?? {})
      .filter(([, allow]) => allow)
      .map(([name]) => name);
    expect(withScripts.filter((name) => !allowed.includes(name))).toEqual([]);
  });

  it('leave out the telemetry postinstall of @scarf/scarf, replaced by an empty package', () => {
    expect(withScripts).not.toContain('@scarf/scarf');
    expect(manifest.overrides?.['@scarf/scarf']).toBe('npm:empty-npm-package@1.0.0');
  });
});
