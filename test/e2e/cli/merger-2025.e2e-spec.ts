/**
 * scenarios/merger-2025.json through the demo runner: the 1 July 2025 reorganisation in reporting year 2025 (TT
 * 05/2024, three-way split), the scenario form of the succession worked example (docs/statistics.md). Hand-computed,
 * in millions of VND:
 *
 * Before: TC ← HP ← NQ, LC (districts); TC ← HD ← KM (district). On 2025-07-01 HD merges into HP (a province merger),
 * NQ and LC into the regional unit KV1, KM into KV2 (district-to-regional succession).
 *   NQ: fully enforced 1 (carried) 100 · in progress 1 (received) 40     KM: terminated 1 (carried) 80 · postponed 1 50
 *   LC: not enforceable 1 (received) 60                                   HD: fully enforced 1 (received) 20
 *   KV1: in progress 1 (received after 1 July) 30                         HP: in progress 1 (received) 10
 * New structure (30 Sep 2025): KV1 = NQ + LC + KV1: carried 1/100, received 3/130, to enforce 4/230, completed 1/100,
 *   enforceable 3/170: 33.33 and 58.82. KV2 = KM: to enforce 2/130, completed 1/80, enforceable 1/80: 100.00.
 *   HP's own row = HP + HD: received 2/30, completed 1/20, enforceable 2/30: 50.00 and 66.67. Roll-up: carried 2/180,
 *   received 6/210, to enforce 8/390, completed 3/200, enforceable 6/280: 50.00 and 71.43; carried to next 5/190.
 * Next year (October 2025) carries over KV1 3/130, KV2 1/50, HP's own row 1/10: the successors'.
 * Old structure (30 Jun 2025): HP ← NQ, LC, KV1, KV2: to enforce 5/240, completed 1/100, enforceable 4/180: 25.00
 *   and 55.56; HD ← KM apart: to enforce 3/150, completed 2/100: 100.00. The country is 8/390 in both.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventStore } from '@thads/event-store';
import { completionReport, openReadModelDatabase, type CompletionReport } from '@thads/read-models';
import { planScenario } from '../../../apps/cli/src/demo/generator/case-plans';
import { runDemo } from '../../../apps/cli/src/demo/run/demo-runner';
import { parseScenarioText } from '../../../apps/cli/src/demo/scenario/scenario-validation';

const FILE = join(__dirname, '../../../scenarios/merger-2025.json');
const scenario = parseScenarioText(readFileSync(FILE, 'utf8'), FILE);
const M = 1_000_000n;
const silent = { write: () => true };

describe('across 1 July 2025 with a merger (scenarios/merger-2025.json)', () => {
  let dataDir: string;
  let report: CompletionReport;
  let hpNew: CompletionReport;
  let oldStructure: CompletionReport;
  let nextYear: CompletionReport;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'thads-merger-'));
    report = (await runDemo({ scenario, dataDir, progress: silent })).report;
    const readModels = openReadModelDatabase(`sqlite:${join(dataDir, 'read.db')}`);
    try {
      hpNew = await completionReport(readModels.db, { officeId: 'HP', period: '2025-09' });
      oldStructure = await completionReport(readModels.db, {
        officeId: 'TC',
        period: '2025-09',
        structure: '2025-06-30',
      });
      nextYear = await completionReport(readModels.db, { officeId: 'HP', period: '2025-10' });
    } finally {
      await readModels.close();
    }
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const child = (of: CompletionReport, officeId: string) => of.children.find((row) => row.officeId === officeId);

  it('rolls the year up under the successors in the new structure', () => {
    expect(report.structure.successions.map((s) => `${s.predecessorOfficeId}→${s.successorOfficeId}`)).toEqual([
      'HD→HP',
      'NQ→KV1',
      'LC→KV1',
      'KM→KV2',
    ]);
    expect(hpNew.children.map((row) => row.officeId)).toEqual(['KV1', 'KV2']);
    expect(child(hpNew, 'KV1')?.cases).toMatchObject({
      carriedOver: 1n,
      newlyReceived: 3n,
      entrustedOut: 0n,
      toEnforce: 4n,
      completed: 1n,
      enforceable: 3n,
      notEnforceable: 1n,
      carriedToNext: 3n,
      completionRate: '33.33',
    });
    expect(child(hpNew, 'KV1')?.money).toMatchObject({
      toEnforce: 230n * M,
      completed: 100n * M,
      enforceable: 170n * M,
      completionRate: '58.82',
    });
    expect(child(hpNew, 'KV2')?.cases).toMatchObject({
      toEnforce: 2n,
      terminated: 1n,
      postponed: 1n,
      enforceable: 1n,
      completionRate: '100.00',
    });
    expect(hpNew.office?.cases).toMatchObject({ newlyReceived: 2n, completed: 1n, completionRate: '50.00' });
    expect(hpNew.office?.money).toMatchObject({ toEnforce: 30n * M, completed: 20n * M, completionRate: '66.67' });
    expect(hpNew.rollUp.cases).toMatchObject({
      carriedOver: 2n,
      newlyReceived: 6n,
      toEnforce: 8n,
      completed: 3n,
      enforceable: 6n,
      carriedToNext: 5n,
      completionRate: '50.00',
    });
    expect(hpNew.rollUp.money).toMatchObject({
      carriedOver: 180n * M,
      newlyReceived: 210n * M,
      toEnforce: 390n * M,
      completed: 200n * M,
      enforceable: 280n * M,
      carriedToNext: 190n * M,
      completionRate: '71.43',
    });
  });

  it('shows the old structure for comparison; the country is the same in both', () => {
    expect(child(oldStructure, 'HP')?.cases).toMatchObject({ toEnforce: 5n, completed: 1n, completionRate: '25.00' });
    expect(child(oldStructure, 'HP')?.money).toMatchObject({ toEnforce: 240n * M, completionRate: '55.56' });
    expect(child(oldStructure, 'HD')?.cases).toMatchObject({ toEnforce: 3n, completed: 2n, completionRate: '100.00' });
    expect(oldStructure.rollUp.cases.toEnforce).toBe(8n);
    expect(oldStructure.rollUp.money.toEnforce).toBe(390n * M);
  });

  it('carries over into the next year under the successors', () => {
    expect(child(nextYear, 'KV1')?.cases.carriedOver).toBe(3n);
    expect(child(nextYear, 'KV1')?.money.carriedOver).toBe(130n * M);
    expect(child(nextYear, 'KV2')?.money.carriedOver).toBe(50n * M);
    expect(nextYear.office?.money.carriedOver).toBe(10n * M);
    expect(nextYear.rollUp.money.carriedOver).toBe(190n * M); // this year's carried to next
  });

  it('keeps each case with the office that received it; from 1 July the successor’s staff act on it', async () => {
    const successorOf: Record<string, string> = { NQ: 'KV1', LC: 'KV1', KM: 'KV2', HD: 'HP' };
    const merged = planScenario(scenario).filter((plan) => plan.officeId in successorOf);
    const store = createSqliteEventStore({ filename: join(dataDir, 'events.db') });
    let actedBySuccessor = 0;
    try {
      for (const plan of merged) {
        const events = await store.readStream(`case-${plan.caseId}`);
        expect(events.every((event) => event.data.officeId === plan.officeId)).toBe(true);
        for (const event of events) {
          const after = String(event.data.effectiveDate) >= '2025-07-01';
          const acting = after ? successorOf[plan.officeId] : plan.officeId;
          expect([plan.caseId, event.type, event.metadata.actor.officeId]).toEqual([plan.caseId, event.type, acting]);
          if (after) actedBySuccessor += 1;
        }
      }
    } finally {
      await store.close();
    }
    expect(actedBySuccessor).toBeGreaterThan(0);
  });
});
