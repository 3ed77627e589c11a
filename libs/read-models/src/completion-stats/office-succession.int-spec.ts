import { executeCommand } from '@thads/application';
import type { OfficeRegistryCommand, ReportingCommand, ReportingOfficeTier } from '@thads/domain';
import type { CompletionReportRow } from './completion-report.types';
import {
  closePeriod,
  decidedCase,
  M,
  notEnforceable,
  postponed,
  settled,
  startStatsWorld,
  terminated,
  type StatsWorld,
} from './completion-stats.test-fixtures';

/**
 * The 1 July 2025 reorganisation in reporting year 2025 (1 Oct 2024 – 30 Sep 2025, TT 05/2024, three-way split), with
 * figures computed by hand (amounts in millions of VND):
 *
 * Before: TC ← HP (Hải Phòng) ← NQ, LC (districts); TC ← HD (Hải Dương) ← KM (district).
 * On 2025-07-01 (act 1898/QĐ-BTP): the province HD merges into HP, which carries on (a province merger); NQ and LC
 * merge into the regional unit KV1 and KM into KV2, both under HP (district-to-regional succession).
 *
 *   A1 NQ decided 2024-08-01, 100, settled 2025-08-10 (by KV1)   B1 KM decided 2024-05-06, 80, terminated 2025-07-15
 *   A2 NQ decided 2024-11-04,  40, in progress                    B2 KM decided 2025-01-06, 50, postponed 2025-04-01
 *   A3 LC decided 2025-02-03,  60, not enforceable 2025-03-03     B3 HD decided 2024-12-02, 20, settled 2025-06-10
 *   A4 KV1 decided 2025-08-01, 30, in progress                    H1 HP decided 2025-03-03, 10, in progress
 *
 * New structure (the period's end, 30 Sep 2025):
 *   KV1 = A1..A4: carried 1/100, received 3/130, to enforce 4/230, completed 1/100 (A1), not enforceable 1/60,
 *       in progress 2/70, enforceable 3/170: rate 1/3 = 33.33, money 100/170 = 58.82; carried to next 3/130.
 *   KV2 = B1, B2: carried 1/80, received 1/50, to enforce 2/130, terminated 1/80, postponed 1/50, enforceable 1/80:
 *       rate 100.00; carried to next 1/50.
 *   HP's own row = H1 + HD's B3: received 2/30, fully enforced 1/20, in progress 1/10: rate 50.00, money 66.67.
 *   HP roll-up: carried 2/180, received 6/210, to enforce 8/390, completed 3/200 (A1, B3 fully 2/120; B1 terminated
 *       1/80), not enforceable 1/60, postponed 1/50, in progress 3/80, enforceable 6/280: rate 50.00, money
 *       200/280 = 71.43; carried to next 5/190. Nothing is entrusted out or received twice.
 * Old structure (30 Jun 2025), for comparison: HP ← NQ (A1, A2), LC (A3), KV1 (A4) and KV2 (none; both registered
 * from 1 July, so rows of their own) and H1:
 *   carried 1/100, received 4/140, to enforce 5/240, completed 1/100, enforceable 4/180: rate 25.00, money 55.56;
 *   HD ← KM stands apart: to enforce 3/150, completed 2/100 (B1, B3), postponed 1/50: rate 100.00.
 *   The country is 8/390 to enforce in both structures.
 * Next year (October 2025): KV1 carries over 3/130 (A2, A3, A4), KV2 1/50, HP's own row 1/10: the successor's.
 */
