import type { LegalAct } from './office-registry-commands';
import type { OfficeSuccession } from './office-registry-state';
import { holderOn, officeNameOn, officesActingOnCase, officesHeldBy, successionChainOf } from './office-succession';

const ACT: LegalAct = { number: '1898/QĐ-BTP', issuedOn: '2025-06-20', issuedBy: 'Bộ Tư pháp' };
const succession = (from: string, to: string, on: string): OfficeSuccession => ({
  predecessorOfficeId: from,
  successorOfficeId: to,
  effectiveDate: on,
  kind: 'MERGER',
  legalAct: ACT,
});
// A district merged into a regional unit on 1 July 2025, which then passed to another on 1 January 2026.
const SUCCESSIONS = [succession('NQ', 'KV1', '2025-07-01'), succession('KV1', 'KV2', '2026-01-01')];

describe('office succession views', () => {
  it.each([
    ['2025-06-30', 'NQ'],
    ['2025-07-01', 'KV1'],
    ['2025-12-31', 'KV1'],
    ['2026-01-01', 'KV2'],
  ])('on %s the district office’s cases are held by %s', (date, holder) => {
    expect(holderOn(SUCCESSIONS, 'NQ', date)).toBe(holder);
  });

  it('an office never succeeded holds its own cases', () => {
    expect(holderOn(SUCCESSIONS, 'HP', '2030-01-01')).toBe('HP');
    expect(successionChainOf(SUCCESSIONS, 'HP')).toEqual([]);
  });

  it('authorization follows succession: the holder on the act’s date and every later holder act, predecessors do not', () => {
    expect(officesActingOnCase(SUCCESSIONS, 'NQ', '2025-06-15')).toEqual({
      acting: ['NQ', 'KV1', 'KV2'],
      passedOn: [],
    });
    expect(officesActingOnCase(SUCCESSIONS, 'NQ', '2025-08-01')).toEqual({
      acting: ['KV1', 'KV2'],
      passedOn: [SUCCESSIONS[0]],
    });
    expect(officesActingOnCase(SUCCESSIONS, 'NQ', '2026-02-01').acting).toEqual(['KV2']);
  });

  it('lists the offices whose cases an office holds on a date', () => {
    expect(officesHeldBy(SUCCESSIONS, 'KV1', '2025-06-30')).toEqual(['KV1']);
    expect(officesHeldBy(SUCCESSIONS, 'KV1', '2025-07-01')).toEqual(['KV1', 'NQ']);
    expect(officesHeldBy(SUCCESSIONS, 'KV2', '2026-01-01')).toEqual(['KV2', 'NQ', 'KV1']);
  });

  it('names an office as renamed by the date', () => {
    const renames = [{ officeId: 'HP', name: 'THADS TP Hải Phòng', effectiveDate: '2025-07-01', legalAct: ACT }];
    expect(officeNameOn(renames, 'HP', 'Cục THADS TP Hải Phòng', '2025-06-30')).toBe('Cục THADS TP Hải Phòng');
    expect(officeNameOn(renames, 'HP', 'Cục THADS TP Hải Phòng', '2025-07-01')).toBe('THADS TP Hải Phòng');
  });
});
