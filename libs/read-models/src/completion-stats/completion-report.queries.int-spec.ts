import { DomainError } from '@thads/domain';
import { toCsv } from './export/completion-report.csv';
import type { CompletionReport } from './completion-report.types';
import {
  closePeriod,
  decidedCase,
  haiPhong2018,
  M,
  postponed,
  registerOffice,
  settled,
  startStatsWorld,
  terminated,
  type StatsWorld,
} from './completion-stats.test-fixtures';

function json(report: CompletionReport): string {
  return JSON.stringify(report, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

describe('completionReport', () => {
  let world: StatsWorld;
  beforeEach(async () => {
    world = await startStatsWorld();
    await haiPhong2018(world);
  });
  afterEach(() => world.close());

  it('reports May 2018 for Hải Phòng: its own cases, each district and the roll-up, by cases and by money', async () => {
    const head = await world.project();
    const report = await world.report({ officeId: 'HP', period: '2018-05' });

    expect(report).toMatchObject({
      officeId: 'HP',
      period: '2018-05',
      reportingYear: 2018,
      yearStartsOn: '2017-10-01',
      periodEndsOn: '2018-05-31',
      regime: { id: 'TT_08_2015', split: 'TWO_WAY' },
      asOf: null,
      position: head,
      closed: false,
    });
    expect(report.rollUp).toMatchObject({
      officeId: 'HP',
      scope: 'ROLL_UP',
      closed: false,
      cases: {
        carriedOver: 2n,
        movedToSeparateRegister: 0n,
        newlyReceived: 5n,
        entrustedOut: 1n,
        takenUp: 0n,
        toEnforce: 6n,
        enforceable: 5n, // two-way: the postponed C5 is inside
        notEnforceable: 1n,
        postponedOrSuspended: null,
        completed: 2n,
        fullyEnforced: 1n,
        terminated: 1n,
        inProgress: 3n,
        carriedToNext: 4n,
        completionRate: '40.00',
        enforceableShare: '83.33',
      },
      money: {
        carriedOver: 150n * M,
        newlyReceived: 140n * M,
        entrustedOut: 40n * M,
        toEnforce: 250n * M,
        enforceable: 200n * M,
        notEnforceable: 50n * M,
        completed: 130n * M,
        fullyEnforced: 100n * M,
        terminated: 30n * M,
        carriedToNext: 120n * M,
        completionRate: '65.00',
        enforceableShare: '80.00',
      },
      target: { cases: '72.00', money: '32.00' },
      gap: { cases: '-32.00', money: '33.00' },
      adjustments: null,
    });
    expect(report.office).toMatchObject({
      officeId: 'HP',
      scope: 'OFFICE',
      cases: { toEnforce: 1n, inProgress: 1n, completionRate: '0.00' },
      gap: { cases: '-72.00' },
    });
    expect(
      report.children.map((row) => [
        row.officeId,
        row.cases.toEnforce,
        row.cases.completed,
        row.cases.completionRate,
        row.target?.cases ?? null,
        row.target?.inheritedFrom ?? null,
        row.gap?.cases ?? null,
      ]),
    ).toEqual([
      // LC has no target of its own: its gap is measured against Hải Phòng's 72%, stated as inherited.
      ['LC', 3n, 1n, '33.33', '72.00', 'HP', '-38.67'],
      ['NQ', 2n, 1n, '100.00', '75.00', null, '25.00'],
    ]);
  });

  it('counts each case once: the roll-up is the sum of the offices, the entrusted case is to be enforced only where it went', async () => {
    await world.project();
    const report = await world.report({ officeId: 'HP', period: '2018-05' });
    const rows = [report.office, ...report.children];
    for (const field of ['toEnforce', 'enforceable', 'completed', 'newlyReceived', 'entrustedOut'] as const) {
      expect(rows.reduce((total, row) => total + (row?.cases[field] ?? 0n), 0n)).toBe(report.rollUp.cases[field]);
      expect(rows.reduce((total, row) => total + (row?.money[field] ?? 0n), 0n)).toBe(report.rollUp.money[field]);
    }
    expect(report.rollUp.cases.toEnforce).toBe(report.rollUp.cases.enforceable + report.rollUp.cases.notEnforceable);
  });

  it('reports a district alone: no children, its own cases are its roll-up', async () => {
    await world.project();
    const report = await world.report({ officeId: 'LC', period: '2018-05' });
    expect(report.children).toEqual([]);
    expect(report.office?.cases).toEqual(report.rollUp.cases);
    expect(report.rollUp.cases).toMatchObject({ toEnforce: 3n, completed: 1n });
  });

  it('reports the whole country: top-level offices as children, offices without registration included', async () => {
    await world.onCase('X1', decidedCase('X1', 'UNREGISTERED', '2018-01-02', [1n * M]));
    await world.project();
    const report = await world.report({ period: '2018-05' });
    expect(report).toMatchObject({ officeId: null, office: null, closed: false });
    expect(report.children.map((row) => [row.officeId, row.name, row.cases.toEnforce])).toEqual([
      ['TC', 'Cơ quan TC', 6n],
      ['UNREGISTERED', null, 1n],
    ]);
    expect(report.rollUp).toMatchObject({ officeId: null, target: null, gap: null, cases: { toEnforce: 7n } });
  });

  it('uses the three-way split of TT 06/2019 from reporting year 2020', async () => {
    await world.onOffice('BT', [registerOffice('BT', 'PROVINCE')]);
    await world.onCase('B1', [...decidedCase('B1', 'BT', '2020-11-02', [10n * M]), postponed('2020-12-01')]);
    await world.onCase('B2', [
      ...decidedCase('B2', 'BT', '2020-11-02', [10n * M]),
      ...settled('B2', [10n * M], '2021-01-05'),
    ]);
    await world.project();
    const report = await world.report({ officeId: 'BT', period: '2021-02' });
    expect(report.regime).toMatchObject({ id: 'TT_06_2019', split: 'THREE_WAY' });
    expect(report.rollUp.cases).toMatchObject({
      toEnforce: 2n,
      enforceable: 1n,
      postponedOrSuspended: 1n,
      completed: 1n,
      completionRate: '100.00',
    });
  });

  describe('closed periods', () => {
    async function closeMay(): Promise<void> {
      await world.onOffice('NQ', [closePeriod('NQ', '2018-05', '2018-06-02')]);
      await world.onOffice('LC', [closePeriod('LC', '2018-05', '2018-06-03')]);
      await world.onOffice('HP', [closePeriod('HP', '2018-05', '2018-06-04')]);
    }

    async function lateCorrections(): Promise<void> {
      // Recorded after the close, effective inside the closed May period.
      await world.onCase('C6', settled('C6', [10n * M], '2018-05-20'), '2018-06-10');
      await world.onCase('C5', [terminated('2018-05-25')], '2018-06-11');
    }

    it('a closed period stays byte-identical after later corrections, in JSON and CSV', async () => {
      await closeMay();
      await world.project();
      const before = await world.report({ officeId: 'HP', period: '2018-05' });
      expect(before).toMatchObject({ closed: true, rollUp: { closed: true } });
      const closes = await world.db.selectFrom('completion_stats_closed_periods').select('position').execute();
      expect(before.position).toBe(
        closes.map((close) => close.position).reduce((max, position) => (position > max ? position : max)),
      );

      await lateCorrections();
      await world.project();
      const after = await world.report({ officeId: 'HP', period: '2018-05' });

      expect(json(after)).toBe(json(before));
      expect(toCsv(after)).toBe(toCsv(before));
      expect(after.rollUp.cases.completed).toBe(2n);
    });

    it('lands later corrections in the next period of the same year as adjustments, shown apart', async () => {
      await closeMay();
      await lateCorrections();
      await world.project();
      const june = await world.report({ officeId: 'HP', period: '2018-06' });

      expect(june.closed).toBe(false);
      // June's cumulative figures include the corrections (and C9, decided in June) …
      expect(june.rollUp.cases).toMatchObject({ newlyReceived: 6n, completed: 4n, fullyEnforced: 2n, terminated: 2n });
      // … and the adjustments show what changed in May's closed figures.
      expect(june.rollUp.adjustments).toMatchObject({
        appliesToPeriod: '2018-05',
        landsIn: 'SAME_YEAR',
        cases: {
          completed: 2n,
          fullyEnforced: 1n,
          terminated: 1n,
          inProgress: -2n,
          toEnforce: 0n,
          carriedToNext: -2n,
          completionRate: null,
        },
        money: { completed: 30n * M, fullyEnforced: 10n * M, terminated: 20n * M },
      });
      expect(june.office?.adjustments?.cases).toMatchObject({ fullyEnforced: 1n, terminated: 0n });
      expect(june.children.find((row) => row.officeId === 'NQ')?.adjustments?.cases).toMatchObject({ completed: 0n });
      // Closing June freezes the adjustments with it.
      await world.onOffice('HP', [closePeriod('HP', '2018-06', '2018-07-02')]);
      await world.project();
      expect((await world.report({ officeId: 'HP', period: '2018-06' })).office?.adjustments?.cases).toMatchObject({
        fullyEnforced: 1n,
      });
    });

    it('across 30 September a correction lands in the next year’s opening balance', async () => {
      await world.onOffice('NQ', [closePeriod('NQ', '2018-09', '2018-10-02')]);
      // C2 (not enforceable, carried over) terminated on 15 Sep, recorded on 10 Oct after September was closed.
      await world.onCase('C2', [terminated('2018-09-15')], '2018-10-10');
      await world.project();
      const october = await world.report({ officeId: 'NQ', period: '2018-10' });
      expect(october.reportingYear).toBe(2019);
      expect(october.office?.adjustments).toMatchObject({
        appliesToPeriod: '2018-09',
        landsIn: 'OPENING_BALANCE',
        cases: { terminated: 1n, notEnforceable: -1n, carriedToNext: -1n },
      });
      // C2 is no longer carried over into 2019; C9 (decided June 2018, open) is.
      expect(october.office?.cases).toMatchObject({ carriedOver: 1n, notEnforceable: 0n });
      expect((await world.report({ officeId: 'NQ', period: '2018-09' })).office?.cases).toMatchObject({
        carriedToNext: 2n,
        terminated: 0n,
      });
    });

    it('as of a date, knows only what was recorded by 24:00 that day: closes included', async () => {
      await closeMay();
      await lateCorrections();
      await world.project();
      const early = await world.report({ officeId: 'HP', period: '2018-05', asOf: '2018-06-01' });
      expect(early).toMatchObject({
        asOf: '2018-06-01',
        closed: false,
        rollUp: { closed: false, cases: { completed: 2n } },
      });
      const midway = await world.report({ officeId: 'HP', period: '2018-05', asOf: '2018-06-03' });
      expect(midway.children.map((row) => [row.officeId, row.closed])).toEqual([
        ['LC', true],
        ['NQ', true],
      ]);
      expect(midway.closed).toBe(false);
      const june = await world.report({ officeId: 'HP', period: '2018-06', asOf: '2018-06-10' });
      expect(june.rollUp.adjustments?.cases).toMatchObject({ fullyEnforced: 1n, terminated: 0n });
    });
  });

  it.each([
    [{ officeId: 'NOWHERE', period: '2018-05' }, 'OFFICE_NOT_FOUND'],
    [{ officeId: 'HP', period: '2018-13' }, 'INVALID_PERIOD'],
    [{ officeId: 'HP', period: '2018-05', asOf: '2018-02-30' }, 'INVALID_DATE'],
  ])('refuses %p: %s', async (request, code) => {
    await world.project();
    await expect(world.report(request)).rejects.toMatchObject({ code });
    await expect(world.report(request)).rejects.toBeInstanceOf(DomainError);
  });
});
