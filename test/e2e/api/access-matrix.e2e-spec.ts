import type { AddressInfo } from 'node:net';
import { ModulesContainer } from '@nestjs/core';
import { OFFICE_BOUND_ROLES, ROLES, signJwt, type Role } from '@thads/auth';
import type { Response } from 'supertest';
import { AppModule } from '../../../apps/api/src/app.module';
import { loadApiConfig } from '../../../apps/api/src/config/api-config';
import { controllersOf, routesOf, type RouteAccess } from '../../../apps/api/src/auth/route-table';
import { MATRIX, matrixRequest, seedMatrixRecords } from './access-fixtures';
import { connectSse } from './sse-client';
import { startTestApp, type TestApp } from './test-app';

/**
 * The full role × route matrix, generated from the routes' @Access metadata: for every route and every role,
 * a token for the office the request is about and one for another office, then no token and three bad ones. Each
 * answer must be what the policy says — 401, 403 FORBIDDEN_ROLE, 403 FORBIDDEN_OFFICE (404 where the office comes
 * from a stored case or complaint, as for an unknown id), or anything but those — and
 * after every refusal the event store's head must not have moved.
 */
const routes = routesOf(AppModule.forRoot(loadApiConfig({})));
/** Endless text/event-stream answers: read with a raw client and closed once the status is in. */
const STREAMING = new Set(['GET /api/v1/feeds/read-models']);
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('role × route matrix', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await startTestApp();
    await seedMatrixRecords(t);
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  /** Sends the route's sample request with `authorization` (or none); the status, code and challenge it got. */
  async function send(
    route: RouteAccess,
    authorization: string | undefined,
  ): Promise<{ status: number; code?: string; challenge?: string; problem: boolean }> {
    const { url, body } = matrixRequest(route);
    if (STREAMING.has(`${route.method} ${route.path}`)) {
      const stream = await connectSse(port, url, authorization ? { authorization } : {});
      stream.close();
      if (stream.status === 200) return { status: 200, problem: false };
    }
    const agent = route.method === 'GET' ? t.anonymous.get(url) : t.anonymous.post(url).send(body);
    const res: Response = await (authorization ? agent.set('authorization', authorization) : agent);
    return {
      status: res.status,
      code: res.body?.code,
      challenge: res.headers['www-authenticate'],
      problem: /problem\+json/.test(res.headers['content-type'] ?? ''),
    };
  }

  async function expectRefusal(
    route: RouteAccess,
    authorization: string | undefined,
    status: 401 | 403 | 404,
    code: string,
  ) {
    const head = await t.headOutsideRejections();
    const answer = await send(route, authorization);
    expect({ status: answer.status, code: answer.code, problem: answer.problem }).toEqual({
      status,
      code,
      problem: true,
    });
    expect(await t.headOutsideRejections()).toBe(head);
    return answer;
  }

  it('covers every controller the running app mapped', () => {
    const live = [...t.app.get(ModulesContainer).values()].flatMap((module) =>
      [...module.controllers.values()].map((wrapper) => wrapper.metatype),
    );
    expect(new Set(live)).toEqual(new Set(controllersOf(AppModule.forRoot(loadApiConfig({})))));
  });

  const guarded = routes.filter((route) => route.policy && !route.policy.public);
  const cases = guarded.flatMap((route) =>
    ROLES.map((role) => [`${route.method} ${route.path}`, role, route] as const),
  );

  it.each(cases)(
    '%s as %s: in-office and out-of-office tokens get what the policy says',
    async (_name, role: Role, route) => {
      const policy = route.policy as { roles: readonly Role[] };
      const { inOffice, outOfOffice } = matrixRequest(route);
      const inOfficeToken = `Bearer ${t.token({ sub: `${role}-in`, roles: [role], offices: [inOffice] })}`;
      const outOfOfficeToken = `Bearer ${t.token({ sub: `${role}-out`, roles: [role], offices: [MATRIX.otherOffice] })}`;
      if (!policy.roles.includes(role)) {
        await expectRefusal(route, inOfficeToken, 403, 'FORBIDDEN_ROLE');
        await expectRefusal(route, outOfOfficeToken, 403, 'FORBIDDEN_ROLE');
        return;
      }
      const allowed = await send(route, inOfficeToken);
      expect([401, 403]).not.toContain(allowed.status);
      expect(allowed.status === 404 && allowed.code === 'NOT_FOUND').toBe(false);
      if (OFFICE_BOUND_ROLES.includes(role) && outOfOffice !== undefined)
        await expectRefusal(route, outOfOfficeToken, outOfOffice.status, outOfOffice.code);
      else expect([401, 403]).not.toContain((await send(route, outOfOfficeToken)).status);
    },
  );

  const badTokens: readonly (readonly [string, () => string | undefined, RegExp])[] = [
    ['no token', () => undefined, /^Bearer realm="thads-engine"$/],
    [
      'an expired token',
      () =>
        `Bearer ${t.token({ sub: 'late', roles: [...ROLES], offices: [MATRIX.office, MATRIX.parentOffice], exp: nowSeconds() - 120 })}`,
      /error="invalid_token", error_description="the token has expired"/,
    ],
    [
      'a token signed with another secret',
      () =>
        `Bearer ${signJwt({ sub: 'forger', roles: ROLES, offices: [MATRIX.office], exp: nowSeconds() + 600 }, { algorithm: 'HS256', secret: 'not-the-servers-secret-but-long-enough' })}`,
      /the signature does not verify/,
    ],
    [
      'an unsigned alg none token',
      () => `Bearer ${unsigned({ sub: 'forger', roles: ROLES, offices: [MATRIX.office], exp: nowSeconds() + 600 })}`,
      /alg 'none' is not accepted/,
    ],
  ];
  const unauthenticated = guarded.flatMap((route) =>
    badTokens.map(
      ([label, token, challenge]) => [`${route.method} ${route.path}`, label, route, token, challenge] as const,
    ),
  );

  it.each(unauthenticated)(
    '%s with %s: 401 with a challenge, nothing written',
    async (_name, _label, route, token, challenge) => {
      const answer = await expectRefusal(route, token(), 401, 'UNAUTHENTICATED');
      expect(answer.challenge).toMatch(challenge);
    },
  );

  it('answers the public liveness route whatever the token', async () => {
    const [health] = routes.filter((route) => route.policy?.public);
    for (const [, token] of badTokens) expect((await send(health, token())).status).toBe(200);
  });
});

function unsigned(payload: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}
