import type { AddressInfo } from 'node:net';
import { describeWithPostgres } from '@thads/event-store/postgres/postgres-test-support';
import { readChanges, type ProjectorRuntime } from '@thads/read-models';
import { Pool } from 'pg';
import { reportLines } from '../../../libs/feed-consumer/examples/completion-report-mirror';
import type { CompletionReport } from '../../../libs/feed-consumer/examples/completion-report';
import { PROJECTOR_RUNTIME } from '../../../apps/api/src/read-models/read-models.tokens';
import { HAI_PHONG_2018_OFFICES, receiveCaseBody } from '../api/case-fixtures';
import { startTestApp, type TestApp } from '../api/test-app';
import { MIRROR_WAIT_MS, startMirror, type MirrorProcess } from './mirror-process';

const PERIODS = ['2018-03', '2018-04'];

/**
 * The feed consumer's guarantee, end to end: the example reporting service mirrors the completion report into its
 * own PostgreSQL schema while commands keep arriving; it is killed with SIGKILL mid-stream and restarted. Afterwards
 * its table equals the API's report, and it applied every completion_stats change of the log exactly once (its
 * applied_change table has the change id as primary key, so a second application would have failed).
 */
describeWithPostgres('feed consumer: completion report mirrored into PostgreSQL across a kill -9', (postgresUrl) => {
  let t: TestApp;
  let pool: Pool;
  let apiUrl: string;
  let runtime: ProjectorRuntime;
  const schema = `feed_mirror_${process.pid}`;
  const mirrors: MirrorProcess[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    apiUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    runtime = t.app.get<ProjectorRuntime>(PROJECTOR_RUNTIME);
    pool = new Pool({ connectionString: postgresUrl, max: 2 });
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    for (const office of HAI_PHONG_2018_OFFICES) await t.http.post('/api/v1/offices').send(office).expect(201);
    await t.http
      .post('/api/v1/offices/HP/targets')
      .send({ reportingYear: 2018, casesRatePercent: '72', moneyRatePercent: '32', effectiveDate: '2017-10-02' })
      .expect(200);
  });

  afterAll(async () => {
    for (const mirror of mirrors) await mirror.kill9();
    await pool?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool?.end();
    await t?.close();
  });

  const mirrorEnv = () => ({
    MIRROR_DATABASE_URL: postgresUrl,
    MIRROR_SCHEMA: schema,
    THADS_API_URL: apiUrl,
    THADS_API_TOKEN: t.token({ sub: 'bao-cao', roles: ['reporting'] }),
    REPORT_PERIODS: PERIODS.join(','),
    REPORT_OFFICE: 'HP',
  });

  /** Issues case commands, one case after another, until `stop` is called; `issued` counts finished cases. */
  function commandLoad() {
    let stopped = false;
    let issued = 0;
    let lastPosition = '0';
    const waiters: (() => void)[] = [];
    const post = async (path: string, body: object, status = 200) => {
      const res = await t.http.post(`/api/v1/${path}`).send(body).expect(status);
      lastPosition = res.body.position;
    };
    const running = (async () => {
      for (let n = 1; !stopped; n += 1) {
        const caseId = `HP-MIRROR-${n}`;
        const officeId = n % 2 ? 'HP-NGO-QUYEN' : 'HP-LE-CHAN';
        const month = n % 3 ? '03' : '04';
        await post('cases', receiveCaseBody(caseId, { officeId, effectiveDate: `2018-${month}-01` }), 201);
        await post(`cases/${caseId}/issue-enforcement-decision`, {
          decisionNumber: `${n}/QĐ-CCTHADS`,
          effectiveDate: `2018-${month}-05`,
        });
        if (n % 2 === 0) {
          const money = { itemId: 'debt', amount: '850000000', effectiveDate: `2018-${month}-10` };
          await post(`cases/${caseId}/record-collection`, { ...money, collectionId: `c-${n}`, source: 'VOLUNTARY' });
          await post(`cases/${caseId}/disburse-funds`, { ...money, disbursementId: `d-${n}` });
          await post(`cases/${caseId}/settle`, { effectiveDate: `2018-${month}-12` });
        }
        issued += 1;
        waiters.splice(0).forEach((wake) => wake());
      }
    })();
    return {
      issued: () => issued,
      lastPosition: () => lastPosition,
      /** Resolves once `count` cases are done (the loop keeps going). */
      reach: (count: number) =>
        new Promise<void>((resolve, reject) => {
          const check = () => (issued >= count ? resolve() : waiters.push(check));
          void running.catch(reject);
          check();
        }),
      stop: async () => {
        stopped = true;
        await running;
      },
    };
  }

  it(
    'after SIGKILL and a restart under a command load, the table equals the report and no change was applied twice',
    async () => {
      const load = commandLoad();
      await load.reach(2);
      const first = startMirror(mirrorEnv());
      mirrors.push(first);
      await first.until('3 applied changes', () => first.applied.length >= 3);
      const issuedAtKill = load.issued();
      await first.kill9();

      // Changes made while no consumer runs, then the restart resumes after its own checkpoint.
      await load.reach(issuedAtKill + 2);
      const checkpoint = await pool.query<{ id: string }>(
        `SELECT last_change_id::text AS id FROM ${schema}.feed_checkpoint WHERE feed = 'completion_stats'`,
      );
      const resumeAfter = checkpoint.rows[0].id;
      expect(BigInt(resumeAfter)).toBeGreaterThanOrEqual(BigInt(first.applied.at(-1) ?? '0'));
      const second = startMirror(mirrorEnv());
      mirrors.push(second);
      await second.until('the resumption', () =>
        second.output().includes(`connected, resuming after change ${resumeAfter}\n`),
      );
      await second.until('an applied change', () => second.applied.length >= 1);
      await load.reach(load.issued() + 2);
      await load.stop();

      // Every completion_stats change the API logged, once, in order.
      await runtime.projector.waitForPosition(BigInt(load.lastPosition()));
      const logged = await readChanges(runtime.readModels.db, {
        afterId: 0n,
        projection: 'completion_stats',
        limit: 100_000,
      });
      const lastId = logged.at(-1)?.id.toString() ?? '';
      await second.until(`change ${lastId}`, () => second.applied.includes(lastId));
      const applied = await pool.query<{ id: string }>(
        `SELECT change_id::text AS id FROM ${schema}.applied_change ORDER BY change_id`,
      );
      expect(applied.rows.map((row) => row.id)).toEqual(logged.map((change) => change.id.toString()));
      const next = logged.find((change) => change.id > BigInt(resumeAfter));
      expect(second.applied[0]).toBe(next?.id.toString());

      // The mirrored rows are the report's rows.
      const reporting = t.as('reporting', [], 'bao-cao');
      for (const period of PERIODS) {
        const report = (await reporting.get(`/api/v1/reports/completion?office=HP&period=${period}`).expect(200))
          .body as CompletionReport;
        const mirrored = await pool.query<{
          line: string;
          row: unknown;
          cases_completed: string;
          money_rate: string | null;
        }>(
          `SELECT line, row, cases_completed::text FROM ${schema}.completion_report_row
           WHERE period = $1 AND report_office = 'HP' ORDER BY line`,
          [period],
        );
        const expected = reportLines(report).sort((a, b) => (a.line < b.line ? -1 : 1));
        expect(mirrored.rows.map(({ line, row }) => ({ line, row }))).toEqual(expected);
        expect(mirrored.rows.map((row) => row.cases_completed)).toEqual(expected.map(({ row }) => row.cases.completed));
        expect(report.rollUp.cases.enforceable).not.toBe('0');
      }
      expect(await second.stop()).toBe(0);
    },
    MIRROR_WAIT_MS * 3,
  );
});
