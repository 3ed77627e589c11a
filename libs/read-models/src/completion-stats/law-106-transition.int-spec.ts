import type { CaseCommand, LocalDate } from '@thads/domain';
import {
  decidedCase,
  notEnforceable,
  registerOffice,
  settled,
  startStatsWorld,
  type StatsWorld,
} from './completion-stats.test-fixtures';

const M = 1_000_000n;

/** An on-request case (the fixtures' receive is ex officio), received and decided on one day. */
function onRequestCase(caseId: string, effectiveDate: LocalDate, amount: bigint): CaseCommand[] {
  const [receive, decide] = decidedCase(caseId, 'HP', effectiveDate, [amount]);
  if (receive.type !== 'ReceiveCase') throw new Error('decidedCase starts with ReceiveCase');
  return [{ ...receive, data: { ...receive.data, source: 'REQUEST', mode: 'ON_REQUEST' } }, decide];
}
const reverify = (effectiveDate: LocalDate): CaseCommand => ({
  type: 'RecordPeriodicReverification',
  data: { result: 'STILL_NOT_ENFORCEABLE', findings: 'Không có gì mới', effectiveDate },
});
const moveToRegister = (effectiveDate: LocalDate): CaseCommand => ({
  type: 'MoveToSeparateTrackingRegister',
  data: { effectiveDate },
});
const sendBack = (effectiveDate: LocalDate): CaseCommand => ({
  type: 'SendBackEnforcementRequest',
  data: { noticeNumber: 'TB-GL', effectiveDate },
});

/**
 * Reporting year 2026 (1 Oct 2025 – 30 Sep 2026) spans Law 106/2025 (1 July 2026). Steps taken before keep their rule
 * set; later steps follow the new rules (docs/law-2026.md). Every figure is computed by hand below, in millions of VND.
 *
 * | case       | mode        | story                                                                  | 30 Jun 2026 | 30 Sep 2026        |
 * | ---------- | ----------- | ---------------------------------------------------------------------- | ----------- | ------------------ |
 * | EX-OLD 100 | ex officio  | not enforceable 6 Jan 2025; moved 16 Mar 2026 under the 1-year timer    | separate    | separate           |
 * | EX-NEW 200 | ex officio  | not enforceable 6 Jan 2025; a move on 15 Jul 2026 needs 2 years: refused | NE          | NE                 |
 * | RQ-BACK 300| on request  | not enforceable 3 Jun 2024; sent back 15 Jul 2026 (2 years passed)      | NE          | sent back [I]      |
 * | RQ-NE 400  | on request  | not enforceable 3 Jun 2024; the separate register refused from July     | NE          | NE                 |
 * | NEW 50     | ex officio  | received 3 Aug 2026 under the new law, paid and settled 20 Aug 2026     | —           | fully enforced     |
 *
 * 30 Sep 2026: carried over 4 (1,000); newly received 1 (50); to the separate register (sent back counted there [I])
 * 2 (100 + 300 = 400); phải thi hành 4 − 2 + 1 = 3 (1,000 − 400 + 50 = 650); not enforceable 2 (600); enforceable 1
 * (50); completed 1 (50): 100.00%.
 * 30 Jun 2026: carried over 4 (1,000); to the separate register 1 (100); phải thi hành 3 (900); not enforceable 3
 * (900); enforceable 0.
 */
describe('completion report across 1 July 2026 (Law 106/2025)', () => {
  let world: StatsWorld;

  beforeAll(async () => {
    world = await startStatsWorld();
    await world.onOffice('HP', [registerOffice('HP', 'PROVINCE')], '2017-10-01');
    const exOfficio = (caseId: string, amount: bigint) => [
      ...decidedCase(caseId, 'HP', '2025-01-06', [amount]),
      ...notEnforceable('2025-01-06'),
      reverify('2025-07-07'),
      reverify('2026-01-06'),
    ];
    await world.onCase('EX-OLD', [...exOfficio('EX-OLD', 100n * M), moveToRegister('2026-03-16')]);
    await world.onCase('EX-NEW', exOfficio('EX-NEW', 200n * M));
    const onRequest = (caseId: string, amount: bigint) => [
      ...onRequestCase(caseId, '2024-06-03', amount),
      ...notEnforceable('2024-06-03'),
      reverify('2024-12-03'),
      reverify('2025-06-03'),
    ];
    await world.onCase('RQ-BACK', [...onRequest('RQ-BACK', 300n * M), sendBack('2026-07-15')]);
    await world.onCase('RQ-NE', onRequest('RQ-NE', 400n * M));
    await world.onCase('NEW', [
      ...decidedCase('NEW', 'HP', '2026-08-03', [50n * M]),
      ...settled('NEW', [50n * M], '2026-08-20'),
    ]);
  });
  afterAll(() => world.close());

  it('refuses the later steps the new law does not allow, whatever the case did before', async () => {
    await expect(world.onCase('EX-NEW', [moveToRegister('2026-07-15')])).rejects.toMatchObject({
      code: 'SEPARATE_REGISTER_TOO_EARLY',
      details: { earliestOn: '2027-01-06' },
    });
    await expect(world.onCase('RQ-NE', [moveToRegister('2026-07-15')])).rejects.toMatchObject({
      code: 'SEPARATE_REGISTER_ON_REQUEST',
    });
    const ruleSets = (await world.store.readStream('case-RQ-BACK')).map((event) => event.data.ruleSet);
    expect(ruleSets.slice(0, -1).every((ruleSet) => ruleSet === 'LAW_2008_2014')).toBe(true);
    expect(ruleSets.at(-1)).toBe('LAW_106_2025');
  });

  it('reports 30 June 2026 under the old rules and 30 September 2026 with the new steps, by hand', async () => {
    await world.project();
    const june = (await world.report({ officeId: 'HP', period: '2026-06' })).rollUp;
    expect(june.cases).toMatchObject({
      carriedOver: 4n,
      newlyReceived: 0n,
      movedToSeparateRegister: 1n,
      toEnforce: 3n,
      notEnforceable: 3n,
      enforceable: 0n,
    });
    expect(june.money).toMatchObject({
      carriedOver: 1000n * M,
      movedToSeparateRegister: 100n * M,
      toEnforce: 900n * M,
    });

    const september = (await world.report({ officeId: 'HP', period: '2026-09' })).rollUp;
    expect(september.cases).toMatchObject({
      carriedOver: 4n,
      newlyReceived: 1n,
      movedToSeparateRegister: 2n,
      toEnforce: 3n,
      notEnforceable: 2n,
      enforceable: 1n,
      completed: 1n,
    });
    expect(september.money).toMatchObject({
      carriedOver: 1000n * M,
      newlyReceived: 50n * M,
      movedToSeparateRegister: 400n * M,
      toEnforce: 650n * M,
      notEnforceable: 600n * M,
      enforceable: 50n * M,
      completed: 50n * M,
    });
    expect(september.cases.completionRate).toBe('100.00');
  });
});
