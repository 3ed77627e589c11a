/**
 * scenarios/formula-traps.json through the demo runner: 27 cases of Cục THADS tỉnh Bến Tre and one Chi cục, chosen so
 * that each wrong formula below gives a different number than the right one. Every expected figure is computed by
 * hand from the file (docs/domain.md, docs/statistics.md) and compared with what the completion_stats
 * projection made of the events.
 *
 * The district (BT-CHAU-THANH), by cases and in millions of VND (carried over + received):
 *   fully enforced 6 (2+4) 600 · terminated 2 (1+1) 300 · in progress 5 (2+3) 1,000, of which 1 received (200)
 *   postponed by the parties' agreement (stated as postponedByAgreement) · postponed 2 (0+2) 200
 *   suspended 1 (1+0) 100 · not enforceable 4 (2+2) 800 · entrusted out 2 (1+1) 250 · separate register 1 (1+0) 150
 * The province's own cases (BT): fully enforced 1 (carried) 500 · terminated 1 (carried) 1,000 ·
 *   not enforceable 1 (carried) 3,000 · in progress 1 (received) 2,000.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventStore } from '@thads/event-store';
import type { CompletionReport } from '@thads/read-models';
import { planScenario } from '../../../apps/cli/src/demo/generator/case-plans';
import { runDemo } from '../../../apps/cli/src/demo/run/demo-runner';
import type { Scenario } from '../../../apps/cli/src/demo/scenario/scenario';
import { parseScenarioText } from '../../../apps/cli/src/demo/scenario/scenario-validation';

const FILE = join(__dirname, '../../../scenarios/formula-traps.json');
const traps = parseScenarioText(readFileSync(FILE, 'utf8'), FILE);
const MILLION = 1_000_000n;
const silent = { write: () => true };

describe('formula traps (scenarios/formula-traps.json)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  async function run(scenario: Scenario): Promise<CompletionReport> {
    const dataDir = mkdtempSync(join(tmpdir(), 'thads-traps-'));
    dirs.push(dataDir);
    return (await runDemo({ scenario, dataDir, progress: silent })).report;
  }

  describe('reporting year 2021, five months (TT 06/2019: three-way split)', () => {
    let report: CompletionReport;
    beforeAll(async () => {
      report = await run(traps);
    }, 60_000);

    it('district: terminated cases are completed, entrusted and separate-register cases leave phải thi hành, and NE and hoãn/TĐC stay out of the denominator', () => {
      const [district] = report.children;
      expect(district.officeId).toBe('BT-CHAU-THANH');
      expect(district.cases).toMatchObject({
        // carried over 2+1+2+1+2+1+1 = 10; received 4+1+3+2+2+1 = 13.
        carriedOver: 10n,
        newlyReceived: 13n,
        // Trap: forgetting to subtract the case moved to the separate register (1) and the entrusted ones (2) gives 23.
        movedToSeparateRegister: 1n,
        entrustedOut: 2n,
        toEnforce: 20n, // (10 − 1) + 13 − 2
        // có điều kiện = in progress 5 + fully enforced 6 + terminated 2 = 13. Traps: putting the 4 not-enforceable
        // cases in it (17), or the 3 postponed/suspended ones under TT 06/2019 (16).
        enforceable: 13n,
        notEnforceable: 4n,
        postponedOrSuspended: 3n,
        // Trap: counting terminated cases as not completed gives 6 / 13 = 46.15%.
        completed: 8n,
        fullyEnforced: 6n,
        terminated: 2n,
        inProgress: 5n,
        // Art. 48(1)(c): the case postponed by the parties' agreement is in progress, shown apart.
        postponedByAgreement: 1n,
        carriedToNext: 12n, // 20 − 8; with the entrusted cases left in, 14
        completionRate: '61.54', // 8 / 13; over phải thi hành it would be 8 / 20 = 40.00
        enforceableShare: '65.00', // 13 / 20
      });
      expect(district.money).toMatchObject({
        carriedOver: 1_600n * MILLION, // 200 + 100 + 400 + 100 + 500 + 150 + 150
        newlyReceived: 1_800n * MILLION, // 400 + 200 + 600 + 200 + 300 + 100
        toEnforce: 3_000n * MILLION, // (1,600 − 150) + 1,800 − 250
        enforceable: 1_900n * MILLION, // 1,000 + 600 + 300
        notEnforceable: 800n * MILLION,
        postponedOrSuspended: 300n * MILLION,
        // Trap: money collected on cases still in progress is not completed money (some of these cases paid part).
        completed: 900n * MILLION,
        completionRate: '47.37', // 900 / 1,900
      });
      expect(district.gap).toEqual({ cases: '-18.46', money: '9.37' }); // 61.54 − 80, 47.37 − 38
    });

    it('province: its own cases, and the roll-up that counts each case once', () => {
      expect(report.office?.cases).toMatchObject({
        carriedOver: 3n,
        newlyReceived: 1n,
        toEnforce: 4n,
        enforceable: 3n,
        notEnforceable: 1n,
        completed: 2n,
        completionRate: '66.67',
      });
      // Trap: the province's 3,000 million not-enforceable case would sink the money rate to 1,500 / 6,500 = 23.08%.
      expect(report.office?.money).toMatchObject({
        enforceable: 3_500n * MILLION,
        notEnforceable: 3_000n * MILLION,
        completed: 1_500n * MILLION,
        completionRate: '42.86',
      });
      expect(report.rollUp.cases).toMatchObject({
        carriedOver: 13n,
        newlyReceived: 14n,
        toEnforce: 24n,
        enforceable: 16n,
        notEnforceable: 5n,
        postponedOrSuspended: 3n,
        completed: 10n,
        fullyEnforced: 7n,
        terminated: 3n,
        carriedToNext: 14n,
        // Traps: 7 / 16 = 43.75 (terminated not completed), 10 / 21 = 47.62 (NE in the denominator),
        // 10 / 19 = 52.63 (TT 08/2015's two-way split applied to 2021), 10 / 24 = 41.67 (over phải thi hành).
        completionRate: '62.50',
        enforceableShare: '66.67',
      });
      // Trap: averaging the two offices' rates ((42.86 + 47.37) / 2 = 45.12) instead of summing the money.
      expect(report.rollUp.money).toMatchObject({
        toEnforce: 9_500n * MILLION,
        enforceable: 5_400n * MILLION,
        completed: 2_400n * MILLION,
        fullyEnforced: 1_100n * MILLION,
        terminated: 1_300n * MILLION,
        completionRate: '44.44',
      });
      expect(report.rollUp.gap).toEqual({ cases: '-17.50', money: '6.44' });
    });

    it('the traps are live: some in-progress cases were paid in part, some postponed by the parties’ agreement', async () => {
      const inProgress = planScenario(traps).filter(
        (plan) => plan.endState === 'inProgress' || plan.endState === 'postponedByAgreement',
      );
      const store = createSqliteEventStore({ filename: join(dirs[0], 'events.db') });
      try {
        const events = (await Promise.all(inProgress.map((plan) => store.readStream(`case-${plan.caseId}`)))).flat();
        // Partly paid, still open: counted in progress with their whole amount, not as completed money.
        expect(events.filter((event) => event.type === 'FundsCollected').length).toBeGreaterThan(0);
        // Art. 48(1)(c): postponed by agreement stays có điều kiện (in progress), not hoãn.
        expect(
          events.filter((event) => event.type === 'EnforcementPostponed' && event.data.ground === 'PARTIES_AGREE')
            .length,
        ).toBeGreaterThan(0);
      } finally {
        await store.close();
      }
    });
  });

  describe('the same cases in reporting year 2019 (TT 08/2015: two-way split)', () => {
    it('counts postponed and suspended cases inside có điều kiện', async () => {
      const report = await run({ ...traps, reportingYear: 2019, period: '2019-02' });
      expect(report.regime).toMatchObject({ id: 'TT_08_2015', split: 'TWO_WAY' });
      const [district] = report.children;
      // 13 + the 3 postponed or suspended = 16: 8 / 16 = 50.00 (the three-way 61.54 would be wrong here).
      expect(district.cases).toMatchObject({
        toEnforce: 20n,
        enforceable: 16n,
        postponedOrSuspended: null,
        completed: 8n,
        inProgress: 8n,
        completionRate: '50.00',
      });
      expect(district.money).toMatchObject({
        enforceable: 2_200n * MILLION,
        completed: 900n * MILLION,
        completionRate: '40.91',
      });
      expect(report.rollUp.cases).toMatchObject({ enforceable: 19n, completed: 10n, completionRate: '52.63' });
      expect(report.rollUp.money).toMatchObject({
        enforceable: 5_700n * MILLION,
        completed: 2_400n * MILLION,
        completionRate: '42.11',
      });
    }, 60_000);
  });
});
