/**
 * Test-only: case histories for case_summary specs, as the commands a client would send. Every case is an
 * on-request debt case of Hải Phòng offices in 2018; item ids are `<caseId>-1`, `<caseId>-2`, ….
 */
import type { CaseCommand, LocalDate } from '@thads/domain';
import type { CommandWorld } from '../testing/command-world';

export function receive(caseId: string, effectiveDate: LocalDate, amounts: readonly bigint[], officeId = 'HP-NGO-QUYEN'): CaseCommand {
  return {
    type: 'ReceiveCase',
    data: {
      caseId,
      officeId,
      source: 'REQUEST',
      mode: 'ON_REQUEST',
      judgment: { number: `${caseId}/DS-PT`, court: 'TAND TP Hải Phòng', issuedOn: '2017-11-20', legallyEffectiveOn: '2017-11-20' },
      parties: [
        { partyId: 'creditor', role: 'CREDITOR', kind: 'ORGANISATION', name: 'Ngân hàng TMCP Hàng Hải' },
        { partyId: 'debtor', role: 'DEBTOR', kind: 'PERSON', name: 'Nguyễn Văn A' },
      ],
      obligations: amounts.map((amount, index) => ({ itemId: `${caseId}-${index + 1}`, kind: 'DEBT', description: 'Trả nợ', amount })),
      effectiveDate,
    },
  };
}

export const decide = (effectiveDate: LocalDate): CaseCommand => ({ type: 'IssueEnforcementDecision', data: { decisionNumber: `QĐ-${effectiveDate}`, effectiveDate } });
export const assign = (officerId: string, effectiveDate: LocalDate): CaseCommand => ({ type: 'AssignEnforcementOfficer', data: { officerId, effectiveDate } });
export const enforceable = (effectiveDate: LocalDate): CaseCommand => ({ type: 'RecordVerification', data: { result: 'ENFORCEABLE', findings: 'Có tài sản', effectiveDate } });
export const collect = (collectionId: string, itemId: string, amount: bigint, effectiveDate: LocalDate): CaseCommand => ({
  type: 'RecordCollection',
  data: { collectionId, itemId, amount, source: 'VOLUNTARY', effectiveDate },
});
export const disburse = (disbursementId: string, itemId: string, amount: bigint, effectiveDate: LocalDate): CaseCommand => ({
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
    { type: 'RecordVerification', data: { result: 'NOT_ENFORCEABLE', ground: 'NO_INCOME_OR_ASSETS', findings: 'Không có tài sản', effectiveDate: '2018-03-27' } },
    { type: 'DecideNotEnforceable', data: { decisionNumber: 'QĐ-CĐK', ground: 'NO_INCOME_OR_ASSETS', effectiveDate: '2018-03-29' } },
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
    { type: 'DecideCoercion', data: { decisionNumber: 'QĐ-CC', measure: 'SEIZE_AND_SELL', scheduledAt: '2018-04-16T09:00', effectiveDate: '2018-04-13' } },
    { type: 'SeizeAsset', data: { assetId: 'xe-1', kind: 'VEHICLE', description: 'Xe ô tô 15A-123.45', effectiveDate: '2018-04-16' } },
  ]);
  await world.onCase('HP-E', [
    receive('HP-E', '2018-03-08', [30_000_000n]),
    decide('2018-03-12'),
    { type: 'TerminateEnforcement', data: { decisionNumber: 'QĐ-ĐC', ground: 'SETTLEMENT_OR_WAIVER', effectiveDate: '2018-03-30' } },
  ]);
}
