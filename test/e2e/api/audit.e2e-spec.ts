import type { Role } from '@thads/auth';
import { receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

/** GET /audit over the audit_trail projection running inside the API; reads wait on minPosition. */
describe('audit trail over HTTP', () => {
  let t: TestApp;
  let lastPosition = '0';
  const post = async (path: string, body: object, actor: { id: string; role: Role; office: string }) => {
    // The actor is whoever the token says: its sub, the role used and the case's office.
    const res = await t.as(actor.role, actor.office, actor.id).post(`/api/v1/${path}`).send(body);
    expect(res.status).toBeLessThan(300);
    lastPosition = res.body.position;
    return res;
  };
  const audit = (query: string) => t.http.get(`/api/v1/audit?minPosition=${lastPosition}&${query}`);
  const types = (body: { items: { eventType: string }[] }) => body.items.map((item) => item.eventType);
  const officer = { id: 'chv-tran-b', role: 'officer' as const, office: 'HP-NGO-QUYEN' };
  const head = { id: 'head-le', role: 'head' as const, office: 'HP-NGO-QUYEN' };

  beforeAll(async () => {
    t = await startTestApp();
    await post('cases', receiveCaseBody('HP-2018-0001'), officer);
    await post(
      'cases/HP-2018-0001/issue-enforcement-decision',
      { decisionNumber: '101/QĐ', effectiveDate: '2018-03-05' },
      head,
    );
    await post(
      'cases/HP-2018-0001/assign-enforcement-officer',
      { officerId: 'chv-tran-b', effectiveDate: '2018-03-05' },
      head,
    );
    await post('cases', receiveCaseBody('HP-2018-0002', { officeId: 'HP-LE-CHAN' }), {
      id: 'chv-pham',
      role: 'officer' as const,
      office: 'HP-LE-CHAN',
    });
  });
  afterAll(() => t.close());

  it("lists a case's events with actor, command, hashes and the position it reflects", async () => {
    const res = await audit('caseId=HP-2018-0001').expect(200);
    expect(types(res.body)).toEqual(['CaseReceived', 'EnforcementDecisionIssued', 'EnforcementOfficerAssigned']);
    expect(res.headers['x-read-model-position']).toBe(res.body.position);
    expect(BigInt(res.body.position)).toBeGreaterThanOrEqual(BigInt(lastPosition));
    const [received, decided] = res.body.items;
    expect(received).toMatchObject({
      stream: 'case-HP-2018-0001',
      revision: '0',
      actorId: 'chv-tran-b',
      actorRole: 'officer',
      officeId: 'HP-NGO-QUYEN',
      effectiveDate: '2018-03-01',
      prevHash: '0'.repeat(64),
    });
    expect(decided.prevHash).toBe(received.hash);
  });

  it('filters by actor, office and event type, and pages with the cursor', async () => {
    expect(types((await audit('actor=head-le').expect(200)).body)).toEqual([
      'EnforcementDecisionIssued',
      'EnforcementOfficerAssigned',
    ]);
    expect(
      (await audit('office=HP-LE-CHAN').expect(200)).body.items.map((item: { caseId: string }) => item.caseId),
    ).toEqual(['HP-2018-0002']);
    expect((await audit('type=CaseReceived').expect(200)).body.items).toHaveLength(2);
    const first = await audit('limit=2').expect(200);
    const second = await audit(`limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect([...types(first.body), ...types(second.body)]).toEqual([
      'CaseReceived',
      'EnforcementDecisionIssued',
      'EnforcementOfficerAssigned',
      'CaseReceived',
    ]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('shows a new event as soon as its position is reached', async () => {
    await post(
      'cases/HP-2018-0001/record-verification',
      { result: 'ENFORCEABLE', findings: 'Có nhà ở Lạch Tray', effectiveDate: '2018-03-20' },
      officer,
    );
    const res = await audit('caseId=HP-2018-0001&type=EnforcementConditionsVerified').expect(200);
    expect(res.body.items).toEqual([expect.objectContaining({ position: lastPosition, actorId: 'chv-tran-b' })]);
  });

  it('answers 400 naming the parameter for unknown parameters and bad values', async () => {
    for (const [query, field] of [
      ['case=HP-2018-0001', 'case'],
      ['type=Case%20Received', 'type'],
      ['actor=a%20b', 'actor'],
      ['from=yesterday', 'from'],
      ['to=2026-13-45', 'to'],
      ['limit=1001', 'limit'],
      ['cursor=abc', 'cursor'],
    ]) {
      const res = await t.http.get(`/api/v1/audit?${query}`).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field })] });
    }
  });
});
