import type { OfficeTier, RespondentRole } from './complaint-commands';
import {
  ESCALATION_MATRIX,
  escalationRuleFor,
  officeEraOn,
  successorAuthorityOn,
  type DecidingAuthority,
} from './escalation-matrix';

describe('escalation matrix (Law 2008 Art. 142; docs/domain.md)', () => {
  it.each<[RespondentRole, OfficeTier, string, DecidingAuthority, DecidingAuthority]>([
    ['ENFORCEMENT_OFFICER', 'DISTRICT', '2024-05-01', 'HEAD_OF_DISTRICT_OFFICE', 'HEAD_OF_PROVINCIAL_OFFICE'],
    ['OFFICE_HEAD', 'DISTRICT', '2024-05-01', 'HEAD_OF_PROVINCIAL_OFFICE', 'HEAD_OF_GENERAL_DEPARTMENT'],
    ['ENFORCEMENT_OFFICER', 'PROVINCE', '2025-06-30', 'HEAD_OF_PROVINCIAL_OFFICE', 'HEAD_OF_GENERAL_DEPARTMENT'],
    ['OFFICE_HEAD', 'PROVINCE', '2025-06-30', 'HEAD_OF_GENERAL_DEPARTMENT', 'MINISTER_OF_JUSTICE'],
    [
      'ENFORCEMENT_OFFICER',
      'REGIONAL',
      '2025-07-01',
      'HEAD_OF_PROVINCIAL_OFFICE',
      'HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT',
    ],
    [
      'ENFORCEMENT_OFFICER',
      'PROVINCE',
      '2025-07-01',
      'HEAD_OF_PROVINCIAL_OFFICE',
      'HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT',
    ],
    ['OFFICE_HEAD', 'REGIONAL', '2026-01-15', 'HEAD_OF_PROVINCIAL_OFFICE', 'HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT'],
    ['OFFICE_HEAD', 'PROVINCE', '2026-08-01', 'HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT', 'MINISTER_OF_JUSTICE'],
    [
      'ENFORCEMENT_OFFICER',
      'DISTRICT',
      '2025-07-01',
      'HEAD_OF_PROVINCIAL_OFFICE',
      'HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT',
    ],
    ['OFFICE_HEAD', 'DISTRICT', '2025-09-01', 'HEAD_OF_PROVINCIAL_OFFICE', 'HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT'],
  ])('%s of a %s office, filed %s: level 1 %s, level 2 %s', (role, tier, filedOn, level1, level2) => {
    expect(escalationRuleFor(role, tier, filedOn)).toMatchObject({ level1, level2 });
  });

  it('has no regional office before 1 July 2025', () => {
    expect(escalationRuleFor('ENFORCEMENT_OFFICER', 'REGIONAL', '2025-06-30')).toBeUndefined();
    expect(escalationRuleFor('OFFICE_HEAD', 'REGIONAL', '2020-01-01')).toBeUndefined();
  });

  it('has exactly one row per era, role and tier, and marks every provincial-era row as an inference', () => {
    const keys = ESCALATION_MATRIX.map((rule) => `${rule.era}/${rule.respondentRole}/${rule.officeTier}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const rule of ESCALATION_MATRIX) {
      expect(rule.basis).toContain('Art. 142');
      if (rule.era === 'PROVINCIAL') expect(rule.basis).toContain('[I]');
    }
  });

  it('switches era on 1 July 2025', () => {
    expect(officeEraOn('2025-06-30')).toBe('THREE_TIER');
    expect(officeEraOn('2025-07-01')).toBe('PROVINCIAL');
  });

  it.each<[DecidingAuthority, string, DecidingAuthority]>([
    ['HEAD_OF_GENERAL_DEPARTMENT', '2025-06-30', 'HEAD_OF_GENERAL_DEPARTMENT'],
    ['HEAD_OF_GENERAL_DEPARTMENT', '2025-07-01', 'HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT'],
    ['HEAD_OF_DISTRICT_OFFICE', '2025-07-01', 'HEAD_OF_PROVINCIAL_OFFICE'],
    ['HEAD_OF_PROVINCIAL_OFFICE', '2025-07-01', 'HEAD_OF_PROVINCIAL_OFFICE'],
    ['MINISTER_OF_JUSTICE', '2026-07-01', 'MINISTER_OF_JUSTICE'],
  ])('%s on %s is held by %s', (authority, date, successor) => {
    expect(successorAuthorityOn(authority, date)).toBe(successor);
  });
});
