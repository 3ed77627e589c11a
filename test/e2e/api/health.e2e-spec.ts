import { startTestApp, type TestApp } from './test-app';

/** Liveness and readiness probes (docs/operations.md): public, with details only for auditors and admins. */
describe('health probes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('GET /health/live is up without a token', async () => {
    const live = await t.anonymous.get('/health/live').expect(200);
    expect(live.body).toEqual({ status: 'up' });
    expect(live.headers['cache-control']).toBe('no-store');
  });

  it('GET /health/ready says which checks are up, and nothing more, to anyone without an operator token', async () => {
    const requests = [
      t.anonymous.get('/health/ready'),
      t.as('officer', 'HP').get('/health/ready'),
      t.anonymous.get('/health/ready').set('authorization', 'Bearer not-a-token'),
    ];
    for (const request of requests) {
      const ready = await request.expect(200);
      expect(ready.body).toEqual({
        status: 'up',
        checks: {
          eventStore: { status: 'up' },
          durability: { status: 'up' },
          projections: { status: 'up' },
          disk: { status: 'up' },
        },
      });
    }
  });

  it.each(['auditor', 'admin'] as const)('shows positions, projections and free space to an %s', async (role) => {
    const ready = await t.as(role, []).get('/health/ready').expect(200);
    expect(ready.body.checks.eventStore.details.headPosition).toMatch(/^-?\d+$/);
    expect(ready.body.checks.projections.details.projections).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'audit_trail', status: 'running', deadLetters: [] })]),
    );
    expect(ready.body.checks.disk.details.freeBytes).toBeGreaterThan(0);
  });

  it('GET /health answers as /health/ready, for probes configured before the split', async () => {
    const health = await t.anonymous.get('/health').expect(200);
    expect(health.body).toEqual((await t.anonymous.get('/health/ready')).body);
  });

  it('is not ready, 503 with Retry-After, when the data directory has less free space than DISK_MIN_FREE_BYTES', async () => {
    const full = await startTestApp({ DISK_MIN_FREE_BYTES: '1099511627776' });
    try {
      const ready = await full.anonymous.get('/health/ready').expect(503);
      expect(ready.headers['retry-after']).toBe('5');
      expect(ready.body.status).toBe('down');
      expect(ready.body.checks.disk).toEqual({ status: 'down', reason: 'the data directory is (nearly) full' });
      await full.anonymous.get('/health/live').expect(200);
    } finally {
      await full.close();
    }
  });
});
