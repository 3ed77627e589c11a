import {
  closePeriod,
  haiPhong2018,
  M,
  settled,
  startStatsWorld,
  type StatsWorld,
} from './completion-stats.test-fixtures';

describe('completion_stats projection', () => {
  let world: StatsWorld;
  beforeEach(async () => {
    world = await startStatsWorld();
  });
  afterEach(() => world.close());

  it('given case and reporting events, keeps report counters per office, reporting year and month, the offices and the targets', async () => {
    await haiPhong2018(world);
    await world.project();
    const rows = await world.rows();
    type CounterRow = { office_id: string; reporting_year: bigint; slot: bigint; measure: string } & Record<
      string,
      bigint
    >;
    const counters = rows.completion_stats_counters as CounterRow[];
    // C4 (LC): decided in November (month 2 of reporting year 2018), terminated in February (month 5); nothing
    // carried into 2019. In February C8 is decided at LC too, so in progress loses C4 and gains C8.
    const lcCases = counters.filter((row) => row.office_id === 'LC' && row.measure === 'CASES');
    expect(lcCases.find((row) => row.reporting_year === 2018n && Number(row.slot) === 2)).toMatchObject({
      newly_received: 1n,
      in_progress: 1n,
    });
    expect(lcCases.find((row) => row.reporting_year === 2018n && Number(row.slot) === 5)).toMatchObject({
      newly_received: 1n,
      in_progress: 0n,
      terminated: 1n,
    });
    // C2 (NQ) is not enforceable since June 2017: on the books at the opening balance of 2018 and standing still
    // from then on, so its counters are one CARRIED_ON row (slot -1) of 2018.
    expect(
      counters.find(
        (row) =>
          row.office_id === 'NQ' && row.measure === 'MONEY' && Number(row.slot) === -1 && row.reporting_year === 2018n,
      ),
    ).toMatchObject({ carried_over: 50n * M, not_enforceable: 50n * M });
    // The dated changes add up to the counters.
    const sums = new Map<string, bigint>();
    for (const row of rows.completion_stats_counter_changes as CounterRow[]) {
      const key = `${row.office_id} ${row.reporting_year} ${row.slot} ${row.measure}`;
      sums.set(key, (sums.get(key) ?? 0n) + row.in_progress + 7n * row.terminated + 13n * row.carried_over);
    }
    for (const row of counters)
      expect(sums.get(`${row.office_id} ${row.reporting_year} ${row.slot} ${row.measure}`)).toBe(
        row.in_progress + 7n * row.terminated + 13n * row.carried_over,
      );
    expect((rows.completion_stats_case_offices as { office_id: string }[]).map((row) => row.office_id)).toEqual([
      'HP',
      'LC',
      'NQ',
    ]);
    expect(rows.completion_stats_offices).toMatchObject([
      { office_id: 'HP', parent_office_id: 'TC', tier: 'PROVINCE' },
      { office_id: 'LC', parent_office_id: 'HP', tier: 'DISTRICT' },
      { office_id: 'NQ', parent_office_id: 'HP', tier: 'DISTRICT' },
      { office_id: 'TC', parent_office_id: null, tier: 'GENERAL_DEPARTMENT' },
    ]);
    expect(rows.completion_stats_targets).toMatchObject([
      { office_id: 'HP', reporting_year: 2018n, cases_target_bp: 7200n, money_target_bp: 3200n },
      { office_id: 'NQ', reporting_year: 2018n, cases_target_bp: 7500n, money_target_bp: 3500n },
    ]);
  });

  it('freezes an office’s own tallies and its targets when it closes a period', async () => {
    await haiPhong2018(world);
    await world.onOffice('NQ', [closePeriod('NQ', '2018-05', '2018-06-02')]);
    await world.project();
    const rows = await world.rows();
    expect(rows.completion_stats_closed_periods).toMatchObject([
      { office_id: 'NQ', period: '2018-05', reporting_year: 2018n, cases_target_bp: 7500n, money_target_bp: 3500n },
    ]);
    expect(rows.completion_stats_snapshots).toEqual([
      // NQ: C1 and C2 carried over, C7 new then entrusted out; C1 fully enforced, C2 not enforceable. C9 is June's.
      {
        office_id: 'NQ',
        period: '2018-05',
        kind: 'PERIOD',
        measure: 'CASES',
        carried_over: 2n,
        moved_to_separate_register: 0n,
        newly_received: 1n,
        entrusted_out: 1n,
        taken_up: 0n,
        in_progress: 0n,
        postponed_or_suspended: 0n,
        not_enforceable: 1n,
        fully_enforced: 1n,
        terminated: 0n,
        postponed: 0n,
        suspended: 0n,
        postponed_by_agreement: 0n,
        collected_on_open: 0n,
        // Every case here is ex officio: phải thi hành 2 + 1 − 1, C2 not enforceable, C1 completed.
        ex_officio_to_enforce: 2n,
        ex_officio_in_progress: 0n,
        ex_officio_postponed_or_suspended: 0n,
        ex_officio_not_enforceable: 1n,
        ex_officio_completed: 1n,
      },
      {
        office_id: 'NQ',
        period: '2018-05',
        kind: 'PERIOD',
        measure: 'MONEY',
        carried_over: 150n * M,
        moved_to_separate_register: 0n,
        newly_received: 40n * M,
        entrusted_out: 40n * M,
        taken_up: 0n,
        in_progress: 0n,
        postponed_or_suspended: 0n,
        not_enforceable: 50n * M,
        fully_enforced: 100n * M,
        terminated: 0n,
        postponed: 0n,
        suspended: 0n,
        postponed_by_agreement: 0n,
        collected_on_open: 0n,
        ex_officio_to_enforce: 150n * M,
        ex_officio_in_progress: 0n,
        ex_officio_postponed_or_suspended: 0n,
        ex_officio_not_enforceable: 50n * M,
        ex_officio_completed: 100n * M,
      },
    ]);
  });

  it('adds an ADJUSTMENT to the next close for what was recorded after the previous one inside its period', async () => {
    await haiPhong2018(world);
    await world.onOffice('HP', [closePeriod('HP', '2018-05', '2018-06-04')]);
    // Recorded on 10 June, effective 20 May: inside the closed period.
    await world.onCase('C6', settled('C6', [10n * M], '2018-05-20'), '2018-06-10');
    await world.onOffice('HP', [closePeriod('HP', '2018-06', '2018-07-02')]);
    await world.project();
    const snapshots = (await world.rows()).completion_stats_snapshots as {
      period: string;
      kind: string;
      measure: string;
      in_progress: bigint;
      fully_enforced: bigint;
    }[];
    expect(snapshots.map((row) => [row.period, row.kind, row.measure, row.in_progress, row.fully_enforced])).toEqual([
      ['2018-05', 'PERIOD', 'CASES', 1n, 0n],
      ['2018-05', 'PERIOD', 'MONEY', 10n * M, 0n],
      ['2018-06', 'ADJUSTMENT', 'CASES', -1n, 1n],
      ['2018-06', 'ADJUSTMENT', 'MONEY', -10n * M, 10n * M],
      ['2018-06', 'PERIOD', 'CASES', 0n, 1n],
      ['2018-06', 'PERIOD', 'MONEY', 0n, 10n * M],
    ]);
  });

  it('applied twice gives the same rows', async () => {
    await haiPhong2018(world);
    await world.onOffice('HP', [closePeriod('HP', '2018-05', '2018-06-04')]);
    await world.onCase('C6', settled('C6', [10n * M], '2018-05-20'), '2018-06-10');
    await world.onOffice('HP', [closePeriod('HP', '2018-06', '2018-07-02')]);
    await world.project();
    const once = await world.rows();
    await world.applyAllAgain();
    expect(await world.rows()).toEqual(once);
  });

  it('rebuild from zero equals the live rows', async () => {
    await haiPhong2018(world);
    await world.onOffice('NQ', [
      closePeriod('NQ', '2018-05', '2018-06-02'),
      closePeriod('NQ', '2018-06', '2018-07-02'),
    ]);
    await world.onCase('C6', settled('C6', [10n * M], '2018-05-20'), '2018-06-10');
    await world.onOffice('HP', [closePeriod('HP', '2018-05', '2018-06-12')]);
    const head = await world.project();
    const live = await world.rows();

    const result = await world.rebuild(5);

    expect(result).toMatchObject({ generation: 2, previousGeneration: 1, position: head });
    expect(await world.rows()).toEqual(live);
  });
});
