/**
 * Test-only: case histories for case_summary specs, as the commands a client would send. Every case is an
 * on-request debt case of Hải Phòng offices in 2018; item ids are `<caseId>-1`, `<caseId>-2`, ….
 */
import type { CaseCommand, JsonRecord, LocalDate } from '@thads/domain';
import type { CommandWorld, WorldActor } from '../testing/command-world';

export function receive(
  caseId: string,
  effectiveDate: LocalDate,
  amounts: readonly bigint[],
  officeId = 'HP-NGO-QUYEN',
): CaseCommand {
  return {
    type: 'ReceiveCase',
    data: {
      caseId,
      officeId,
      source: 'REQUEST',
      mode: 'ON_REQUEST',
      judgment: {
        number: `${caseId}/DS-PT`,
        court: 'TAND TP Hải Phòng',
        issuedOn: '2017-11-20',
        legallyEffectiveOn: '2017-11-20',
      },
      parties: [
        { partyId: 'creditor', role: 'CREDITOR', kind: 'ORGANISATION', name: 'Ngân hàng TMCP Hàng Hải' },
        { partyId: 'debtor', role: 'DEBTOR', kind: 'PERSON', name: 'Nguyễn Văn A' },
      ],
      obligations: amounts.map((amount, index) => ({
        itemId: `${caseId}-${index + 1}`,
        kind: 'DEBT',
        description: 'Trả nợ',
        amount,
      })),
      effectiveDate,
    },
  };
}

export const decide = (effectiveDate: LocalDate): CaseCommand => ({
  type: 'IssueEnforcementDecision',
  data: { decisionNumber: `QĐ-${effectiveDate}`, effectiveDate },
});
export const assign = (officerId: string, effectiveDate: LocalDate): CaseCommand => ({
  type: 'AssignEnforcementOfficer',
  data: { officerId, effectiveDate },
});
export const enforceable = (effectiveDate: LocalDate): CaseCommand => ({
  type: 'RecordVerification',
  data: { result: 'ENFORCEABLE', findings: 'Có tài sản', effectiveDate },
});
export const collect = (
  collectionId: string,
  itemId: string,
  amount: bigint,
  effectiveDate: LocalDate,
): CaseCommand => ({
  type: 'RecordCollection',
  data: { collectionId, itemId, amount, source: 'VOLUNTARY', effectiveDate },
});
export const disburse = (
  disbursementId: string,
  itemId: string,
  amount: bigint,
  effectiveDate: LocalDate,
): CaseCommand => ({
  type: 'DisburseFunds',
  data: { disbursementId, itemId, amount, payeePartyId: 'creditor', effectiveDate },
});

/**
 * Five cases at two offices:
 * - HP-A settled (850 million collected and paid out);
 * - HP-B not enforceable, waiting for its periodic re-verification;
 * - HP-C just received, its enforcement decision due;
 * - HP-D at another office, two items, 300 million collected of which 100 million paid out, an asset seized;
 * - HP-E terminated.
 */
export async function recordFiveCases(world: CommandWorld): Promise<void> {
  await world.onCase('HP-A', [
    receive('HP-A', '2018-03-01', [850_000_000n]),
    decide('2018-03-05'),
    assign('chv-tran', '2018-03-05'),
    enforceable('2018-03-20'),
    collect('thu-1', 'HP-A-1', 850_000_000n, '2018-05-20'),
    disburse('chi-1', 'HP-A-1', 850_000_000n, '2018-05-25'),
    { type: 'Settle', data: { effectiveDate: '2018-05-28' } },
  ]);
  await world.onCase('HP-B', [
    receive('HP-B', '2018-03-02', [120_000_000n]),
    decide('2018-03-06'),
    assign('chv-le', '2018-03-06'),
    {
      type: 'RecordVerification',
      data: {
        result: 'NOT_ENFORCEABLE',
        ground: 'NO_INCOME_OR_ASSETS',
        findings: 'Không có tài sản',
        effectiveDate: '2018-03-27',
      },
    },
    {
      type: 'DecideNotEnforceable',
      data: { decisionNumber: 'QĐ-CĐK', ground: 'NO_INCOME_OR_ASSETS', effectiveDate: '2018-03-29' },
    },
  ]);
  await world.onCase('HP-C', [receive('HP-C', '2018-04-02', [45_000_000n])]);
  await world.onCase('HP-D', [
    receive('HP-D', '2018-03-05', [2_000_000_000n, 500_000_000n], 'HP-LE-CHAN'),
    decide('2018-03-07'),
    assign('chv-pham', '2018-03-07'),
    enforceable('2018-03-26'),
    collect('thu-1', 'HP-D-1', 200_000_000n, '2018-04-02'),
    collect('thu-2', 'HP-D-1', 100_000_000n, '2018-04-09'),
    disburse('chi-1', 'HP-D-1', 100_000_000n, '2018-04-10'),
    {
      type: 'DecideCoercion',
      data: {
        decisionNumber: 'QĐ-CC',
        measure: 'SEIZE_AND_SELL',
        scheduledAt: '2018-04-16T09:00',
        effectiveDate: '2018-04-13',
      },
    },
    {
      type: 'SeizeAsset',
      data: { assetId: 'xe-1', kind: 'VEHICLE', description: 'Xe ô tô 15A-123.45', effectiveDate: '2018-04-16' },
    },
  ]);
  await world.onCase('HP-E', [
    receive('HP-E', '2018-03-08', [30_000_000n]),
    decide('2018-03-12'),
    {
      type: 'TerminateEnforcement',
      data: { decisionNumber: 'QĐ-ĐC', ground: 'SETTLEMENT_OR_WAIVER', effectiveDate: '2018-03-30' },
    },
  ]);
}

