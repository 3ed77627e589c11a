import type { Response } from 'supertest';
import { checkAgainstDocument, refusedExamples } from './openapi-contract';

/** A response as supertest hands it over: status, lower-case headers, parsed body. */
function answer(status: number, headers: Record<string, string>, body: unknown): Response {
  return { status, headers, body } as unknown as Response;
}

const QUERY_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'x-read-model-position': '4',
  'cache-control': 'no-store',
};
const SUMMARY_ROW = {
  caseId: 'HP-1',
  officeId: 'HP',
  source: 'JUDGMENT',
  mode: 'EX_OFFICIO',
  status: 'intake',
  officerId: null,
  owed: '10',
  collected: '0',
  disbursed: '0',
  receivedOn: '2018-03-01',
  decisionOn: null,
  nextDueOn: null,
  nextDueKind: null,
  lastEventType: 'CaseReceived',
  lastEffectiveDate: '2018-03-01',
  revision: '0',
  position: '4',
};

describe('checkAgainstDocument', () => {
  it('accepts a response as documented', () => {
    expect(() =>
      checkAgainstDocument(
        'GET',
        '/api/v1/cases/HP-1/summary',
        answer(200, QUERY_HEADERS, { item: SUMMARY_ROW, position: '4' }),
      ),
    ).not.toThrow();
  });

  it('names the operation, the status and the field the document does not declare', () => {
    expect(() =>
      checkAgainstDocument(
        'GET',
        '/api/v1/cases?office=HP',
        answer(200, QUERY_HEADERS, { items: [{ ...SUMMARY_ROW, debtorName: 'A' }], nextCursor: null, position: '4' }),
      ),
    ).toThrow(
      /GET \/api\/v1\/cases \(CaseListController_list\) answered 200 .*\/items\/0 must NOT have additional properties: debtorName/,
    );
  });

  it('refuses a status the operation does not list, and a missing documented header', () => {
    expect(() => checkAgainstDocument('GET', '/api/v1/session', answer(409, {}, {}))).toThrow(
      /GET \/api\/v1\/session \(SessionController_session\) answered 409, a status the document does not list/,
    );
    const { 'x-read-model-position': _omitted, ...withoutPosition } = QUERY_HEADERS;
    expect(() =>
      checkAgainstDocument(
        'GET',
        '/api/v1/cases/HP-1/summary',
        answer(200, withoutPosition, { item: SUMMARY_ROW, position: '4' }),
      ),
    ).toThrow(/without its documented header X-Read-Model-Position/);
  });

  it('checks a problem code against the codes its status lists', () => {
    const problem = {
      type: '/problems/x',
      title: 'Conflict',
      status: 409,
      detail: 'd',
      code: 'NO_SUCH_CODE',
      instance: '/',
    };
    expect(() =>
      checkAgainstDocument(
        'POST',
        '/api/v1/cases/HP-1/settle',
        answer(409, { 'content-type': 'application/problem+json; charset=utf-8' }, problem),
      ),
    ).toThrow(/answered 409 with a body the document refuses: \/code must be equal to one of the allowed values/);
  });

  it('leaves routes the document does not describe alone', () => {
    expect(() => checkAgainstDocument('GET', '/console/index.html', answer(200, {}, 'x'))).not.toThrow();
  });
});

describe('the examples of docs/openapi.json', () => {
  it('are each accepted by their own schema', () => {
    expect(refusedExamples()).toEqual([]);
  });
});
