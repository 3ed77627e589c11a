import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresEventStore } from '@thads/event-store';
import {
  buildApi,
  developmentBearer,
  freePort,
  startApi,
  type ApiBuild,
  type ApiProcess,
} from '../support/api-process';
import { newTally, startCommandLoad, type LoadTally } from '../support/command-load';
import { FaultLog } from '../support/fault-log';
import { waitForProjections } from '../support/readiness';
import { readWholeLog, unaccounted, assertNoGapOrDuplicate } from '../support/store-checks';

const RESTARTS = 10;

/**
 * PostgreSQL stopped hard (`pg_ctlcluster … stop -m immediate`, as a crash) and started again 1–4 s later, 10 times,
 * under 4 writers, against a throwaway cluster this case creates and drops. The API (event store and read models on
 * that cluster) never exits; commands answer 503 with Retry-After while the server is down, never 500; they succeed
 * again once it is back; every acknowledged command is in the log exactly once; the read models reach the head.
 */
const cluster = createCluster();
if (typeof cluster === 'string') process.stderr.write(`[fault] PostgreSQL restart: SKIPPED: ${cluster}\n`);

(typeof cluster === 'string' ? describe.skip : describe)('PostgreSQL stopped hard and restarted under load', () => {
  const { version, name, port } = cluster as Cluster;
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const dataDir = mkdtempSync(join(tmpdir(), 'thads-fault-pg-restart-'));
  let build: ApiBuild;
  let api: ApiProcess | undefined;
  beforeAll(async () => {
    build = await buildApi();
  }, 900_000);
  afterAll(async () => {
    await api?.kill9();
    build?.remove();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`never exits, answers 503 with Retry-After while down and loses nothing over ${RESTARTS} restarts`, async () => {
    const log = new FaultLog('PostgreSQL restart');
    const env = { DATA_DIR: dataDir, EVENT_STORE_URL: url, READ_MODEL_URL: url };
    api = await startApi(build, await freePort(), env);
    const authorization = developmentBearer(dataDir, ['HP-NGO-QUYEN']);
    const tally = newTally();
    const load = startCommandLoad({ url: api.url, authorization, workers: 4, prefix: 'G', random: log.random, tally });
    const answered = (done: () => boolean) => load.until(() => done() || api?.hasExited() === true);
    const recoveries: number[] = [];
    try {
      for (let restart = 1; restart <= RESTARTS; restart += 1) {
        const moment = tally.acknowledged.length + log.between(5, 30);
        await answered(() => tally.acknowledged.length >= moment);
        const downMs = log.between(1000, 4000);
        const errorsBefore = tally.serverErrors.length;
        await pgctl(version, name, 'stop', '-m', 'immediate');
        // The outage itself: the server stays down for the seeded time while the writers keep sending.
        await new Promise((resolve) => setTimeout(resolve, downMs));
        const duringOutage = tally.serverErrors.slice(errorsBefore);
        await pgctl(version, name, 'start');
        const started = Date.now();
        const ackedAtStart = tally.acknowledged.length;
        await answered(() => tally.acknowledged.length > ackedAtStart);
        recoveries.push(Date.now() - started);
        expect(api.hasExited()).toBe(false);
        log.attempt(
          restart,
          `down ${downMs} ms: ${describe5xx(duringOutage)}; first acknowledged command ${Date.now() - started} ms after the start`,
        );
      }
    } finally {
      await load.stop();
    }
    expect({ exited: api.hasExited(), output: api.hasExited() ? api.output() : '' }).toEqual({
      exited: false,
      output: '',
    });
    const head = await waitForProjections(api.url, authorization);
    await api.stop();

    expect(tally.serverErrors.filter((error) => error.status === 500)).toEqual([]);
    expect(tally.serverErrors.filter((error) => error.status !== 503 || !error.retryAfter)).toEqual([]);
    expect(tally.serverErrors.length).toBeGreaterThan(0);
    const store = await createPostgresEventStore({ connectionString: url });
    const events = await readWholeLog(store);
    await store.close();
    assertNoGapOrDuplicate(events);
    expect(unaccounted(events, tally.acknowledged, { refusals: false })).toEqual([]);
    log.outcome(
      `${RESTARTS} hard restarts; the API never exited; ${describe5xx(tally.serverErrors)}, no 500; recovered ` +
        `${Math.min(...recoveries)}–${Math.max(...recoveries)} ms after each start; ${tally.acknowledged.length} ` +
        `acknowledged commands all in the log once (${events.length} events, no gap); read models at head ${head}`,
    );
  }, 900_000);
});

afterAll(() => {
  if (typeof cluster !== 'string')
    execFileSync('pg_dropcluster', ['--stop', cluster.version, cluster.name], { timeout: 120_000, stdio: 'pipe' });
});

interface Cluster {
  readonly version: string;
  readonly name: string;
  readonly port: number;
}

/** Creates and starts a trust-auth cluster on a free port; a string says why it could not. */
function createCluster(): Cluster | string {
  const name = `faults${process.pid}`;
  let version: string;
  try {
    const clusters = execFileSync('pg_lsclusters', ['--no-header'], { timeout: 60_000, encoding: 'utf8' });
    version = clusters.trim().split(/\s+/)[0];
    if (!/^\d+$/.test(version)) return `pg_lsclusters names no PostgreSQL version (${clusters.trim() || 'no cluster'})`;
  } catch (error) {
    return `pg_lsclusters is not available (${String(error).split('\n')[0]}); install postgresql-common to run this case`;
  }
  // A free port, found synchronously (the cluster is made while jest collects the tests, to know whether to skip).
  const port = Number(
    execFileSync(
      process.execPath,
      [
        '-e',
        "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
      ],
      { timeout: 60_000, encoding: 'utf8' },
    ).trim(),
  );
  try {
    execFileSync(
      'pg_createcluster',
      [version, name, '-p', String(port), '--start', '--', '--auth=trust', '--no-sync'],
      { timeout: 180_000, stdio: 'pipe' },
    );
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? error).trim();
    return `pg_createcluster ${version} ${name} failed (${stderr.split('\n').slice(-2).join(' ')}); run as root with postgresql-common to run this case`;
  }
  return { version, name, port };
}

/** pg_ctlcluster <version> <name> <action> [...], bypassing systemd (the cluster is this test's, not the machine's). */
function pgctl(version: string, name: string, ...action: string[]): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(
      'pg_ctlcluster',
      ['--skip-systemctl-redirect', version, name, ...action],
      { timeout: 120_000 },
      (error, _stdout, stderr) =>
        error ? reject(new Error(`pg_ctlcluster ${action.join(' ')}: ${stderr}`)) : resolve(),
    ),
  );
}

function describe5xx(errors: LoadTally['serverErrors']): string {
  const counts = new Map<string, number>();
  for (const error of errors) {
    const key = `${error.status} ${error.code}${error.retryAfter ? '' : ' without Retry-After'}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `${count} × ${key}`).join(', ') || 'no 5xx';
}