describe('completion report across the 2025 reorganisation', () => {
  let world: StatsWorld;
  let commandNumber = 0;
  const act = { number: '1898/QĐ-BTP', issuedOn: '2025-06-20', issuedBy: 'Bộ Tư pháp' };

  const register = (officeId: string, tier: ReportingOfficeTier, parentOfficeId?: string, on = '2017-01-02') =>
    world.onOffice(officeId, [
      {
        type: 'RegisterOffice',
        data: {
          officeId,
          name: `Cơ quan ${officeId}`,
          tier,
          effectiveDate: on,
          ...(parentOfficeId && { parentOfficeId }),
        },
      } satisfies ReportingCommand,
    ]);
  const registry = async (command: OfficeRegistryCommand) => {
    commandNumber += 1;
    const actor = { id: 'admin-1', role: 'admin' };
    const id = `registry-${commandNumber}`;
    await executeCommand(
      world.store,
      { aggregate: 'officeregistry', id: 'national', command },
      { commandId: id, correlationId: id, actor },
    );
  };
  const merge = (predecessorOfficeIds: string[], successorOfficeId: string) =>
    registry({
      type: 'MergeOffices',
      data: { predecessorOfficeIds, successorOfficeId, effectiveDate: '2025-07-01', legalAct: act },
    });

  beforeAll(async () => {
    world = await startStatsWorld();
    await register('TC', 'GENERAL_DEPARTMENT');
    await register('HP', 'PROVINCE', 'TC');
    await register('HD', 'PROVINCE', 'TC');
    await register('NQ', 'DISTRICT', 'HP');
    await register('LC', 'DISTRICT', 'HP');
    await register('KM', 'DISTRICT', 'HD');
    await register('KV1', 'REGIONAL', 'HP', '2025-07-01');
    await register('KV2', 'REGIONAL', 'HP', '2025-07-01');
    await merge(['HD'], 'HP');
    await merge(['NQ', 'LC'], 'KV1');
    await merge(['KM'], 'KV2');
    await world.onCase('A1', [
      ...decidedCase('A1', 'NQ', '2024-08-01', [100n * M]),
      ...settled('A1', [100n * M], '2025-08-10'),
    ]);
    await world.onCase('A2', decidedCase('A2', 'NQ', '2024-11-04', [40n * M]));
    await world.onCase('A3', [...decidedCase('A3', 'LC', '2025-02-03', [60n * M]), ...notEnforceable('2025-03-03')]);
    await world.onCase('A4', decidedCase('A4', 'KV1', '2025-08-01', [30n * M]));
    await world.onCase('B1', [...decidedCase('B1', 'KM', '2024-05-06', [80n * M]), terminated('2025-07-15')]);
    await world.onCase('B2', [...decidedCase('B2', 'KM', '2025-01-06', [50n * M]), postponed('2025-04-01')]);
    await world.onCase('B3', [
      ...decidedCase('B3', 'HD', '2024-12-02', [20n * M]),
      ...settled('B3', [20n * M], '2025-06-10'),
    ]);
    await world.onCase('H1', decidedCase('H1', 'HP', '2025-03-03', [10n * M]));
    await world.project();
  });
  afterAll(() => world.close());

  const figures = (row: CompletionReportRow | null | undefined) => ({
    cases: row && {
      carriedOver: row.cases.carriedOver,
      newlyReceived: row.cases.newlyReceived,
      entrustedOut: row.cases.entrustedOut,
      toEnforce: row.cases.toEnforce,
      completed: row.cases.completed,
      enforceable: row.cases.enforceable,
      carriedToNext: row.cases.carriedToNext,
      completionRate: row.cases.completionRate,
    },
    money: row && {
      toEnforce: row.money.toEnforce,
      completed: row.money.completed,
      enforceable: row.money.enforceable,
      completionRate: row.money.completionRate,
    },
  });
  const childrenOf = (rows: readonly CompletionReportRow[]) => new Map(rows.map((row) => [row.officeId, row]));

  it('rolls the year up under the successors in the new structure (the default: the period’s end)', async () => {
    const report = await world.report({ officeId: 'HP', period: '2025-09' });
    expect(report.structure.on).toBe('2025-09-30');
    expect(report.structure.successions.map((s) => `${s.predecessorOfficeId}→${s.successorOfficeId}`)).toEqual([
      'HD→HP',
      'NQ→KV1',
      'LC→KV1',
      'KM→KV2',
    ]);
    const children = childrenOf(report.children);
    expect([...children.keys()]).toEqual(['KV1', 'KV2']);
    expect(figures(children.get('KV1'))).toEqual({
      cases: {
        carriedOver: 1n,
        newlyReceived: 3n,
        entrustedOut: 0n,
        toEnforce: 4n,
        completed: 1n,
        enforceable: 3n,
        carriedToNext: 3n,
        completionRate: '33.33',
      },
      money: { toEnforce: 230n * M, completed: 100n * M, enforceable: 170n * M, completionRate: '58.82' },
    });
    // The form's further figures: total taken on = carried over + received; hoãn and tạm đình chỉ apart (B2 is
    // postponed for illness); every case here is ex officio, so on request is all zero.
    expect(children.get('KV1')?.cases).toMatchObject({ takenOn: 4n, postponed: 0n, suspended: 0n });
    expect(children.get('KV2')?.cases.byMode).toEqual({
      exOfficio: {
        toEnforce: 2n,
        enforceable: 1n,
        notEnforceable: 0n,
        postponedOrSuspended: 1n,
        completed: 1n,
        completionRate: '100.00',
      },
      onRequest: {
        toEnforce: 0n,
        enforceable: 0n,
        notEnforceable: 0n,
        postponedOrSuspended: 0n,
        completed: 0n,
        completionRate: null,
      },
    });
    expect(children.get('KV2')?.cases).toMatchObject({
      takenOn: 2n,
      postponed: 1n,
      suspended: 0n,
      toEnforce: 2n,
      completed: 1n,
      terminated: 1n,
      postponedOrSuspended: 1n,
      carriedToNext: 1n,
      completionRate: '100.00',
    });
    expect(figures(report.office).money).toEqual({
      toEnforce: 30n * M,
      completed: 20n * M,
      enforceable: 30n * M,
      completionRate: '66.67',
    });
    expect(report.rollUp.cases).toMatchObject({
      carriedOver: 2n,
      newlyReceived: 6n,
      entrustedOut: 0n,
      toEnforce: 8n,
      completed: 3n,
      fullyEnforced: 2n,
      terminated: 1n,
      notEnforceable: 1n,
      postponedOrSuspended: 1n,
      inProgress: 3n,
      enforceable: 6n,
      completionRate: '50.00',
      carriedToNext: 5n,
    });
    expect(report.rollUp.money).toMatchObject({ toEnforce: 390n * M, completed: 200n * M, completionRate: '71.43' });
  });

  it('reports the same year in the old structure for comparison (structure=2025-06-30)', async () => {
    const hp = await world.report({ officeId: 'HP', period: '2025-09', structure: '2025-06-30' });
    expect([...childrenOf(hp.children).keys()]).toEqual(['KV1', 'KV2', 'LC', 'NQ']);
    expect(figures(hp.rollUp)).toEqual({
      cases: {
        carriedOver: 1n,
        newlyReceived: 4n,
        entrustedOut: 0n,
        toEnforce: 5n,
        completed: 1n,
        enforceable: 4n,
        carriedToNext: 4n,
        completionRate: '25.00',
      },
      money: { toEnforce: 240n * M, completed: 100n * M, enforceable: 180n * M, completionRate: '55.56' },
    });
    const hd = await world.report({ officeId: 'HD', period: '2025-09', structure: '2025-06-30' });
    expect(hd.rollUp.cases).toMatchObject({ toEnforce: 3n, completed: 2n, postponedOrSuspended: 1n });
    expect(hd.rollUp.money).toMatchObject({ toEnforce: 150n * M, completed: 100n * M, completionRate: '100.00' });
    const [before, after] = await Promise.all([
      world.report({ period: '2025-09', structure: '2025-06-30' }),
      world.report({ period: '2025-09' }),
    ]);
    expect(before.rollUp.cases.toEnforce).toBe(8n);
    expect(after.rollUp.cases).toEqual(before.rollUp.cases);
    expect(after.rollUp.money).toEqual(before.rollUp.money);
  });

  it('refuses a predecessor as a row of the new structure, naming its successor', async () => {
    await expect(world.report({ officeId: 'NQ', period: '2025-09' })).rejects.toMatchObject({
      code: 'OFFICE_NOT_IN_STRUCTURE',
      details: { successorOfficeId: 'KV1', structure: '2025-09-30' },
    });
    await expect(world.report({ officeId: 'HP', period: '2025-09', structure: '2025-02-30' })).rejects.toMatchObject({
      code: 'INVALID_DATE',
      details: { field: 'structure' },
    });
  });

  it('carries the balance into the next year under the successors', async () => {
    const october = await world.report({ officeId: 'HP', period: '2025-10' });
    const children = childrenOf(october.children);
    expect(children.get('KV1')?.cases.carriedOver).toBe(3n);
    expect(children.get('KV1')?.money.carriedOver).toBe(130n * M);
    expect(children.get('KV2')?.cases.carriedOver).toBe(1n);
    expect(october.office?.cases.carriedOver).toBe(1n);
    expect(october.rollUp.cases.carriedOver).toBe(5n);
    expect(october.rollUp.money.carriedOver).toBe(190n * M);
  });

  it('freezes what the successor held when it closes the period, predecessors’ cases included', async () => {
    await world.onOffice('KV1', [closePeriod('KV1', '2025-09', '2025-10-02')]);
    await world.onCase('A2', settled('A2', [40n * M], '2025-09-20'), '2025-10-06');
    await world.project();
    const september = await world.report({ officeId: 'KV1', period: '2025-09' });
    expect(september.closed).toBe(true);
    expect(figures(september.rollUp).cases).toMatchObject({ toEnforce: 4n, completed: 1n, completionRate: '33.33' });
    const october = await world.report({ officeId: 'KV1', period: '2025-10' });
    expect(october.rollUp.adjustments).toMatchObject({
      appliesToPeriod: '2025-09',
      landsIn: 'OPENING_BALANCE',
      cases: { fullyEnforced: 1n, completed: 1n },
    });
  });
});
