import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from '../testing/run-cli-captured';

/** The demo command's refusals: each names what is wrong, and none writes anything. */
describe('demo command refusals', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'thads-demo-command-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (...argv: string[]) => runCliCaptured(argv, { DATA_DIR: join(dir, 'must-not-be-used') });

  it('names every field at fault in an invalid scenario, and creates no data directory', async () => {
    const scenario = join(dir, 'bad.json');
    writeFileSync(
      scenario,
      JSON.stringify({
        name: 'Bad',
        reportingYear: 2018,
        period: '2018-05',
        offices: [
          {
            id: 'HP',
            name: 'Cục THADS TP Hải Phòng',
            tier: 'PROVINCE',
            cases: { fullyEnforced: { count: 2, amount: 1000 }, completionRate: '56.87' },
          },
        ],
      }),
    );
    const dataDir = join(dir, 'data');
    const { code, stderr } = await cli('demo', '--scenario', scenario, '--data-dir', dataDir);
    expect(code).toBe(1);
    expect(stderr).toContain(`Error: ${scenario} is not a valid scenario:`);
    expect(stderr).toContain(
      '  - offices[0].cases.fullyEnforced.amount must be a decimal string of whole VND, e.g. "442000000000"',
    );
    expect(stderr).toContain('  - offices[0].cases.completionRate is not allowed: a scenario never states rates');
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(join(dir, 'must-not-be-used'))).toBe(false);
  });

  it('says which scenario file it cannot read', async () => {
    const { code, stderr } = await cli('demo', '--scenario', join(dir, 'missing.json'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Error: Cannot read the scenario .*missing\.json: ENOENT/);
  });

  it('refuses a non-empty data directory without --force', async () => {
    writeFileSync(join(dir, 'events.db'), '');
    const { code, stderr } = await cli('demo', '--scenario', 'scenarios/formula-traps.json', '--data-dir', dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--data-dir .* is not empty \(events\.db\)/);
  });

  it('takes no positional argument', async () => {
    const { code, stderr } = await cli('demo', 'hai-phong');
    expect(code).toBe(2);
    expect(stderr).toContain('demo: unexpected argument "hai-phong"');
  });
});
