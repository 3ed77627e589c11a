import { OFFICE_BOUND_ROLES, type Role } from '@thads/auth';
import type { Response } from 'supertest';
import type { RolePolicy } from '../../../apps/api/src/auth/access-policy';
import { AppModule } from '../../../apps/api/src/app.module';
import { routesOf } from '../../../apps/api/src/auth/route-table';
import { loadApiConfig } from '../../../apps/api/src/config/api-config';
import { MATRIX, matrixRequest, seedMatrixRecords } from './access-fixtures';
import { startTestApp, type TestApp } from './test-app';

/** Ids nobody registered, of the same shape as the matrix records'. */
const UNKNOWN = { caseId: 'HP-2018-9999', complaintId: 'KN-2018-9999' };
/** Routes whose office is read from a stored case or complaint: their existence is what must not leak. */
const STORED = new Set(['case-in-path', 'case-in-body', 'complaint-in-path']);

/**
 * "No such case" and "not your office's case" are one answer to an officer or head without rights to the owning
 * office: on every route that reads the office from a stored case or complaint (the case, its events, history,
 * evidence, verification, summary, every command on it, a complaint filed on it, the complaint and its commands), the
 * status, headers that matter and body are those an unknown id gets, with the owner office named nowhere.
 */
describe('existence of another office’s case is not told', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedMatrixRecords(t);
  });
  afterAll(() => t.close());

  const routes = routesOf(AppModule.forRoot(loadApiConfig({}))).filter(
    (route) => route.policy && !route.policy.public && STORED.has(route.policy.office ?? ''),
  );
  const cases = routes.flatMap((route) =>
    (route.policy as RolePolicy).roles
      .filter((role) => OFFICE_BOUND_ROLES.includes(role))
      .map((role) => [`${route.method} ${route.path}`, role, route] as const),
  );

  it('covers the case, its subroutes and commands, complaints filed on it and complaint routes', () => {
    const paths = new Set(routes.map((route) => `${route.method} ${route.path}`));
    for (const path of [
      'GET /api/v1/cases/:caseId',
      'GET /api/v1/cases/:caseId/events',
      'GET /api/v1/cases/:caseId/evidence',
      'GET /api/v1/cases/:caseId/history',
      'POST /api/v1/cases/:caseId/settle',
      'POST /api/v1/complaints',
      'GET /api/v1/complaints/:complaintId',
    ])
      expect(paths).toContain(path);
    expect(cases.length).toBeGreaterThan(30);
  });

  it.each(cases)('%s as %s of another office: the answer an unknown id gets', async (_name, role: Role, route) => {
    const { url, body } = matrixRequest(route);
    const token = `Bearer ${t.token({ sub: `${role}-elsewhere`, roles: [role], offices: [MATRIX.otherOffice] })}`;
    const send = (path: string, payload: object): Promise<Response> => {
      const agent = route.method === 'GET' ? t.anonymous.get(path) : t.anonymous.post(path).send(payload);
      return agent.set('authorization', token);
    };
    const head = await t.headOutsideRejections();
    const existing = await send(url, body);
    const unknown = await send(withUnknownIds(url), JSON.parse(withUnknownIds(JSON.stringify(body))) as object);

    expect(existing.status).toBe(404);
    expect(existing.headers['content-type']).toBe(unknown.headers['content-type']);
    expect(existing.headers['www-authenticate']).toBeUndefined();
    expect(normalised(existing)).toEqual(normalised(unknown));
    const told = JSON.stringify(normalised(existing)); // the ids asked about written as <case>, <complaint>
    expect(told).not.toContain(MATRIX.office);
    expect(told).not.toContain(MATRIX.parentOffice);
    expect(await t.headOutsideRejections()).toBe(head);
  });

  it('keeps the real reason in the log of refused commands, for auditors', async () => {
    await t
      .as('officer', MATRIX.otherOffice, 'chv-elsewhere')
      .post(`/api/v1/cases/${MATRIX.caseId}/settle`)
      .send({ effectiveDate: '2018-04-02' })
      .expect(404);
    const log = await t.store.readStream(`rejection-${MATRIX.caseId}`);
    const last = log.at(-1);
    expect(last?.data).toMatchObject({ code: 'FORBIDDEN_OFFICE', status: 403 });
    expect(last?.metadata.actor).toMatchObject({ id: 'chv-elsewhere' });
  });

  it('still tells an officer of the owning office what is wrong with the command', async () => {
    const res = await t
      .as('officer', MATRIX.office)
      .post(`/api/v1/cases/${MATRIX.caseId}/settle`)
      .send({ effectiveDate: 'soon' })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });
});

function withUnknownIds(text: string): string {
  return text.replaceAll(MATRIX.caseId, UNKNOWN.caseId).replaceAll(MATRIX.complaintId, UNKNOWN.complaintId);
}

/** The answer with the ids it was asked about written alike, so the two answers can be compared whole. */
function normalised(res: Response): unknown {
  return {
    status: res.status,
    body: JSON.parse(
      res.text
        .replaceAll(MATRIX.caseId, '<case>')
        .replaceAll(UNKNOWN.caseId, '<case>')
        .replaceAll(MATRIX.complaintId, '<complaint>')
        .replaceAll(UNKNOWN.complaintId, '<complaint>'),
    ) as unknown,
  };
}
