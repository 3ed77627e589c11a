import type { DecidingAuthorityContext } from '@thads/domain';

/**
 * Test-only: the authority fields the command path adds to accept, decline and decide. The respondent's office is a
 * district office under HP and the Tổng cục, and the official heads all three, so every level's authority is held:
 * the read-model specs are about rows, not about who decides (complaint-authority.spec.ts is).
 */
export function competentAuthority(respondentOfficeId = 'HP-NGO-QUYEN'): DecidingAuthorityContext {
  return {
    official: { role: 'head', officeIds: [respondentOfficeId, 'HP', 'TC'] },
    officeLine: [
      { officeId: respondentOfficeId, tier: 'DISTRICT' },
      { officeId: 'HP', tier: 'PROVINCE' },
      { officeId: 'TC', tier: 'GENERAL_DEPARTMENT' },
    ],
  };
}
