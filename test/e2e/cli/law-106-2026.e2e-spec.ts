/**
 * scenarios/law-106-2026.json through the demo runner: reporting year 2026 to September, across 1 July 2026, when
 * Law 106/2025 took effect. Every expected figure is computed by hand from the file (docs/statistics.md,
 * docs/scenarios.md) and compared with what the completion_stats projection made of the events.
 *
 * HP-KV1 (regional unit), by cases and in millions of VND (carried over + received), with each state's ex officio part:
 *   in progress 3 (1+2) 300 · postponed by agreement 2 (1+1) 250 · fully enforced 2 (1+1) 300 · terminated 1 (0+1) 50
 *   postponed 1 (0+1) 80 · suspended 1 (1+0) 120 · not enforceable 2 (1+1) 360 · entrusted to QN-KV1 1 (0+1) 90
 *   taken up by HP 2 (1+1) 900 · sent back (Law 106/2025) 1 (1+0) 250 · separate register 1 (1+0) 70
 * HP (province) own: fully enforced 1 (received) 1,000 · not enforceable 1 (carried) 2,000, and the two cases it opened
 * for the ones it took up (newly received, in progress) 900. HP-KV2: fully enforced 2 (received) 60 · not enforceable 1
 * (carried) 40. QN-KV1: in progress 1 (received) 40, and the case it opened for the entrusted one, 90.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventStore } from '@thads/event-store';
import { completionReport, openReadModelDatabase, type CompletionReport } from '@thads/read-models';
import { planScenario } from '../../../apps/cli/src/demo/generator/case-plans';
import { runDemo } from '../../../apps/cli/src/demo/run/demo-runner';
import { parseScenarioText } from '../../../apps/cli/src/demo/scenario/scenario-validation';

const FILE = join(__dirname, '../../../scenarios/law-106-2026.json');
const scenario = parseScenarioText(readFileSync(FILE, 'utf8'), FILE);
const M = 1_000_000n;
const silent = { write: () => true };

describe('across 1 July 2026 (scenarios/law-106-2026.json)', () => {
  let dataDir: string;
  let country: CompletionReport;
  let hp: CompletionReport;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'thads-law106-'));
    country = (await runDemo({ scenario, dataDir, progress: silent })).report;
    const readModels = openReadModelDatabase(`sqlite:${join(dataDir, 'read.db')}`);
    try {
      hp = await completionReport(readModels.db, { officeId: 'HP', period: '2026-09' });
    } finally {
      await readModels.close();
    }
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const row = (officeId: string) => {
    const found = hp.children.find((child) => child.officeId === officeId);
    if (!found) throw new Error(`no row for ${officeId}`);
    return found;
  };

  it('HP-KV1: taken up, sent back, entrusted and separate-register cases leave phải thi hành; agreement postponements stay có điều kiện', () => {
    expect(row('HP-KV1').cases).toMatchObject({
      carriedOver: 8n, // 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1
      newlyReceived: 9n, // 2 + 1 + 1 + 1 + 1 + 1 + 1 + 1
      takenOn: 17n,
      movedToSeparateRegister: 2n, // the separate register 1 and the request sent back 1
      entrustedOut: 1n,
      takenUp: 2n,
      toEnforce: 12n, // (8 − 2) + 9 − 1 − 2
      enforceable: 8n, // in progress 3 + by agreement 2 + fully enforced 2 + terminated 1
      inProgress: 5n,
      postponedByAgreement: 2n,
      notEnforceable: 2n,
      postponedOrSuspended: 2n,
      postponed: 1n,
      suspended: 1n,
      completed: 3n,
      fullyEnforced: 2n,
      terminated: 1n,
      carriedToNext: 9n, // 12 − 3
      collectedOnOpen: 2n, // the two largest in-progress cases were paid in part, as the file states
      completionRate: '37.50', // 3 / 8
      enforceableShare: '66.67', // 8 / 12
    });
    expect(row('HP-KV1').money).toMatchObject({
      carriedOver: 1_690n * M, // 100 + 200 + 150 + 120 + 300 + 500 + 250 + 70
      newlyReceived: 1_080n * M, // 200 + 100 + 50 + 100 + 80 + 60 + 90 + 400
      movedToSeparateRegister: 320n * M, // 70 + 250
      entrustedOut: 90n * M,
      takenUp: 900n * M,
      toEnforce: 1_460n * M, // (1,690 − 320) + 1,080 − 90 − 900
      enforceable: 900n * M, // 300 + 250 + 300 + 50
      postponedByAgreement: 250n * M,
      notEnforceable: 360n * M,
      postponedOrSuspended: 200n * M,
      completed: 350n * M,
      carriedToNext: 1_110n * M,
      collectedOnOpen: 60n * M, // not completed money
      completionRate: '38.89', // 350 / 900
    });
    // The file states every case's mode: ex officio in progress 1 (50), fully enforced 1 (100), terminated 1 (50),
    // suspended 1 (120), not enforceable 1 (300); the rest of phải thi hành is on request.
    expect(row('HP-KV1').cases.byMode).toEqual({
      exOfficio: {
        toEnforce: 5n,
        enforceable: 3n,
        notEnforceable: 1n,
        postponedOrSuspended: 1n,
        completed: 2n,
        completionRate: '66.67',
      },
      onRequest: {
        toEnforce: 7n,
        enforceable: 5n,
        notEnforceable: 1n,
        postponedOrSuspended: 1n,
        completed: 1n,
        completionRate: '20.00',
      },
    });
    expect(row('HP-KV1').money.byMode).toMatchObject({
      exOfficio: { toEnforce: 620n * M, enforceable: 200n * M, completed: 150n * M, completionRate: '75.00' },
      onRequest: { toEnforce: 840n * M, enforceable: 700n * M, completed: 200n * M, completionRate: '28.57' },
    });
    // No target of its own: measured against the province's, stated as inherited.
    expect(row('HP-KV1').target).toMatchObject({ cases: '85.00', money: '55.00', inheritedFrom: 'HP' });
    expect(row('HP-KV1').gap).toEqual({ cases: '-47.50', money: '-16.11' });
  });

  it('HP: its own cases include the two it opened for the cases it took up; the roll-up counts each case once', () => {
    expect(hp.office?.cases).toMatchObject({
      carriedOver: 1n,
      newlyReceived: 3n,
      takenUp: 0n,
      toEnforce: 4n,
      enforceable: 3n,
      inProgress: 2n,
      completed: 1n,
      completionRate: '33.33',
    });
    expect(hp.office?.money).toMatchObject({
      newlyReceived: 1_900n * M,
      enforceable: 1_900n * M,
      completionRate: '52.63',
    });
    expect(hp.rollUp.cases).toMatchObject({
      carriedOver: 10n,
      newlyReceived: 14n,
      movedToSeparateRegister: 2n,
      entrustedOut: 1n,
      takenUp: 2n,
      toEnforce: 19n, // (10 − 2) + 14 − 1 − 2
      enforceable: 13n,
      notEnforceable: 4n,
      postponedOrSuspended: 2n,
      completed: 6n,
      completionRate: '46.15', // 6 / 13
    });
    expect(hp.rollUp.money).toMatchObject({
      toEnforce: 5_460n * M,
      enforceable: 2_860n * M,
      completed: 1_410n * M,
      completionRate: '49.30', // 1,410 / 2,860
    });
    expect(hp.rollUp.gap).toEqual({ cases: '-38.85', money: '-5.70' });
  });

  it('the country: the entrusted case counts once, at Quảng Ninh, where it was opened', () => {
    const qn = country.children.find((child) => child.officeId === 'QN');
    expect(qn?.cases).toMatchObject({ newlyReceived: 2n, toEnforce: 2n, enforceable: 2n, completionRate: '0.00' });
    expect(qn?.money).toMatchObject({ newlyReceived: 130n * M });
    expect(country.rollUp.cases).toMatchObject({
      carriedOver: 10n,
      newlyReceived: 16n,
      entrustedOut: 1n,
      takenUp: 2n,
      toEnforce: 21n,
      enforceable: 15n,
      completed: 6n,
      completionRate: '40.00',
    });
    // Collections on open cases: only the 60 the file states (opened cases and Quảng Ninh's collected nothing).
    expect(country.rollUp.cases.collectedOnOpen).toBe(2n);
    expect(country.rollUp.money.collectedOnOpen).toBe(60n * M);
    expect(country.rollUp.money).toMatchObject({
      toEnforce: 5_590n * M,
      enforceable: 2_990n * M,
      completionRate: '47.16',
    });
  });

  it('cases span both laws: earlier steps keep their rule set; the send-back is under Law 106/2025, the move before it', async () => {
    const plans = planScenario(scenario);
    const idOf = (endState: string) => plans.find((plan) => plan.endState === endState)?.caseId;
    const store = createSqliteEventStore({ filename: join(dataDir, 'events.db') });
    try {
      const sentBack = await store.readStream(`case-${idOf('sentBack')}`);
      expect(sentBack.at(-1)).toMatchObject({ type: 'EnforcementRequestSentBack', data: { ruleSet: 'LAW_106_2025' } });
      expect(sentBack.filter((event) => event.data.ruleSet === 'LAW_2008_2014').length).toBeGreaterThan(3);
      const moved = await store.readStream(`case-${idOf('movedToSeparateRegister')}`);
      expect(moved.at(-1)).toMatchObject({
        type: 'MovedToSeparateTrackingRegister',
        data: { ruleSet: 'LAW_2008_2014' },
      });
      const takenUp = await store.readStream(`case-${idOf('takenUp')}`);
      expect(takenUp.at(-1)).toMatchObject({
        type: 'CaseTakenUp',
        data: { fromOfficeId: 'HP-KV1', provincialOfficeId: 'HP' },
        metadata: { actor: { role: 'head', officeId: 'HP' } },
      });
    } finally {
      await store.close();
    }
  });
});
