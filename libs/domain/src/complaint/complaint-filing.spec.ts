// Specs may use the shared test helpers; the lint rule keeps @thads/* out of the domain's runtime code.
import { deciderSpec, stateAfter } from '@thads/testing';
import type { FileComplaint } from './complaint-commands';
import { complaintDecider } from './complaint-decider';
import type { ComplaintFiled } from './complaint-events';
import { accept, CASE_ID, COMPLAINT_ID, everyLaterCommand, fileCommand, filed } from './complaint-test-fixtures';

const spec = deciderSpec(complaintDecider);

describe('complaint: no complaint yet', () => {
  it('files a complaint in time, with its filing deadline, first-level authority and acceptance due date', () => {
    spec.given([]).when(fileCommand()).then([filed]);
  });

  it('puts a filed complaint in status filed at level 1', () => {
    expect(stateAfter(complaintDecider, [filed])).toMatchObject({
      status: 'filed',
      complaintId: COMPLAINT_ID,
      caseId: CASE_ID,
      level: 1,
      authority: 'HEAD_OF_DISTRICT_OFFICE',
      acceptanceDueOn: '2024-03-11',
    });
  });

  it.each(everyLaterCommand('2024-03-05').map((command) => [command.type, command] as const))(
    'refuses %s: COMPLAINT_NOT_FOUND',
    (_type, command) => {
      spec.given([]).when(command).thenThrows('COMPLAINT_NOT_FOUND');
    },
  );

  it('refuses a filing or a later act dated after the office’s today: ACT_DATED_IN_FUTURE', () => {
    spec
      .given([])
      .when({ ...fileCommand(), today: '2024-03-03' })
      .thenThrows('ACT_DATED_IN_FUTURE', { field: 'effectiveDate', effectiveDate: '2024-03-04', today: '2024-03-03' });
    spec
      .given([])
      .when({ ...fileCommand(), today: '2024-03-04' })
      .then([filed]);
    spec
      .given([filed])
      .when({ ...accept('2024-03-06'), today: '2024-03-05' })
      .thenThrows('ACT_DATED_IN_FUTURE', { effectiveDate: '2024-03-06' });
  });

  it('refuses a second FileComplaint on the stream: COMPLAINT_ALREADY_EXISTS', () => {
    spec.given([filed]).when(fileCommand()).thenThrows('COMPLAINT_ALREADY_EXISTS');
  });

  // knownOn Fri 1 Mar 2024. Art. 140(2) limits; a last day on a rest day moves to the next working day.
  it.each<[FileComplaint['data']['group'], string, string]>([
    ['A', '2024-03-18', '2024-03-19'], // 15 days → Sat 16 → Mon 18
    ['B_ACCOUNT_FREEZE', '2024-03-06', '2024-03-07'], // 3 working days
    ['B_OTHER_SECURITY', '2024-03-11', '2024-03-12'], // 10 days
    ['C', '2024-04-01', '2024-04-02'], // 30 days → Sun 31 Mar → Mon 1 Apr
    ['D', '2024-04-01', '2024-04-02'],
  ])('group %s: may file until %s, not on %s (COMPLAINT_FILING_LIMIT_EXPIRED)', (group, lastDay, tooLate) => {
    spec
      .given([])
      .when(fileCommand({ group, effectiveDate: lastDay }))
      .thenEvents(([event]) => {
        expect(event).toMatchObject({ type: 'ComplaintFiled', data: { group, filingDeadline: lastDay } });
      });
    spec
      .given([])
      .when(fileCommand({ group, effectiveDate: tooLate }))
      .thenThrows('COMPLAINT_FILING_LIMIT_EXPIRED', {
        group,
        knownOn: '2024-03-01',
        filingDeadline: lastDay,
      });
  });

  it('moves a deadline past public holidays: group C known 1 Aug 2025 ends on 3 Sep, after National Day', () => {
    spec
      .given([])
      .when(
        fileCommand({
          group: 'C',
          knownOn: '2025-08-01',
          effectiveDate: '2025-09-03',
          respondent: { role: 'ENFORCEMENT_OFFICER', officeId: 'hp-1', officeTier: 'REGIONAL' },
        }),
      )
      .thenEvents(([event]) => expect(event.data).toMatchObject({ filingDeadline: '2025-09-03' }));
  });

  it('adds force-majeure days to the filing limit (Art. 140(2))', () => {
    spec
      .given([])
      .when(fileCommand({ forceMajeureDays: 5, effectiveDate: '2024-03-21' }))
      .thenEvents(([event]) => {
        expect(event.data).toMatchObject({ forceMajeureDays: 5, filingDeadline: '2024-03-21' });
      });
    spec
      .given([])
      .when(fileCommand({ forceMajeureDays: 5, effectiveDate: '2024-03-22' }))
      .thenThrows('COMPLAINT_FILING_LIMIT_EXPIRED', {
        forceMajeureDays: 5,
        filingDeadline: '2024-03-21',
      });
  });

  it.each([-1, 1.5, Number.NaN])('refuses forceMajeureDays %p: INVALID_FORCE_MAJEURE_DAYS', (forceMajeureDays) => {
    spec
      .given([])
      .when(fileCommand({ forceMajeureDays }))
      .thenThrows('INVALID_FORCE_MAJEURE_DAYS', { field: 'forceMajeureDays' });
  });

  it('refuses knowledge after filing: KNOWN_AFTER_FILING', () => {
    spec
      .given([])
      .when(fileCommand({ knownOn: '2024-03-05' }))
      .thenThrows('KNOWN_AFTER_FILING', { knownOn: '2024-03-05', effectiveDate: '2024-03-04' });
  });

  it.each([
    ['knownOn', { knownOn: '2024-02-30' }],
    ['effectiveDate', { effectiveDate: '04/03/2024' }],
  ])('refuses a malformed %s: INVALID_DATE', (field, overrides) => {
    spec.given([]).when(fileCommand(overrides)).thenThrows('INVALID_DATE', { field });
  });

  it.each([
    ['complaintId', { complaintId: '' }],
    ['caseId', { caseId: ' ' }],
    ['complainant.name', { complainant: { name: '' } }],
    ['subject.reference', { subject: { kind: 'ACT' as const, reference: '', description: '' } }],
    [
      'respondent.officeId',
      { respondent: { role: 'OFFICE_HEAD' as const, officeId: '', officeTier: 'PROVINCE' as const } },
    ],
  ])('refuses an empty %s: MISSING_FIELD', (field, overrides) => {
    spec.given([]).when(fileCommand(overrides)).thenThrows('MISSING_FIELD', { field });
  });

  it.each([
    ['group', { group: 'E' }],
    ['subject.kind', { subject: { kind: 'RUMOUR', reference: 'x', description: '' } }],
    ['respondent.role', { respondent: { role: 'JUDGE', officeId: 'o', officeTier: 'PROVINCE' } }],
    ['respondent.officeTier', { respondent: { role: 'OFFICE_HEAD', officeId: 'o', officeTier: 'COMMUNE' } }],
  ])('refuses an unknown %s: INVALID_VALUE', (field, overrides) => {
    spec
      .given([])
      .when(fileCommand(overrides as unknown as Partial<FileComplaint['data']>))
      .thenThrows('INVALID_VALUE', { field });
  });

  it('records the complainant without a party id when none is given', () => {
    spec
      .given([])
      .when(fileCommand({ complainant: { name: 'Trần Thị B' } }))
      .thenEvents(([event]) => {
        expect((event as ComplaintFiled).data.complainant).toEqual({ name: 'Trần Thị B' });
      });
  });

  it('refuses a regional office before the 2025 reorganisation: OFFICE_TIER_NOT_IN_ERA', () => {
    spec
      .given([])
      .when(fileCommand({ respondent: { role: 'ENFORCEMENT_OFFICER', officeId: 'o', officeTier: 'REGIONAL' } }))
      .thenThrows('OFFICE_TIER_NOT_IN_ERA', { officeTier: 'REGIONAL', era: 'THREE_TIER' });
  });

  it('gives a group B complaint no second-level authority (Decree 62 Art. 38(3))', () => {
    spec
      .given([])
      .when(fileCommand({ group: 'B_OTHER_SECURITY' }))
      .thenEvents(([event]) => {
        expect(event.data).not.toHaveProperty('secondLevelAuthority');
        expect(event.data).toMatchObject({
          decidingAuthority: 'HEAD_OF_DISTRICT_OFFICE',
          filingDeadline: '2024-03-11',
        });
      });
  });

  it('picks the provincial model after 30/06/2025 and stamps the rule set of the filing date', () => {
    const respondent = { role: 'OFFICE_HEAD' as const, officeId: 'thads-hp', officeTier: 'PROVINCE' as const };
    spec
      .given([])
      .when(fileCommand({ respondent, knownOn: '2026-07-01', effectiveDate: '2026-07-06' }))
      .thenEvents(([event]) => {
        expect(event.data).toMatchObject({
          decidingAuthority: 'HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT',
          secondLevelAuthority: 'MINISTER_OF_JUSTICE',
          ruleSet: 'LAW_106_2025',
        });
      });
  });

  it('refuses a deadline beyond the holiday data: CALENDAR_NOT_COVERED', () => {
    spec
      .given([])
      .when(fileCommand({ knownOn: '2030-12-20', effectiveDate: '2030-12-22' }))
      .thenThrows('CALENDAR_NOT_COVERED');
  });
});
