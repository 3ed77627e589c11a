import { randomUUID } from 'node:crypto';
import type { ProjectorRuntime } from '@thads/read-models';
import { PROJECTOR_RUNTIME } from '../../../apps/api/src/read-models/read-models.tokens';
import { receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

const METRICS_TOKEN = 'prometheus-scrapes-with-this-token-0123456789';

/** One sample of the Prometheus text format, 0 when the series does not exist yet. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

/** GET /metrics (docs/operations.md "Metrics"). */
describe('GET /metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN });
  });
  afterAll(() => t.close());

  const scrape = async () =>
    (await t.anonymous.get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`).expect(200)).text;

  it('answers 401 without METRICS_TOKEN or an auditor/admin token', async () => {
    await t.anonymous.get('/metrics').expect(401);
    await t.anonymous
      .get('/metrics')
      .set('authorization', 'Bearer prometheus-scrapes-with-another-token-0123')
      .expect(401);
    await t.as('officer', 'HP').get('/metrics').expect(401);
    const asAuditor = await t.as('auditor', []).get('/metrics').expect(200);
    expect(asAuditor.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('counts a command in its latency histogram, and the projection lag returns to 0 once it is applied', async () => {
    const series = 'thads_command_duration_seconds_count{command="receiveCase",outcome="accepted"}';
    const before = await scrape();
    const created = await t.http.post('/api/v1/cases').send(receiveCaseBody(randomUUID())).expect(201);
    await t.app.get<ProjectorRuntime>(PROJECTOR_RUNTIME).projector.waitForPosition(BigInt(created.body.position));

    const after = await scrape();
    expect(sample(after, series)).toBe(sample(before, series) + 1);
    expect(sample(after, 'thads_events_appended_total')).toBeGreaterThan(sample(before, 'thads_events_appended_total'));
    expect(sample(after, 'thads_event_store_append_duration_seconds_count{outcome="ok"}')).toBeGreaterThan(0);
    expect(after).toMatch(/^thads_http_requests_total\{method="POST",route="\/api\/v1\/cases",status="201"\} \d+$/m);
    for (const projection of ['audit_trail', 'case_summary', 'completion_stats', 'deadlines']) {
      expect(after).toMatch(new RegExp(`^thads_projection_lag_events\\{projection="${projection}"\\} 0$`, 'm'));
      expect(after).toMatch(new RegExp(`^thads_projection_lag_seconds\\{projection="${projection}"\\} 0$`, 'm'));
      expect(after).toMatch(new RegExp(`^thads_projection_dead_letters\\{projection="${projection}"\\} 0$`, 'm'));
      // Lag 0 measured after the command's own event: the projection's position has passed it.
      expect(sample(after, `thads_projection_position{projection="${projection}"}`)).toBeGreaterThanOrEqual(
        Number(created.body.position),
      );
    }
    expect(after).toMatch(/^thads_sse_clients 0$/m);
    expect(after).toMatch(/^thads_http_requests_deferred_total \d+$/m);
    expect(after).toMatch(/^thads_process_resident_memory_bytes \d+/m);
  });

  it('labels a refused command as refused', async () => {
    const series = 'thads_command_duration_seconds_count{command="receiveCase",outcome="refused"}';
    const before = sample(await scrape(), series);
    await t.http
      .post('/api/v1/cases')
      .send(receiveCaseBody(randomUUID(), { effectiveDate: 'yesterday' }))
      .expect(400);
    expect(sample(await scrape(), series)).toBe(before + 1);
  });
});
