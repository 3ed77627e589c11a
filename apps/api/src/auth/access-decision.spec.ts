import type { VerifiedToken } from '@thads/auth';
import type { ExecutionContext } from '@nestjs/common';
import { Access, type RolePolicy } from './access-policy';
import { AccessRefused } from './access-refused';
import { decideAccess } from './access-decision';
import { AccessGuard } from './access.guard';
import { grantedAccessOf } from './granted-access';

const token = (roles: VerifiedToken['roles'], offices: string[] = []): VerifiedToken => ({
  subject: 'u-1',
  roles,
  offices,
  expiresAt: 0,
});
const caseWork: RolePolicy = { roles: ['officer', 'head'], office: 'case-in-path' };
const readCase: RolePolicy = { roles: ['officer', 'head', 'auditor', 'admin'], office: 'case-in-path' };
const inHaiPhong = async () => ['HP-NGO-QUYEN'];

async function refusal(promise: Promise<unknown>): Promise<AccessRefused> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AccessRefused);
  return error as AccessRefused;
}

const legalAct = { number: '1898/QĐ-BTP', issuedOn: '2025-06-20', issuedBy: 'Bộ Tư pháp' };
const mergedIntoRegional = async () => ({
  offices: ['HP-KV1'],
  passedOn: [
    {
      predecessorOfficeId: 'HP-NGO-QUYEN',
      successorOfficeId: 'HP-KV1',
      effectiveDate: '2025-07-01',
      kind: 'MERGER' as const,
      legalAct,
    },
  ],
});

describe('decideAccess', () => {
  it('after a succession grants the successor’s officer, recording the successor', async () => {
    await expect(decideAccess(caseWork, token(['officer'], ['HP-KV1']), mergedIntoRegional)).resolves.toEqual({
      subject: 'u-1',
      role: 'officer',
      officeId: 'HP-KV1',
    });
  });

  it('refuses the predecessor’s staff after the succession with OFFICE_SUCCEEDED, naming successor, date and act', async () => {
    const refused = await refusal(decideAccess(caseWork, token(['officer'], ['HP-NGO-QUYEN']), mergedIntoRegional));
    expect(refused).toMatchObject({
      status: 403,
      code: 'OFFICE_SUCCEEDED',
      details: { successorOfficeId: 'HP-KV1', succeededOn: '2025-07-01', legalAct: '1898/QĐ-BTP' },
    });
  });

  it('still lets a predecessor’s officer who is also an auditor read, as an auditor', async () => {
    await expect(
      decideAccess(readCase, token(['officer', 'auditor'], ['HP-NGO-QUYEN']), mergedIntoRegional),
    ).resolves.toEqual({ subject: 'u-1', role: 'auditor' });
  });

  it('grants an officer of the case office, recording that office', async () => {
    await expect(decideAccess(caseWork, token(['officer'], ['HP-NGO-QUYEN']), inHaiPhong)).resolves.toEqual({
      subject: 'u-1',
      role: 'officer',
      officeId: 'HP-NGO-QUYEN',
    });
  });

  it('records the first of the policy roles that fits: officer work by an officer-and-head is recorded as officer', async () => {
    await expect(
      decideAccess(caseWork, token(['head', 'officer'], ['HP-NGO-QUYEN']), inHaiPhong),
    ).resolves.toMatchObject({ role: 'officer' });
  });

  it('refuses a role the route does not name with FORBIDDEN_ROLE, without reading the store', async () => {
    const read = jest.fn(inHaiPhong);
    const refused = await refusal(decideAccess(caseWork, token(['auditor', 'reporting']), read));
    expect(refused).toMatchObject({
      status: 403,
      code: 'FORBIDDEN_ROLE',
      message: 'This route is for officer, head; the token grants the roles auditor, reporting',
    });
    expect(read).not.toHaveBeenCalled();
  });

  it('refuses an officer of another office with FORBIDDEN_OFFICE, naming both', async () => {
    const refused = await refusal(decideAccess(caseWork, token(['officer'], ['HP-LE-CHAN']), inHaiPhong));
    expect(refused).toMatchObject({ status: 403, code: 'FORBIDDEN_OFFICE' });
    expect(refused.message).toBe(
      'As officer you act only for your offices (HP-LE-CHAN); this request needs office HP-NGO-QUYEN',
    );
  });

  it('lets an office-free role through where the office-bound one does not fit, without reading the store for it', async () => {
    await expect(decideAccess(readCase, token(['officer', 'admin'], ['HP-LE-CHAN']), inHaiPhong)).resolves.toEqual({
      subject: 'u-1',
      role: 'admin',
    });
    const read = jest.fn(inHaiPhong);
    await expect(decideAccess(readCase, token(['auditor']), read)).resolves.toEqual({
      subject: 'u-1',
      role: 'auditor',
    });
    expect(read).not.toHaveBeenCalled();
  });

  it('asks an officer or head for an office when the request names none', async () => {
    const refused = await refusal(decideAccess(readCase, token(['head'], ['HP']), async () => []));
    expect(refused.message).toMatch(/needs an office named in the request$/);
  });

  it('accepts any qualifying office, e.g. a period closed by the head of the parent office', async () => {
    const policy: RolePolicy = { roles: ['head', 'admin'], office: 'office-in-path-or-its-parent' };
    await expect(decideAccess(policy, token(['head'], ['HP']), async () => ['HP-NGO-QUYEN', 'HP'])).resolves.toEqual({
      subject: 'u-1',
      role: 'head',
      officeId: 'HP',
    });
  });
});

