import fc from 'fast-check';
import { receiveCaseBody } from '../../e2e/api/case-fixtures';
import { startTestApp, type TestApp } from '../../e2e/api/test-app';
import { FaultLog } from '../support/fault-log';
import { hostileBodies, hostileQuery, type BodyProperties, type HostileBody } from './hostile-bodies';

const CASE_ID = 'HP-HOSTILE-1';
const BODY_LIMIT = 1_048_576; // the default: 100,000 levels of nesting fit under it

interface OpenApi {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, { properties?: BodyProperties }> };
}
interface OpenApiOperation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
}

/**
 * Hostile HTTP, property-based over every command body and every query parameter the OpenAPI document declares:
 * the answer is always a 4xx problem+json, never a 5xx, and nothing but recorded refusals reaches the store.
 */
describe('hostile HTTP', () => {
  let t: TestApp;
  let api: OpenApi;
  beforeAll(async () => {
    // Hundreds of refused commands from one token on purpose: with the refusal limit on, most would be answered 429
    // before their body is looked at (the limit has its own e2e, test/e2e/api/rate-limits.e2e-spec.ts).
    t = await startTestApp({ BODY_LIMIT_BYTES: String(BODY_LIMIT), RATE_LIMIT_REFUSED_COMMANDS: '0' });
    await t.http.post('/api/v1/cases').send(receiveCaseBody(CASE_ID)).expect(201);
    api = (await t.anonymous.get('/docs-json').expect(200)).body as OpenApi;
  }, 60_000);
  afterAll(() => t.close());

  const concrete = (path: string) => path.replace(/\{[^}]+\}/g, CASE_ID);

  function commands(): { path: string; properties: BodyProperties }[] {
    return Object.entries(api.paths).flatMap(([path, operations]) => {
      const post = operations.post;
      if (!post) return [];
      const ref = post.requestBody?.content?.['application/json']?.schema?.$ref;
      const properties = ref ? (api.components.schemas[ref.split('/').pop() ?? '']?.properties ?? {}) : {};
      return [{ path: concrete(path), properties }];
    });
  }

  function queries(): { path: string; parameters: string[] }[] {
    return Object.entries(api.paths).flatMap(([path, operations]) => {
      const get = operations.get;
      // The change feed streams forever once its parameters are valid; its parameter checks have their own e2e.
      if (!get || path.includes('/feeds/')) return [];
      const parameters = (get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      return [{ path: concrete(path), parameters }];
    });
  }

  function send(path: string, body: HostileBody) {
    const req = t.http.post(path);
    if (body.contentType !== undefined) req.set('content-type', body.contentType);
    return req.send(body.payload);
  }

  function expectProblem(res: { status: number; headers: Record<string, string>; body: unknown }, what: string) {
    if (
      res.status < 400 ||
      res.status >= 500 ||
      !/application\/problem\+json/.test(res.headers['content-type'] ?? '')
    ) {
      throw new Error(`${what} answered ${res.status} ${res.headers['content-type']}: ${JSON.stringify(res.body)}`);
    }
  }

  it('every command body: always a 4xx problem, never a 5xx, and the store does not move', async () => {
    const log = new FaultLog('hostile HTTP bodies');
    const routes = commands();
    expect(routes.length).toBeGreaterThan(30);
    const head = await t.headOutsideRejections();
    const statuses = new Map<number, number>();
    const property = fc.asyncProperty(
      fc
        .constantFrom(...routes)
        .chain((route) => fc.tuple(fc.constant(route.path), hostileBodies(route.properties, BODY_LIMIT))),
      async ([path, body]) => {
        const res = await send(path, body);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expectProblem(res, `POST ${path} with ${body.kind}`);
      },
    );
    await fc.assert(property, { seed: log.seed, numRuns: 400, endOnFailure: true });
    expect(await t.headOutsideRejections()).toBe(head);
    log.outcome(`400 hostile bodies over ${routes.length} command routes: ${tally(statuses)}; store head unchanged`);
  }, 300_000);

  it('every query parameter: never a 5xx, every refusal a problem, and the store does not move', async () => {
    const log = new FaultLog('hostile HTTP queries');
    const routes = queries();
    expect(routes.length).toBeGreaterThan(8);
    const head = await t.headOutsideRejections();
    const statuses = new Map<number, number>();
    const property = fc.asyncProperty(
      fc.constantFrom(...routes).chain((route) => fc.tuple(fc.constant(route.path), hostileQuery(route.parameters))),
      async ([path, query]) => {
        const res = await t.http.get(`${path}?${query}`);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 400) expectProblem(res, `GET ${path}?${query.slice(0, 200)}`);
        else if (res.status >= 300) throw new Error(`GET ${path} answered ${res.status}`);
      },
    );
    await fc.assert(property, { seed: log.seed, numRuns: 300, endOnFailure: true });
    expect(await t.headOutsideRejections()).toBe(head);
    log.outcome(`300 hostile queries over ${routes.length} query routes: ${tally(statuses)}; store head unchanged`);
  }, 300_000);

  it('100,000 levels of nesting: 400 INVALID_JSON (it was a 500 stack overflow)', async () => {
    const log = new FaultLog('hostile HTTP deep nesting');
    const depth = 100_000;
    const res = await send('/api/v1/cases', {
      kind: 'deep',
      contentType: 'application/json',
      payload: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_JSON');
    log.outcome(`${depth} levels: ${res.status} ${res.body.code}`);
  });

  it('a NUL or control character in a text field is refused, naming the field', async () => {
    const log = new FaultLog('hostile HTTP control characters');
    const body = receiveCaseBody('HP-HOSTILE-2');
    const parties = [{ ...body.parties[0], name: 'Ngân hàng\u0000TMCP' }, body.parties[1]];
    const res = await t.http.post('/api/v1/cases').send({ ...body, parties });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'parties.0.name' })]);
    log.outcome(`NUL in parties.0.name: ${res.status} naming ${res.body.errors[0].field}`);
  });
});

function tally(statuses: Map<number, number>): string {
  return [...statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${count}×${status}`)
    .join(', ');
}
