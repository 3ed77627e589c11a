import { officeCaseCount } from '../../apps/cli/src/demo/generator/case-plans';
import { haiPhongScenario } from './caseload';
import { NATIONAL_ROOT, nationalScenario, officeAlone } from './national-scenario';

describe('the full profile national scenario', () => {
  const national = nationalScenario(haiPhongScenario());

  it('is the 2025 structure: one General Department, 34 provincial offices, 355 regional units', () => {
    const tiers = national.offices.map((office) => office.tier);
    expect(national.offices[0]).toMatchObject({ id: NATIONAL_ROOT, tier: 'GENERAL_DEPARTMENT' });
    expect(tiers.filter((tier) => tier === 'PROVINCE')).toHaveLength(34);
    expect(tiers.filter((tier) => tier === 'REGIONAL')).toHaveLength(355);
    const ids = new Set(national.offices.map((office) => office.id));
    for (const office of national.offices.slice(1)) expect(ids.has(office.parent ?? '')).toBe(true);
  });

  it('holds about a million cases, none at the root, and ends before Law 106/2025 applies', () => {
    const total = national.offices.reduce((sum, office) => sum + officeCaseCount(office), 0);
    expect(officeCaseCount(national.offices[0])).toBe(0);
    expect(total).toBeGreaterThanOrEqual(1_000_000);
    expect(total).toBeLessThan(1_003_000);
    expect(national.period).toBe('2026-06');
  });

  it('plans an office alone, with its own seed and without its parent', () => {
    const alone = officeAlone(national, national.offices[1]);
    expect(alone.offices).toHaveLength(1);
    expect(alone.offices[0].parent).toBeUndefined();
    expect(alone.seed).toBe(`${national.seed}:${national.offices[1].id}`);
  });
});
