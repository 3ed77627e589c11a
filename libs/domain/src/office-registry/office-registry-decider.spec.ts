// Specs may use the shared test helpers; the lint rule keeps @thads/* out of the domain's runtime code.
import { deciderSpec, stateAfter } from '@thads/testing';
import type { LegalAct, MergeOffices, RenameOffice, SplitOffice } from './office-registry-commands';
import { officeRegistryDecider } from './office-registry-decider';
import type { OfficeRegistryEvent } from './office-registry-events';

const spec = deciderSpec(officeRegistryDecider);

const ACT: LegalAct = { number: '1898/QĐ-BTP', issuedOn: '2025-06-20', issuedBy: 'Bộ Tư pháp' };
const REGISTERED = {
  'HP-NGO-QUYEN': '2017-10-01',
  'HP-LE-CHAN': '2017-10-01',
  'HP-KV1': '2025-07-01',
  HP: '2017-10-01',
};

function merge(overrides: Partial<MergeOffices['data']> = {}): MergeOffices {
  return {
    type: 'MergeOffices',
    data: {
      predecessorOfficeIds: ['HP-NGO-QUYEN', 'HP-LE-CHAN'],
      successorOfficeId: 'HP-KV1',
      effectiveDate: '2025-07-01',
      legalAct: ACT,
      registeredOffices: REGISTERED,
      ...overrides,
    },
  };
}

const merged: OfficeRegistryEvent = {
  type: 'OfficesMerged',
  data: {
    effectiveDate: '2025-07-01',
    ruleSet: 'LAW_2008_2014',
    legalAct: ACT,
    predecessorOfficeIds: ['HP-NGO-QUYEN', 'HP-LE-CHAN'],
    successorOfficeId: 'HP-KV1',
  },
};

function split(overrides: Partial<SplitOffice['data']> = {}): SplitOffice {
  return {
    type: 'SplitOffice',
    data: {
      officeId: 'HP-NGO-QUYEN',
      successorOfficeIds: ['HP-KV1', 'HP-LE-CHAN'],
      openCasesPassTo: 'HP-KV1',
      effectiveDate: '2025-07-01',
      legalAct: ACT,
      registeredOffices: REGISTERED,
      ...overrides,
    },
  };
}

function rename(overrides: Partial<RenameOffice['data']> = {}): RenameOffice {
  return {
    type: 'RenameOffice',
    data: {
      officeId: 'HP',
      name: 'Thi hành án dân sự thành phố Hải Phòng',
      effectiveDate: '2025-07-01',
      legalAct: ACT,
      registeredOffices: REGISTERED,
      ...overrides,
    },
  };
}

