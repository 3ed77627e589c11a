/**
 * `npm run demo` end to end, in-process: the Hải Phòng scenario (Cục THADS TP Hải Phòng and 14 Chi cục, 1 Oct 2017 –
 * 31 May 2018) seeded through the real command path, projected, and reported. The figures asserted here are the
 * 2018 article's (docs/domain.md), read back from the completion_stats projection the demo left behind.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  completionReport,
  openReadModelDatabase,
  type CompletionFigures,
  type CompletionReport,
  type CompletionReportRow,
} from '@thads/read-models';
import { END_STATES, type EndState, type ScenarioOffice } from '../../../apps/cli/src/demo/scenario/scenario';
import { parseScenarioText } from '../../../apps/cli/src/demo/scenario/scenario-validation';
import { runCliCaptured } from '../../../apps/cli/src/testing/run-cli-captured';

const SCENARIO_FILE = join(__dirname, '../../../scenarios/hai-phong-2018.json');
const scenario = parseScenarioText(readFileSync(SCENARIO_FILE, 'utf8'), SCENARIO_FILE);

const cli = (...argv: string[]) => runCliCaptured(argv, {});

/** What the scenario file says an office's row must show, for one measure. */
function expectedFigures(office: ScenarioOffice, measure: 'count' | 'amount'): Partial<CompletionFigures> {
  const of = (...states: EndState[]) =>
    states.reduce((total, state) => total + BigInt(office.cases[state][measure]), 0n);
  const carriedOver = END_STATES.reduce((total, state) => total + BigInt(office.cases[state].carriedOver[measure]), 0n);
  return {
    carriedOver,
    newlyReceived: of(...END_STATES) - carriedOver,
    movedToSeparateRegister: of('movedToSeparateRegister'),
    entrustedOut: of('entrustedOut'),
    toEnforce: of('inProgress', 'fullyEnforced', 'terminated', 'postponed', 'suspended', 'notEnforceable'),
    // TT 08/2015 (2018): two-way split, postponed and suspended cases are inside có điều kiện.
    enforceable: of('inProgress', 'fullyEnforced', 'terminated', 'postponed', 'suspended'),
    notEnforceable: of('notEnforceable'),
    postponedOrSuspended: null,
    fullyEnforced: of('fullyEnforced'),
    terminated: of('terminated'),
    completed: of('fullyEnforced', 'terminated'),
  };
}

describe('npm run demo: Hải Phòng, 8 months of reporting year 2018', () => {
  let dataDir: string;
  let run: { code: number; stdout: string; stderr: string };
  let report: CompletionReport;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'thads-demo-e2e-'));
    run = await cli('demo', '--data-dir', dataDir);
    const readModels = openReadModelDatabase(`sqlite:${join(dataDir, 'read.db')}`);
    try {
      report = await completionReport(readModels.db, { officeId: 'HP', period: '2018-05' });
    } finally {
      await readModels.close();
    }
  }, 900_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs, and prints the city line of the article', () => {
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Cục THADS TP Hải Phòng, all offices: 4,936 of 8,680 enforceable cases completed = 56.87% (target 72.00%, gap -15.13); ' +
        '442,000,000,000 of 4,950,000,000,000 enforceable VND completed = 8.93% (target 32.00%, gap -23.07)',
    );
    expect(run.stdout).toMatch(
      /^Total: Cục THADS TP Hải Phòng +11,992 +8,680 +4,936 +56\.87 +-15\.13 +4,950,000,000,000 +442,000,000,000 +8\.93 +-23\.07$/m,
    );
  });

  it('gives the city figures exactly, from the projection', () => {
    const { cases, money, target, gap } = report.rollUp;
    expect(report).toMatchObject({
      period: '2018-05',
      yearStartsOn: '2017-10-01',
      periodEndsOn: '2018-05-31',
      regime: { id: 'TT_08_2015', split: 'TWO_WAY' },
    });
    expect({ completed: cases.completed, enforceable: cases.enforceable, rate: cases.completionRate }).toEqual({
      completed: 4936n,
      enforceable: 8680n,
      rate: '56.87',
    });
    expect({ completed: money.completed, enforceable: money.enforceable, rate: money.completionRate }).toEqual({
      completed: 442_000_000_000n,
      enforceable: 4_950_000_000_000n,
      rate: '8.93',
    });
    expect(target).toEqual({ cases: '72.00', money: '32.00', inheritedFrom: null });
    expect(gap).toEqual({ cases: '-15.13', money: '-23.07' });
  });

  it('gives every office the figures of the scenario file, and the city is their sum', () => {
    const rows: CompletionReportRow[] = [...(report.office ? [report.office] : []), ...report.children];
    expect(rows.map((row) => row.officeId)).toEqual([
      'HP',
      ...scenario.offices
        .slice(1)
        .map((office) => office.id)
        .sort(),
    ]);
    for (const row of rows) {
      const office = scenario.offices.find((candidate) => candidate.id === row.officeId);
      if (!office) throw new Error(`no office ${row.officeId} in the scenario`);
      expect({ office: office.id, ...row.cases }).toMatchObject({
        office: office.id,
        ...expectedFigures(office, 'count'),
      });
      expect({ office: office.id, ...row.money }).toMatchObject({
        office: office.id,
        ...expectedFigures(office, 'amount'),
      });
    }
    for (const field of [
      'carriedOver',
      'newlyReceived',
      'toEnforce',
      'enforceable',
      'completed',
      'notEnforceable',
    ] as const) {
      expect(rows.reduce((total, row) => total + row.cases[field], 0n)).toBe(report.rollUp.cases[field]);
      expect(rows.reduce((total, row) => total + row.money[field], 0n)).toBe(report.rollUp.money[field]);
    }
  });

  // How fast is the benchmark's business, not a test's: on a busy machine any budget here would fail by chance.
  it('says how fast it seeded', () => {
    const summary =
      /Done in [\d.]+ s: 12,212 cases planned in [\d.]+ s, ([\d,]+) commands in [\d.]+ s \(([\d,]+) commands\/s\), projected in [\d.]+ s/.exec(
        run.stderr,
      );
    expect(summary).not.toBeNull();
    expect(Number(summary?.[1].replace(/,/g, ''))).toBeGreaterThan(12212 * 5);
    expect(Number(summary?.[2].replace(/,/g, ''))).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/Group commit: [\d,]+ appends in [\d,]+ transactions \(largest \d+\)/);
  });

  it('refuses to write into its directory again unless forced', async () => {
    const again = await cli('demo', '--data-dir', dataDir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/is not empty .*Pass --force/);
  });
});
