import { ApiProblemError, createApiClient, retryAfterMs, type ApiClientOptions } from './index';

/** A fetch that answers from a script and records every request. */
function scriptedFetch(...answers: Response[]) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    const answer = answers.shift();
    if (!answer) throw new Error('no scripted answer left');
    return answer;
  }) as unknown as typeof globalThis.fetch;
  return { fetch, requests };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json', ...headers },
  });

describe('createApiClient', () => {
  const options = (fetch: typeof globalThis.fetch, extra: Partial<ApiClientOptions> = {}): ApiClientOptions => ({
    baseUrl: 'http://api.test/',
    token: () => 'tok',
    fetch,
    ...extra,
  });

  it('fills path parameters (encoded), drops undefined query values and sends the bearer token', async () => {
    const { fetch, requests } = scriptedFetch(json(200, { caseId: 'HP/1' }));
    const client = createApiClient(options(fetch));
    const body = await client.get('/api/v1/cases/{caseId}/history', {
      path: { caseId: 'HP/1 ư' },
      query: { asOf: '2018-03-31', asKnownAt: undefined },
    });
    expect(body).toEqual({ caseId: 'HP/1' });
    expect(requests[0].url).toBe('http://api.test/api/v1/cases/HP%2F1%20%C6%B0/history?asOf=2018-03-31');
    expect(requests[0].init.method).toBe('GET');
    expect(requests[0].init.headers).toMatchObject({ authorization: 'Bearer tok', accept: 'application/json' });
  });

  it('posts JSON with extra headers', async () => {
    const { fetch, requests } = scriptedFetch(json(200, { position: '7' }));
    const client = createApiClient(options(fetch));
    await client.post('/api/v1/cases/{caseId}/settle', {
      path: { caseId: 'HP-1' },
      body: { effectiveDate: '2018-05-28' },
      headers: { 'idempotency-key': 'k-1' },
    });
    expect(requests[0].init).toMatchObject({ method: 'POST', body: '{"effectiveDate":"2018-05-28"}' });
    expect(requests[0].init.headers).toMatchObject({ 'content-type': 'application/json', 'idempotency-key': 'k-1' });
  });

  it('turns problem+json into ApiProblemError with status, code, detail and the fields', async () => {
    const problem = {
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'period is wrong',
      errors: [{ field: 'period' }],
    };
    const { fetch } = scriptedFetch(json(400, problem), new Response('<html>bad gateway</html>', { status: 502 }));
    const client = createApiClient(options(fetch));
    const refused = client.get('/api/v1/reports/completion', { query: { period: '2018-13' } });
    await expect(refused).rejects.toBeInstanceOf(ApiProblemError);
    await expect(refused).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED', problem });
    await expect(client.get('/api/v1/session')).rejects.toMatchObject({
      status: 502,
      code: 'HTTP_502',
      detail: '<html>bad gateway</html>',
    });
  });

  it('asks a GET again after the Retry-After of a 503 or 429, within its attempts', async () => {
    const behind = () => json(503, { code: 'READ_MODEL_BEHIND', detail: 'wait' }, { 'retry-after': '2' });
    const { fetch, requests } = scriptedFetch(
      behind(),
      json(429, { code: 'RATE_LIMITED' }, { 'retry-after': '1' }),
      json(200, {}),
    );
    const sleeps: number[] = [];
    const client = createApiClient(options(fetch, { sleep: async (ms) => void sleeps.push(ms) }));
    await client.get('/api/v1/session');
    expect(sleeps).toEqual([2000, 1000]);
    expect(requests).toHaveLength(3);

    const tired = scriptedFetch(behind(), behind());
    const once = createApiClient(options(tired.fetch, { retryAttempts: 1, sleep: async () => undefined }));
    await expect(once.get('/api/v1/session')).rejects.toMatchObject({ code: 'READ_MODEL_BEHIND', retryAfterMs: 2000 });
  });

  it('does not repeat a command, a 503 without Retry-After, or one asking to wait too long', async () => {
    const sleeps: number[] = [];
    const sleep = async (ms: number) => void sleeps.push(ms);
    const command = scriptedFetch(json(503, { code: 'UNAVAILABLE' }, { 'retry-after': '1' }));
    await expect(
      createApiClient(options(command.fetch, { sleep })).post('/api/v1/cases/{caseId}/settle', {
        path: { caseId: 'HP-1' },
        body: { effectiveDate: '2018-05-28' },
      }),
    ).rejects.toMatchObject({ status: 503 });
    const bare = scriptedFetch(json(503, { code: 'UNAVAILABLE' }));
    await expect(createApiClient(options(bare.fetch, { sleep })).get('/api/v1/session')).rejects.toMatchObject({
      retryAfterMs: undefined,
    });
    const long = scriptedFetch(json(503, { code: 'UNAVAILABLE' }, { 'retry-after': '3600' }));
    await expect(createApiClient(options(long.fetch, { sleep })).get('/api/v1/session')).rejects.toMatchObject({
      retryAfterMs: 3_600_000,
    });
    expect(sleeps).toEqual([]);
  });

  it('refuses a missing path parameter before sending anything', async () => {
    const { fetch, requests } = scriptedFetch();
    const client = createApiClient(options(fetch));
    expect(() => client.url('/api/v1/cases/{caseId}', { path: {} })).toThrow('path parameter caseId is missing');
    expect(requests).toHaveLength(0);
  });

  it('checks calls against the document when type-checked (npm run typecheck fails if these stop being errors)', () => {
    const client = createApiClient({ baseUrl: '' });
    const never = () => {
      // @ts-expect-error: no such path
      void client.get('/api/v1/reports/complete', { query: { period: '2018-03' } });
      // @ts-expect-error: period is required
      void client.get('/api/v1/reports/completion', { query: { office: 'HP' } });
      // @ts-expect-error: unknown query parameter
      void client.get('/api/v1/reports/completion', { query: { period: '2018-03', month: '3' } });
      // @ts-expect-error: the path parameter is required
      void client.post('/api/v1/cases/{caseId}/settle', { body: { effectiveDate: '2018-05-28' } });
      // @ts-expect-error: settle is a POST
      void client.get('/api/v1/cases/{caseId}/settle', { path: { caseId: 'x' } });
      // @ts-expect-error: the body's decisionNumber is required
      void client.post('/api/v1/cases/{caseId}/issue-enforcement-decision', { path: { caseId: 'x' }, body: {} });
    };
    expect(typeof never).toBe('function');
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP-dates', () => {
    const now = Date.parse('2026-12-05T07:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Sat, 05 Dec 2026 07:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
