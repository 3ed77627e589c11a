/**
 * Test-only: complaint histories for complaint_queue specs, as the commands a client would send.
 */
import type { ComplaintCommand, LocalDate } from '@thads/domain';
import { receive } from '../case-summary/case-summary.test-fixtures';
import type { CommandWorld } from '../testing/command-world';
import { competentAuthority } from '../testing/complaint-authority';

/** The case every complaint here is about: the command path refuses a complaint about a case that does not exist. */
export const COMPLAINED_CASE = 'HP-2018-0100';

export function file(
  complaintId: string,
  effectiveDate: LocalDate,
  options: { officeId?: string; role?: 'OFFICE_HEAD' | 'ENFORCEMENT_OFFICER'; knownOn?: LocalDate } = {},
): ComplaintCommand {
  return {
    type: 'FileComplaint',
    data: {
      complaintId,
      caseId: COMPLAINED_CASE,
      complainant: { name: 'Nguyễn Văn A', partyId: 'debtor' },
      subject: { kind: 'DECISION', reference: '201/QĐ', description: 'Quyết định thi hành án ghi sai số tiền' },
      group: 'A',
      respondent: {
        role: options.role ?? 'OFFICE_HEAD',
        officeId: options.officeId ?? 'HP-NGO-QUYEN',
        officeTier: 'DISTRICT',
      },
      knownOn: options.knownOn ?? effectiveDate,
      effectiveDate,
    },
  };
}

export const accept = (effectiveDate: LocalDate): ComplaintCommand => ({
  type: 'AcceptComplaint',
  data: { effectiveDate, ...competentAuthority() },
});
export const decideUnfounded = (decisionNumber: string, effectiveDate: LocalDate): ComplaintCommand => ({
  type: 'DecideComplaint',
  data: { decisionNumber, finding: 'UNFOUNDED', effectiveDate, ...competentAuthority() },
});

/**
 * Six complaints:
 * - KN-1 filed 12/03, waiting for acceptance;
 * - KN-2 accepted 14/03, waiting for its decision;
 * - KN-3 decided at level 1, escalated 05/04, waiting for level-2 acceptance;
 * - KN-4 not accepted; KN-6 withdrawn (nothing owed on either);
 * - KN-5 about an officer of another office, filed 02/04.
 */
export async function recordSixComplaints(world: CommandWorld): Promise<void> {
  await world.onCase(COMPLAINED_CASE, [receive(COMPLAINED_CASE, '2018-03-01', [100_000_000n])]);
  await world.onComplaint('KN-1', [file('KN-1', '2018-03-12')]);
  await world.onComplaint('KN-2', [file('KN-2', '2018-03-12'), accept('2018-03-14')]);
  await world.onComplaint('KN-3', [
    file('KN-3', '2018-03-12'),
    accept('2018-03-14'),
    decideUnfounded('05/QĐ-GQKN', '2018-03-26'),
    { type: 'EscalateComplaint', data: { decisionReceivedOn: '2018-03-27', effectiveDate: '2018-04-05' } },
  ]);
  await world.onComplaint('KN-4', [
    file('KN-4', '2018-03-13'),
    {
      type: 'DeclineComplaint',
      data: {
        ground: 'NO_DIRECT_INTEREST',
        explanation: 'Người khiếu nại không có quyền lợi liên quan',
        effectiveDate: '2018-03-15',
        ...competentAuthority(),
      },
    },
  ]);
  await world.onComplaint('KN-5', [
    file('KN-5', '2018-04-02', { officeId: 'HP-LE-CHAN', role: 'ENFORCEMENT_OFFICER' }),
  ]);
  await world.onComplaint('KN-6', [
    file('KN-6', '2018-03-14'),
    { type: 'WithdrawComplaint', data: { effectiveDate: '2018-03-16' } },
  ]);
}