const admin: WorldActor = { id: 'admin-1', role: 'admin' };
const reason = 'Entered in error';

export const postpone = (effectiveDate: LocalDate): CaseCommand => ({
  type: 'PostponeEnforcement',
  data: { decisionNumber: `HOÃN-${effectiveDate}`, ground: 'SERIOUS_ILLNESS', until: '2018-12-31', effectiveDate },
});
export const settle = (effectiveDate: LocalDate): CaseCommand => ({ type: 'Settle', data: { effectiveDate } });

/**
 * An admin's CorrectRecordedFact of the case's last `type` event (optionally with corrected data); the command path
 * resolves its target from the stream.
 */
export async function retract(
  world: CommandWorld,
  caseId: string,
  type: string,
  effectiveDate: LocalDate,
  correctedData?: JsonRecord,
): Promise<bigint> {
  const target = (await world.store.readStream(`case-${caseId}`)).filter((event) => event.type === type).at(-1);
  if (!target) throw new Error(`retract: no ${type} in case ${caseId}`);
  const command: CaseCommand = {
    type: 'CorrectRecordedFact',
    data: { eventId: target.id, reason, effectiveDate, ...(correctedData === undefined ? {} : { correctedData }) },
  };
  return world.onCase(caseId, [command], admin);
}

/** Received, decided, assigned and found enforceable in March 2018, with one item of `amount`. */
export const enforceableCase = (caseId: string, amount: bigint): CaseCommand[] => [
  receive(caseId, '2018-03-01', [amount]),
  decide('2018-03-05'),
  assign('chv-tran', '2018-03-05'),
  enforceable('2018-03-20'),
];

/**
 * Six cases, each with a retraction (all at HP-NGO-QUYEN, one item each):
 * - R-COL: a 50 million collection, retracted;
 * - R-DIS: 50 million collected and paid out, the disbursement retracted;
 * - R-FIX: a 50 million collection corrected to 5 million;
 * - R-POS: postponed, the postponement retracted;
 * - R-SET: 100 million collected, paid out and settled, the settlement retracted;
 * - R-REO: terminated, reopened by ReopenCase, then postponed, the postponement retracted.
 */
export async function recordRetractions(world: CommandWorld): Promise<void> {
  await world.onCase('R-COL', [
    ...enforceableCase('R-COL', 850_000_000n),
    collect('thu-1', 'R-COL-1', 50_000_000n, '2018-04-02'),
  ]);
  await retract(world, 'R-COL', 'FundsCollected', '2018-04-05');
  await world.onCase('R-DIS', [
    ...enforceableCase('R-DIS', 850_000_000n),
    collect('thu-1', 'R-DIS-1', 50_000_000n, '2018-04-02'),
    disburse('chi-1', 'R-DIS-1', 50_000_000n, '2018-04-03'),
  ]);
  await retract(world, 'R-DIS', 'FundsDisbursed', '2018-04-05');
  await world.onCase('R-FIX', [
    ...enforceableCase('R-FIX', 850_000_000n),
    collect('thu-1', 'R-FIX-1', 50_000_000n, '2018-04-02'),
  ]);
  await retract(world, 'R-FIX', 'FundsCollected', '2018-04-05', { amount: '5000000' });
  await world.onCase('R-POS', [...enforceableCase('R-POS', 850_000_000n), postpone('2018-04-02')]);
  await retract(world, 'R-POS', 'EnforcementPostponed', '2018-04-05');
  await world.onCase('R-SET', [
    ...enforceableCase('R-SET', 100_000_000n),
    collect('thu-1', 'R-SET-1', 100_000_000n, '2018-04-02'),
    disburse('chi-1', 'R-SET-1', 100_000_000n, '2018-04-03'),
    settle('2018-04-04'),
  ]);
  await retract(world, 'R-SET', 'CaseSettled', '2018-04-05');
  await world.onCase('R-REO', [
    ...enforceableCase('R-REO', 850_000_000n),
    {
      type: 'TerminateEnforcement',
      data: { decisionNumber: 'QĐ-ĐC', ground: 'SETTLEMENT_OR_WAIVER', effectiveDate: '2018-04-02' },
    },
  ]);
  await world.onCase('R-REO', [{ type: 'ReopenCase', data: { reason, effectiveDate: '2018-04-03' } }], admin);
  await world.onCase('R-REO', [postpone('2018-04-04')]);
  await retract(world, 'R-REO', 'EnforcementPostponed', '2018-04-05');
}
