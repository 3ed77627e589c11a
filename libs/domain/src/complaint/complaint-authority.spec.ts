// Specs may use the shared test helpers; the lint rule keeps @thads/* out of the domain's runtime code.
import { deciderSpec } from '@thads/testing';
import { officeHoldingAuthority, type OfficeLine } from './complaint-authority';
import type { ComplaintCommand } from './complaint-commands';
import { complaintDecider } from './complaint-decider';
import {
  OFFICE_LINE,
  accept,
  acceptedAtLevel1,
  acceptedAtLevel2,
  decideCommand,
  decidedAtLevel1,
  decline,
  escalated,
  filed,
  headOf,
} from './complaint-test-fixtures';

const spec = deciderSpec(complaintDecider);

/**
 * Art. 142: the one who accepts, declines or decides a complaint at a level must head the office holding that level's
 * authority in the respondent's line. The fixture complaint is about an officer of the Lê Chân district office: its
 * head decides level 1, the head of Hải Phòng (the province above) level 2.
 */
describe('complaint: the deciding authority is enforced', () => {
  it('lets the district head accept and decide level 1, and the provincial head level 2', () => {
    spec
      .given([filed])
      .when(accept('2024-03-08', headOf('office-hp-lechan')))
      .then([acceptedAtLevel1]);
    spec
      .given([filed, acceptedAtLevel1])
      .when(decideCommand('2024-03-20', '45/QĐ-GQKN', headOf('office-hp-lechan')))
      .then([decidedAtLevel1]);
    spec
      .given([filed, acceptedAtLevel1, decidedAtLevel1, escalated])
      .when(accept('2024-04-02', headOf('office-hp')))
      .then([acceptedAtLevel2]);
  });

  it('refuses the provincial head at level 1: HEAD_OF_DISTRICT_OFFICE_REQUIRED naming the office', () => {
    spec
      .given([filed])
      .when(accept('2024-03-08', headOf('office-hp')))
      .thenThrows('HEAD_OF_DISTRICT_OFFICE_REQUIRED', {
        requiredAuthority: 'HEAD_OF_DISTRICT_OFFICE',
        requiredOfficeId: 'office-hp-lechan',
        actingOfficeIds: ['office-hp'],
      });
  });

  it('refuses the district head, whose own level-1 decision is complained of, at level 2', () => {
    const level2 = [filed, acceptedAtLevel1, decidedAtLevel1, escalated];
    spec
      .given(level2)
      .when(accept('2024-04-02', headOf('office-hp-lechan')))
      .thenThrows('HEAD_OF_PROVINCIAL_OFFICE_REQUIRED', { requiredOfficeId: 'office-hp' });
    spec
      .given([...level2, acceptedAtLevel2])
      .when(decideCommand('2024-04-26', '46/QĐ-GQKN', headOf('office-hp-lechan')))
      .thenThrows('HEAD_OF_PROVINCIAL_OFFICE_REQUIRED', { requiredOfficeId: 'office-hp' });
    spec
      .given(level2)
      .when(decline('2024-04-02', headOf('office-hp-lechan')))
      .thenThrows('HEAD_OF_PROVINCIAL_OFFICE_REQUIRED');
  });

  it('refuses an officer of the right office: only a head holds an authority', () => {
    spec
      .given([filed])
      .when(accept('2024-03-08', { role: 'officer', officeIds: ['office-hp-lechan'] }))
      .thenThrows('HEAD_OF_DISTRICT_OFFICE_REQUIRED', { actingRole: 'officer' });
  });

  it('refuses an act with no official or no office line: the command path must state both', () => {
    const bare: ComplaintCommand = { type: 'AcceptComplaint', data: { effectiveDate: '2024-03-08' } };
    spec.given([filed]).when(bare).thenThrows('DECIDING_OFFICE_NOT_IN_STRUCTURE', { requiredTier: 'DISTRICT' });
    spec
      .given([filed])
      .when({ type: 'AcceptComplaint', data: { effectiveDate: '2024-03-08', officeLine: OFFICE_LINE } })
      .thenThrows('HEAD_OF_DISTRICT_OFFICE_REQUIRED');
  });

  it('refuses when the structure on the date has no office of the tier: DECIDING_OFFICE_NOT_IN_STRUCTURE', () => {
    const districtOnly: OfficeLine = [{ officeId: 'office-hp-lechan', tier: 'DISTRICT' }];
    spec
      .given([filed, acceptedAtLevel1, decidedAtLevel1, escalated])
      .when({
        type: 'AcceptComplaint',
        data: { effectiveDate: '2024-04-02', officeLine: districtOnly, official: headOf('office-hp') },
      })
      .thenThrows('DECIDING_OFFICE_NOT_IN_STRUCTURE', { requiredAuthority: 'HEAD_OF_PROVINCIAL_OFFICE' });
  });
});

describe('officeHoldingAuthority', () => {
  it.each([
    ['HEAD_OF_DISTRICT_OFFICE', 'office-hp-lechan'],
    ['HEAD_OF_PROVINCIAL_OFFICE', 'office-hp'],
    ['HEAD_OF_GENERAL_DEPARTMENT', 'office-tc'],
    ['HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT', 'office-tc'],
    ['MINISTER_OF_JUSTICE', 'office-moj'],
  ] as const)('%s is held by the head of %s in the line', (authority, officeId) => {
    expect(officeHoldingAuthority(authority, OFFICE_LINE)?.officeId).toBe(officeId);
  });

  it('finds a regional officer’s provincial head in the provincial model', () => {
    const regional: OfficeLine = [
      { officeId: 'hp-kv1', tier: 'REGIONAL' },
      { officeId: 'hp', tier: 'PROVINCE' },
      { officeId: 'cql', tier: 'GENERAL_DEPARTMENT' },
    ];
    expect(officeHoldingAuthority('HEAD_OF_PROVINCIAL_OFFICE', regional)?.officeId).toBe('hp');
    expect(officeHoldingAuthority('HEAD_OF_DISTRICT_OFFICE', regional)).toBeUndefined();
  });
});
