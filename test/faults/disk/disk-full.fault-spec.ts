import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventStore } from '@thads/event-store';
import {
  buildApi,
  developmentBearer,
  freePort,
  spawnApi,
  startApi,
  type ApiBuild,
  type ApiProcess,
} from '../support/api-process';
import { newTally, startCommandLoad, type LoadTally } from '../support/command-load';
import { FaultLog } from '../support/fault-log';
import { readiness, waitForProjections } from '../support/readiness';
import { checkpointPositions, readWholeLog, unaccounted } from '../support/store-checks';

/** Room for both stores and their WAL files, small enough to fill in a moment. */
const TMPFS_SIZE = '24m';

/**
 * The data dir on a small tmpfs, filled up while a mixed command load writes: commands answer 507 STORAGE_FULL (or
 * 503) with Retry-After, never 500; /health/ready reports the disk; nothing acknowledged is lost; once space is
 * freed every projection resumes by itself (no dead letter of a valid event); a start on a full disk refuses with a
 * message naming the disk's file instead of a stack trace. Needs root (mount); says so and skips otherwise.
 */
const mountPoint = mkdtempSync(join(tmpdir(), 'thads-fault-disk-'));
const mountRefused = mountTmpfs(mountPoint);
if (mountRefused) {
  process.stderr.write(
    `[fault] disk full: SKIPPED: cannot mount a ${TMPFS_SIZE} tmpfs on ${mountPoint} (${mountRefused}); run as root ` +
      '(or with CAP_SYS_ADMIN) to run this case\n',
  );
}

(mountRefused ? describe.skip : describe)('disk full', () => {
  const dataDir = join(mountPoint, 'data');
  const filler = join(mountPoint, 'filler');
  let build: ApiBuild;
  let api: ApiProcess | undefined;
  beforeAll(async () => {
    build = await buildApi();
  }, 900_000);
  afterAll(async () => {
    await api?.kill9();
    build?.remove();
  });

  it('answers 507/503 with Retry-After, loses nothing, resumes every projection, and refuses to start full', async () => {
    const log = new FaultLog('disk full');
    const port = await freePort();
    const env = { DATA_DIR: dataDir, DISK_MIN_FREE_BYTES: String(1024 * 1024) };
    api = await startApi(build, port, env);
    const authorization = developmentBearer(dataDir, ['HP-NGO-QUYEN']);
    const tally = newTally();
    const load = startCommandLoad({ url: api.url, authorization, workers: 3, prefix: 'D', random: log.random, tally });
    const answers = (done: () => boolean) => load.until(done);
    try {
      // The moment: after a seeded number of acknowledged commands, fill the disk to the last byte.
      const moment = log.between(10, 60);
      await answers(() => tally.acknowledged.length >= moment);
      const filled = fillDisk(filler);
      log.attempt(
        1,
        `disk filled after ${tally.acknowledged.length} acknowledged commands (${filled} bytes of filler)`,
      );
      // Until the WAL's free pages are used up commands may still land; then they are refused.
      await answers(() => tally.serverErrors.length >= 10);
      const ready = await readiness(api.url, authorization);
      log.attempt(
        2,
        `full: ${describeErrors(tally)}; /health/ready ${ready.status}, disk ${ready.body.checks.disk?.status}: ${ready.body.checks.disk?.reason}`,
      );
      expect(ready.status).toBe(503);
      expect(ready.body.checks.disk).toMatchObject({ status: 'down' });
      // Free the space: commands land again and the projections catch up by themselves.
      rmSync(filler);
      const before = tally.acknowledged.length;
      await answers(() => tally.acknowledged.length >= before + 10);
      log.attempt(3, `space freed: ${tally.acknowledged.length - before} commands acknowledged since`);
    } finally {
      await load.stop();
    }
    expect(api.hasExited()).toBe(false);
    const head = await waitForProjections(api.url, authorization);
    const ready = await readiness(api.url, authorization);
    expect(ready.status).toBe(200);
    await api.stop();

    // Never a 500; every 507 and 503 carries Retry-After.
    expect(tally.serverErrors.filter((error) => error.status === 500)).toEqual([]);
    expect(tally.serverErrors.filter((error) => ![503, 507].includes(error.status) || !error.retryAfter)).toEqual([]);
    expect(tally.serverErrors.some((error) => error.status === 507 && error.code === 'STORAGE_FULL')).toBe(true);
    const store = createSqliteEventStore({ filename: join(dataDir, 'events.db') });
    const events = await readWholeLog(store);
    await store.close();
    expect(unaccounted(events, tally.acknowledged, { refusals: false })).toEqual([]);
    const checkpoints = checkpointPositions(join(dataDir, 'read.db'));
    expect(Object.values(checkpoints).every((position) => position === head)).toBe(true);

    // A start on a full disk refuses, naming the file, and writes nothing.
    fillDisk(filler);
    const refused = spawnApi(build, port, env);
    const exit = await refused.exited();
    const output = refused.output();
    rmSync(filler);
    log.attempt(
      4,
      `start on a full disk: exit ${exit}: ${output.split('\n').find((line) => line.startsWith('Refusing')) ?? output}`,
    );
    expect(exit).toBe(1);
    expect(output).toMatch(/Refusing to start: No space left on the disk holding .*(events|read)\.db/);
    expect(output).not.toMatch(/\n\s+at /);
    log.outcome(
      `${tally.acknowledged.length} acknowledged commands all in the log once; while full: ${describeErrors(tally)}, ` +
        `no 500; /health/ready down on the disk; after freeing space every projection at head ${head} with no dead ` +
        'letter; a start on the full disk refused naming the file',
    );
  }, 900_000);
});

afterAll(() => {
  if (!mountRefused) execFileSync('umount', [mountPoint], { timeout: 60_000 });
  rmSync(mountPoint, { recursive: true, force: true });
});

/** Mounts the tmpfs; undefined when mounted, else why not. */
function mountTmpfs(dir: string): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_SIZE},mode=0700`, 'tmpfs', dir], {
      timeout: 60_000,
      stdio: 'pipe',
    });
    return undefined;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error).trim() || String(error);
  }
}

/** Writes `file` until the disk has no byte left; returns how many bytes it took. */
function fillDisk(file: string): number {
  const fd = openSync(file, 'a');
  const chunk = Buffer.alloc(64 * 1024, 0x5a);
  let written = 0;
  try {
    for (let size = chunk.length; size > 0;) {
      try {
        written += writeSync(fd, chunk, 0, size);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        size = size >> 1; // the last blocks: smaller writes until not even one byte fits
      }
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

function describeErrors(tally: LoadTally): string {
  const counts = new Map<string, number>();
  for (const error of tally.serverErrors) {
    const key = `${error.status} ${error.code}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `${count} × ${key}`).join(', ') || 'no 5xx';
}