describe('AccessGuard', () => {
  const verifier = { verify: jest.fn() };
  const guard = new AccessGuard(verifier, {} as never, {} as never);
  const contextFor = (handler: () => void, headers: Record<string, string> = {}) => {
    const request = { headers, params: {}, query: {}, body: {}, method: 'GET', url: '/x' };
    const context = {
      switchToHttp: () => ({ getRequest: () => request }),
      getHandler: () => handler,
      getClass: () => class Somewhere {},
    } as unknown as ExecutionContext;
    return { context, request };
  };
  class Routes {
    @Access.public() health() {}
    @Access({ roles: ['auditor'] }) audit() {}
    forgotten() {}
  }

  it('refuses, for everyone, a route that declares no policy', async () => {
    const { context } = contextFor(Routes.prototype.forgotten, { authorization: 'Bearer anything' });
    expect(await refusal(guard.canActivate(context))).toMatchObject({
      status: 403,
      code: 'FORBIDDEN_ROLE',
      message: 'This route declares no access policy, so it is refused for everyone',
    });
    expect(verifier.verify).not.toHaveBeenCalled();
  });

  it('lets a public route through without looking at the token', async () => {
    await expect(
      guard.canActivate(contextFor(Routes.prototype.health, { authorization: 'Bearer garbage' }).context),
    ).resolves.toBe(true);
    expect(verifier.verify).not.toHaveBeenCalled();
  });

  it('answers 401 with a bare challenge without a token, and with invalid_token for a bad scheme', async () => {
    expect(await refusal(guard.canActivate(contextFor(Routes.prototype.audit).context))).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      challenge: 'Bearer realm="thads-engine"',
    });
    const basic = await refusal(
      guard.canActivate(contextFor(Routes.prototype.audit, { authorization: 'Basic dXNlcjpwYXNz' }).context),
    );
    expect(basic.challenge).toMatch(/^Bearer realm="thads-engine", error="invalid_token"/);
  });

  it('records the granted access on the request for the handler', async () => {
    verifier.verify.mockResolvedValueOnce(token(['auditor']));
    const { context, request } = contextFor(Routes.prototype.audit, { authorization: 'bearer a.b.c' });
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(verifier.verify).toHaveBeenCalledWith('a.b.c');
    expect(grantedAccessOf(request)).toEqual({ subject: 'u-1', role: 'auditor' });
  });
});
