import {
  CASE_FIXTURE,
  caseDecided,
  caseInEnforcement,
  caseInSeparateRegister,
  caseNotEnforceable,
  caseReceived,
  deciderSpec,
  eventsAfter,
  stateAfter,
} from '@thads/testing';
import type { ActingOfficial, OfficeLine } from '../complaint/complaint-authority';
import { bucketOn } from './views/case-statistics-view';
import type { TakeUpCase } from './case-commands';
import { caseDecider } from './case-decider';

const spec = deciderSpec(caseDecider);

/** The case's office is a district branch under the Hải Phòng provincial office, under the General Department. */
const LINE: OfficeLine = [
  { officeId: CASE_FIXTURE.officeId, tier: 'DISTRICT' },
  { officeId: 'HP', tier: 'PROVINCE' },
  { officeId: 'TCTHADS', tier: 'GENERAL_DEPARTMENT' },
];
const provincialHead: ActingOfficial = { role: 'head', officeIds: ['HP'] };

function takeUp(
  effectiveDate = '2025-06-20',
  official: ActingOfficial | undefined = provincialHead,
  officeLine: OfficeLine = LINE,
): TakeUpCase {
  return { type: 'TakeUpCase', data: { decisionNumber: '7/QĐ-CTHADS', effectiveDate, official, officeLine } };
}

describe('case: TakeUpCase (rút lên, Law 2008 Art. 35(2))', () => {
  it("the provincial office's head takes up a district case; the case ends as taken_up and leaves its figures", () => {
    spec
      .given(caseInEnforcement())
      .when(takeUp())
      .then([
        {
          type: 'CaseTakenUp',
          data: {
            caseId: CASE_FIXTURE.caseId,
            officeId: CASE_FIXTURE.officeId,
            effectiveDate: '2025-06-20',
            ruleSet: 'LAW_2008_2014',
            decisionNumber: '7/QĐ-CTHADS',
            fromOfficeId: CASE_FIXTURE.officeId,
            provincialOfficeId: 'HP',
          },
        },
      ]);
    const history = eventsAfter(caseInEnforcement(), [takeUp()]);
    const state = stateAfter(caseDecider, history);
    expect(state.status).toBe('taken_up');
    expect(bucketOn(state, '2025-06-19')).toBe('IN_PROGRESS');
    expect(bucketOn(state, '2025-06-30')).toBe('TAKEN_UP');
    spec.given(history).when(takeUp('2025-06-21')).thenThrows('CASE_CLOSED', { status: 'taken_up' });
  });

  it('takes up a regional unit’s case under the new law too, carrying its rule set', () => {
    const regional: OfficeLine = [{ officeId: CASE_FIXTURE.officeId, tier: 'REGIONAL' }, ...LINE.slice(1)];
    spec
      .given(caseNotEnforceable())
      .when(takeUp('2026-07-02', provincialHead, regional))
      .thenEvents(([event]) => expect(event.data).toMatchObject({ ruleSet: 'LAW_106_2025', provincialOfficeId: 'HP' }));
  });

  it('needs the case on the books: not before the decision, not from the separate register', () => {
    spec.given(caseReceived()).when(takeUp()).thenThrows('INVALID_STATE_TRANSITION', { status: 'intake' });
    spec
      .given(caseInSeparateRegister())
      .when(takeUp('2026-06-20'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'separately_tracked' });
  });

  it('refuses a case a provincial office already holds (CASE_ALREADY_AT_PROVINCE)', () => {
    spec
      .given(caseDecided())
      .when(takeUp('2025-06-20', provincialHead, LINE.slice(1)))
      .thenThrows('CASE_ALREADY_AT_PROVINCE', { officeId: 'HP', tier: 'PROVINCE' });
  });

  it('refuses when no provincial office is registered above the case’s office (PROVINCIAL_OFFICE_NOT_IN_STRUCTURE)', () => {
    spec
      .given(caseDecided())
      .when(takeUp('2025-06-20', provincialHead, LINE.slice(0, 1)))
      .thenThrows('PROVINCIAL_OFFICE_NOT_IN_STRUCTURE');
    spec
      .given(caseDecided())
      .when(takeUp('2025-06-20', provincialHead, []))
      .thenThrows('PROVINCIAL_OFFICE_NOT_IN_STRUCTURE');
  });

  it('refuses anyone but a head of that provincial office (HEAD_OF_PROVINCIAL_OFFICE_REQUIRED)', () => {
    const refusedFor = (official: ActingOfficial | undefined) =>
      spec
        .given(caseDecided())
        .when(takeUp('2025-06-20', official))
        .thenThrows('HEAD_OF_PROVINCIAL_OFFICE_REQUIRED', { requiredOfficeId: 'HP' });
    refusedFor({ role: 'head', officeIds: [CASE_FIXTURE.officeId] });
    refusedFor({ role: 'officer', officeIds: ['HP'] });
    refusedFor({ role: 'head', officeIds: ['HN'] });
    spec
      .given(caseDecided())
      .when({
        type: 'TakeUpCase',
        data: { decisionNumber: '7/QĐ-CTHADS', effectiveDate: '2025-06-20', officeLine: LINE },
      })
      .thenThrows('HEAD_OF_PROVINCIAL_OFFICE_REQUIRED', { requiredOfficeId: 'HP', actingOfficeIds: [] });
  });

  it('needs a decision number', () => {
    spec
      .given(caseDecided())
      .when({ ...takeUp(), data: { ...takeUp().data, decisionNumber: ' ' } })
      .thenThrows('MISSING_FIELD', { field: 'decisionNumber' });
  });
});