describe('office registry: merger', () => {
  it('merges offices into a registered successor with the act and date', () => {
    spec.given([]).when(merge()).then([merged]);
  });

  it('keeps one succession per predecessor', () => {
    expect(stateAfter(officeRegistryDecider, [merged]).successions).toEqual([
      expect.objectContaining({ predecessorOfficeId: 'HP-NGO-QUYEN', successorOfficeId: 'HP-KV1', kind: 'MERGER' }),
      expect.objectContaining({ predecessorOfficeId: 'HP-LE-CHAN', successorOfficeId: 'HP-KV1', kind: 'MERGER' }),
    ]);
  });

  it.each<[string, Partial<MergeOffices['data']>, string, Record<string, unknown>]>([
    ['no predecessor', { predecessorOfficeIds: [] }, 'PREDECESSORS_REQUIRED', { field: 'predecessorOfficeIds' }],
    [
      'a predecessor twice',
      { predecessorOfficeIds: ['HP-LE-CHAN', 'HP-LE-CHAN'] },
      'DUPLICATE_OFFICE_IN_SUCCESSION',
      { officeId: 'HP-LE-CHAN' },
    ],
    [
      'the successor among the predecessors',
      { predecessorOfficeIds: ['HP-LE-CHAN', 'HP-KV1'] },
      'SUCCESSOR_IS_PREDECESSOR',
      { officeId: 'HP-KV1' },
    ],
    [
      'an unregistered predecessor',
      { predecessorOfficeIds: ['HD-KINH-MON'] },
      'SUCCESSION_OFFICE_NOT_REGISTERED',
      { officeId: 'HD-KINH-MON' },
    ],
    [
      'a successor registered only after the date',
      { effectiveDate: '2025-06-30' },
      'SUCCESSION_OFFICE_NOT_REGISTERED',
      { officeId: 'HP-KV1', registeredOn: '2025-07-01' },
    ],
    [
      'an act without a number',
      { legalAct: { ...ACT, number: ' ' } },
      'LEGAL_ACT_REQUIRED',
      { field: 'legalAct.number' },
    ],
    [
      'an act signed after it takes effect',
      { legalAct: { ...ACT, issuedOn: '2025-07-02' } },
      'LEGAL_ACT_ISSUED_AFTER_EFFECT',
      { issuedOn: '2025-07-02' },
    ],
    ['a malformed date', { effectiveDate: '2025-02-30' }, 'INVALID_DATE', { field: 'effectiveDate' }],
    ['a blank successor', { successorOfficeId: '' }, 'MISSING_FIELD', { field: 'successorOfficeId' }],
  ])('refuses a merger with %s: %s', (_what, overrides, code, details) => {
    spec.given([]).when(merge(overrides)).thenThrows(code, details);
  });

  it('refuses to merge an office already merged: OFFICE_ALREADY_SUCCEEDED', () => {
    spec
      .given([merged])
      .when(merge({ predecessorOfficeIds: ['HP-LE-CHAN'], successorOfficeId: 'HP' }))
      .thenThrows('OFFICE_ALREADY_SUCCEEDED', { officeId: 'HP-LE-CHAN', successorOfficeId: 'HP-KV1' });
  });

  it('refuses a successor that was itself merged away, so a chain never loops: SUCCESSOR_ALREADY_SUCCEEDED', () => {
    spec
      .given([merged])
      .when(merge({ predecessorOfficeIds: ['HP-KV1'], successorOfficeId: 'HP-NGO-QUYEN', effectiveDate: '2025-08-01' }))
      .thenThrows('SUCCESSOR_ALREADY_SUCCEEDED', { officeId: 'HP-NGO-QUYEN' });
  });

  it('chains: a successor may later be merged on', () => {
    spec
      .given([merged])
      .when(merge({ predecessorOfficeIds: ['HP-KV1'], successorOfficeId: 'HP', effectiveDate: '2026-01-01' }))
      .thenEvents(([event]) => expect(event.type).toBe('OfficesMerged'));
  });
});

describe('office registry: split', () => {
  it('passes the open cases to the named successor', () => {
    const events = spec
      .given([])
      .when(split())
      .thenEvents(([event]) =>
        expect(event).toMatchObject({ type: 'OfficeSplit', data: { openCasesPassTo: 'HP-KV1' } }),
      );
    expect(stateAfter(officeRegistryDecider, [...events]).successions).toEqual([
      expect.objectContaining({ predecessorOfficeId: 'HP-NGO-QUYEN', successorOfficeId: 'HP-KV1', kind: 'SPLIT' }),
    ]);
  });

  it.each<[string, Partial<SplitOffice['data']>, string]>([
    ['one successor', { successorOfficeIds: ['HP-KV1'] }, 'PREDECESSORS_REQUIRED'],
    [
      'cases passing to an office not among the successors',
      { openCasesPassTo: 'HP' },
      'OPEN_CASES_SUCCESSOR_NOT_LISTED',
    ],
    ['itself as a successor', { successorOfficeIds: ['HP-KV1', 'HP-NGO-QUYEN'] }, 'DUPLICATE_OFFICE_IN_SUCCESSION'],
  ])('refuses a split with %s: %s', (_what, overrides, code) => {
    spec.given([]).when(split(overrides)).thenThrows(code);
  });
});

describe('office registry: rename', () => {
  it('renames an office from a date, with the act', () => {
    spec
      .given([])
      .when(rename())
      .then([
        {
          type: 'OfficeRenamed',
          data: {
            effectiveDate: '2025-07-01',
            ruleSet: 'LAW_2008_2014',
            legalAct: ACT,
            officeId: 'HP',
            name: 'Thi hành án dân sự thành phố Hải Phòng',
          },
        },
      ]);
  });

  it('refuses to rename an office after it was merged away: OFFICE_ALREADY_SUCCEEDED', () => {
    spec
      .given([merged])
      .when(rename({ officeId: 'HP-LE-CHAN', effectiveDate: '2025-08-01' }))
      .thenThrows('OFFICE_ALREADY_SUCCEEDED', { officeId: 'HP-LE-CHAN' });
  });
});
