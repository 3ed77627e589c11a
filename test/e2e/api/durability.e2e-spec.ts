import { startTestApp } from './test-app';

/** Readiness repeats the start-up durability check to operators (docs/configuration.md "Durability checks at start"). */
describe('GET /health/ready: durability', () => {
  it('reports both stores safe as the engine opens them, without connection details', async () => {
    const t = await startTestApp();
    try {
      const ready = await t.as('auditor', []).get('/health/ready').expect(200);
      const durability = ready.body.checks.durability.details;
      expect(durability.status).toBe('safe');
      expect(durability.warning).toBeUndefined();
      expect(
        durability.stores.map((store: { variable: string; verdict: string }) => [store.variable, store.verdict]),
      ).toEqual([
        ['EVENT_STORE_URL', 'safe'],
        ['READ_MODEL_URL', 'safe'],
      ]);
      expect(JSON.stringify(durability)).not.toMatch(/sqlite:|postgres:\/\//);
    } finally {
      await t.close();
    }
  });

  // The PostgreSQL leg (E2E_STORE=postgres) replaces READ_MODEL_URL with its own schema, so this case is SQLite's.
  if (process.env.E2E_STORE !== 'postgres') {
    it('with ALLOW_UNSAFE_DURABILITY=true, starts on in-memory read models and says so', async () => {
      const t = await startTestApp({ READ_MODEL_URL: 'sqlite::memory:', ALLOW_UNSAFE_DURABILITY: 'true' });
      try {
        const ready = (await t.as('admin', []).get('/health/ready').expect(200)).body;
        expect(ready.checks.durability).toMatchObject({
          status: 'up',
          reason: 'unsafe durability allowed by ALLOW_UNSAFE_DURABILITY=true',
        });
        const durability = ready.checks.durability.details;
        expect(durability.status).toBe('unsafe-allowed');
        expect(durability.warning).toMatch(
          /^UNSAFE DURABILITY ALLOWED by ALLOW_UNSAFE_DURABILITY=true: READ_MODEL_URL \(read models\) has journal_mode=memory/,
        );
        expect(durability.stores[1]).toEqual({
          variable: 'READ_MODEL_URL',
          role: 'read models',
          engine: 'sqlite',
          verdict: 'unsafe',
          settings: { journal_mode: 'memory', synchronous: '2' },
        });
      } finally {
        await t.close();
      }
    });
  }
});
