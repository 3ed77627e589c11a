import { CASE_ERROR_CODES, CASE_ERROR_KINDS } from './case/case-errors';
import { COMPLAINT_ERROR_CODES, COMPLAINT_ERROR_KINDS } from './complaint/complaint-errors';
import { AUTHORITY_REQUIRED_CODES } from './complaint/complaint-authority';
import { OFFICE_REGISTRY_ERROR_CODES, OFFICE_REGISTRY_ERROR_KINDS } from './office-registry/office-registry-errors';
import { REPORTING_ERROR_CODES, REPORTING_ERROR_KINDS } from './reporting/reporting-errors';
import { errorKindOf } from './error-kinds';

describe('declared kinds of DomainError codes', () => {
  const tables = [
    ['case', CASE_ERROR_CODES, CASE_ERROR_KINDS],
    ['complaint', COMPLAINT_ERROR_CODES, COMPLAINT_ERROR_KINDS],
    ['reporting', REPORTING_ERROR_CODES, REPORTING_ERROR_KINDS],
    ['office registry', OFFICE_REGISTRY_ERROR_CODES, OFFICE_REGISTRY_ERROR_KINDS],
  ] as const;

  it.each(tables)('every %s code has exactly the kind its table declares', (_name, codes, kinds) => {
    expect(Object.keys(kinds).sort()).toEqual(Object.keys(codes).sort());
    for (const [code, kind] of Object.entries(kinds)) expect([code, errorKindOf(code)]).toEqual([code, kind]);
  });

  it('a code shared by aggregates has one kind everywhere', () => {
    const seen = new Map<string, string>();
    for (const [, , kinds] of tables)
      for (const [code, kind] of Object.entries(kinds)) {
        expect([code, seen.get(code) ?? kind]).toEqual([code, kind]);
        seen.set(code, kind);
      }
  });

  it('a missing authority is forbidden; an unknown code has no kind', () => {
    for (const code of Object.values(AUTHORITY_REQUIRED_CODES)) expect(errorKindOf(code)).toBe('forbidden');
    expect(errorKindOf('NOT_A_CODE')).toBeUndefined();
    expect(errorKindOf('toString')).toBeUndefined();
  });
});
