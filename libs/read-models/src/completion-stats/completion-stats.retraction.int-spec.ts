import type { CaseCommand, LocalDate } from '@thads/domain';
import {
  closePeriod,
  haiPhong2018,
  M,
  settled,
  startStatsWorld,
  terminated,
  type StatsWorld,
} from './completion-stats.test-fixtures';

type Snapshot = { period: string; kind: string; measure: string; in_progress: bigint; fully_enforced: bigint };

/**
 * A retracted settlement (CorrectRecordedFact → FactRetracted, docs/corrections.md): the case is folded again without
 * it, so a close that knew the settlement keeps it, and the next close carries the change as an ADJUSTMENT.
 */
describe('completion_stats projection: retractions', () => {
  let world: StatsWorld;
  beforeEach(async () => {
    world = await startStatsWorld();
  });
  afterEach(() => world.close());

  /** C6 (HP) settled on 20 May; HP closes May; the settlement is retracted on 10 June; HP closes June. */
  async function settledThenRetracted(): Promise<void> {
    await haiPhong2018(world);
    await world.onCase('C6', settled('C6', [10n * M], '2018-05-20'));
    await world.onOffice('HP', [closePeriod('HP', '2018-05', '2018-06-04')]);
    const settlement = (await world.store.readStream('case-C6')).find((event) => event.type === 'CaseSettled');
    const retract: CaseCommand = {
      type: 'CorrectRecordedFact',
      data: {
        eventId: settlement!.id,
        target: { type: 'CaseSettled', data: settlement!.data },
        reason: 'Receipt was forged',
        effectiveDate: '2018-06-10',
      },
    };
    await world.onCase('C6', [retract], '2018-06-10');
    await world.onOffice('HP', [closePeriod('HP', '2018-06', '2018-07-02')]);
  }

  it('takes the settlement out of the counters, and a report as known before the retraction still shows it', async () => {
    await settledThenRetracted();
    await world.project();
    // C6 is HP's only case: decided in April (month 7 of reporting year 2018), settled in May (month 8).
    const hpCases = ((await world.rows()).completion_stats_counters as Record<string, unknown>[]).filter(
      (row) => row.office_id === 'HP' && row.measure === 'CASES',
    );
    // May keeps only the collection the settlement came with, now money collected on an open case.
    expect(hpCases.map((row) => [row.reporting_year, Number(row.slot)])).toEqual([
      [2018n, 7],
      [2018n, 8],
      [2019n, -1],
    ]);
    expect(hpCases[1]).toMatchObject({ in_progress: 0n, fully_enforced: 0n, collected_on_open: 1n });
    const july = (asOf?: LocalDate) => world.report({ officeId: 'HP', period: '2018-07', asOf });
    expect((await july()).office?.cases).toMatchObject({ fullyEnforced: 0n, inProgress: 1n });
    expect((await july('2018-06-09')).office?.cases).toMatchObject({ fullyEnforced: 1n, inProgress: 0n });
    expect((await july('2018-06-10')).office?.cases).toMatchObject({ fullyEnforced: 0n, inProgress: 1n });
  });

  it('leaves the closed May snapshot as it was and lands the change in June as an adjustment', async () => {
    await settledThenRetracted();
    await world.project();
    const snapshots = (await world.rows()).completion_stats_snapshots as Snapshot[];
    expect(
      snapshots
        .filter((row) => row.measure === 'CASES')
        .map((row) => [row.period, row.kind, row.in_progress, row.fully_enforced]),
    ).toEqual([
      ['2018-05', 'PERIOD', 0n, 1n],
      ['2018-06', 'ADJUSTMENT', 1n, -1n],
      ['2018-06', 'PERIOD', 1n, 0n],
    ]);
  });

  /** C6 (HP, 10M owed) collects 8M on 15 May and is terminated on 20 May; HP closes May; the 8M receipt is corrected to 3M on 10 June. */
  async function collectionCorrectedAfterClose(): Promise<void> {
    await haiPhong2018(world);
    await world.onCase('C6', [
      {
        type: 'RecordCollection',
        data: {
          collectionId: 'thu-C6',
          itemId: 'C6-1',
          amount: 8n * M,
          source: 'VOLUNTARY',
          effectiveDate: '2018-05-15',
        },
      },
      terminated('2018-05-20'),
    ]);
    await world.onOffice('HP', [closePeriod('HP', '2018-05', '2018-06-04')]);
    const collection = (await world.store.readStream('case-C6')).find((event) => event.type === 'FundsCollected');
    const correct: CaseCommand = {
      type: 'CorrectRecordedFact',
      data: {
        eventId: collection!.id,
        target: { type: 'FundsCollected', data: collection!.data },
        correctedData: { amount: (3n * M).toString() },
        reason: 'Receipt misread',
        effectiveDate: '2018-06-10',
      },
    };
    await world.onCase('C6', [correct], '2018-06-10');
    await world.onOffice('HP', [closePeriod('HP', '2018-06', '2018-07-02')]);
  }

  it('counts a corrected collection amount in place of the original: May stays frozen, June carries the adjustment', async () => {
    await collectionCorrectedAfterClose();
    await world.project();
    const snapshots = (await world.rows()).completion_stats_snapshots as (Snapshot & { terminated: bigint })[];
    expect(
      snapshots
        .filter((row) => row.measure === 'MONEY')
        .map((row) => [row.period, row.kind, row.fully_enforced, row.terminated]),
    ).toEqual([
      ['2018-05', 'PERIOD', 8n * M, 2n * M],
      ['2018-06', 'ADJUSTMENT', -5n * M, 5n * M],
      ['2018-06', 'PERIOD', 3n * M, 7n * M],
    ]);
    const june = await world.report({ officeId: 'HP', period: '2018-06' });
    expect(
      JSON.stringify(june, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)),
    ).toContain('"fullyEnforced":"3000000"');
  });

  it.each([
    ['a retracted settlement', settledThenRetracted],
    ['a corrected collection', collectionCorrectedAfterClose],
  ])(
    'with %s: applied twice gives the same rows, and rebuild from zero equals the live rows',
    async (_history, write) => {
      await write();
      const head = await world.project();
      const live = await world.rows();
      await world.applyAllAgain();
      expect(await world.rows()).toEqual(live);
      expect(await world.rebuild(3)).toMatchObject({ position: head });
      expect(await world.rows()).toEqual(live);
    },
  );
});
