import { receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

const COMMANDS = 12;
const REFUSALS = 4;

/**
 * Commands are limited per subject, and refused commands (each recorded in the log) more strictly: past either limit
 * the answer is 429 problem+json with Retry-After, nothing is recorded, and the store's head stops moving.
 */
describe('rate limits on commands', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_WINDOW_SECONDS: '3600',
      RATE_LIMIT_COMMANDS: String(COMMANDS),
      RATE_LIMIT_REFUSED_COMMANDS: String(REFUSALS),
    });
    await t.as('officer', 'HP-NGO-QUYEN', 'setup').post('/api/v1/cases').send(receiveCaseBody('HP-RATE-1')).expect(201);
  });
  afterAll(() => t.close());

  function expectRateLimited(res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }) {
    expect(res.status).toBe(429);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    const retryAfter = Number(res.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 3600).toBe(true);
    expect(res.body.retryAfterSeconds).toBe(retryAfter);
  }

  it('stops recording refusals of a subject at the limit: 429 with Retry-After and the store head stops growing', async () => {
    const noisy = () => t.as('officer', 'HP-NGO-QUYEN', 'chv-noisy');
    for (let i = 0; i < REFUSALS; i++)
      await noisy().post('/api/v1/cases/HP-RATE-1/settle').send({ effectiveDate: 'soon' }).expect(400);
    const head = await t.store.headPosition();
    for (let i = 0; i < 20; i++) {
      expectRateLimited(await noisy().post('/api/v1/cases/HP-RATE-1/settle').send({ effectiveDate: 'soon' }));
    }
    // A good command of the same subject waits too; nothing of it is written.
    const good = await noisy()
      .post('/api/v1/cases/HP-RATE-1/issue-enforcement-decision')
      .send({ decisionNumber: '1/QĐ', effectiveDate: '2018-03-05' });
    expectRateLimited(good);
    expect((good.body as { limit: string }).limit).toBe('refused-commands');
    expect(await t.store.headPosition()).toBe(head);
    expect(await t.store.readStream('rejection-HP-RATE-1')).toHaveLength(REFUSALS);

    // Another subject is not held back by this one.
    await t
      .as('head', 'HP-NGO-QUYEN', 'head-calm')
      .post('/api/v1/cases/HP-RATE-1/issue-enforcement-decision')
      .send({ decisionNumber: '1/QĐ', effectiveDate: '2018-03-05' })
      .expect(200);
    // Queries are not commands: the noisy subject still reads.
    await noisy().get('/api/v1/cases/HP-RATE-1').expect(200);
  });

  it('answers 429 past RATE_LIMIT_COMMANDS commands of one subject, writing nothing', async () => {
    const busy = () => t.as('officer', 'HP-NGO-QUYEN', 'chv-busy');
    for (let i = 0; i < COMMANDS; i++)
      await busy()
        .post('/api/v1/cases')
        .send(receiveCaseBody(`HP-RATE-B${i}`))
        .expect(201);
    const head = await t.store.headPosition();
    const over = await busy().post('/api/v1/cases').send(receiveCaseBody('HP-RATE-OVER'));
    expectRateLimited(over);
    expect((over.body as { limit: string }).limit).toBe('commands');
    expect(await t.store.headPosition()).toBe(head);
  });

  it('counts commands without a valid token by IP address', async () => {
    for (let i = 0; i < COMMANDS; i++) await t.anonymous.post('/api/v1/cases').send({}).expect(401);
    expectRateLimited(await t.anonymous.post('/api/v1/cases').send({}));
    // The subjects behind that address are counted apart.
    await t
      .as('officer', 'HP-NGO-QUYEN', 'chv-late')
      .post('/api/v1/cases')
      .send(receiveCaseBody('HP-RATE-L'))
      .expect(201);
  });
});
