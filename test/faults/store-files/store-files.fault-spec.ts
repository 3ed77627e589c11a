import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventStore } from '@thads/event-store';
import { testEvent } from '@thads/event-store/conformance';
import { buildApi, developmentBearer, freePort, spawnApi, startApi, type ApiBuild } from '../support/api-process';
import { spawnProjector } from '../support/projector-process';
import { newTally, runCommandLoad } from '../support/command-load';
import { FaultLog } from '../support/fault-log';
import { waitForProjections } from '../support/readiness';
import { readModelTableHashes } from '../support/store-checks';

type Damage = 'missing' | 'empty' | 'truncated' | 'garbled';
const DAMAGES: Damage[] = ['missing', 'empty', 'truncated', 'garbled'];
const STORE_FILES = ['events.db', 'read.db', 'dev-jwt-secret'];

/**
 * Store files found damaged at start, beside read models of the log they held: events.db missing, empty, truncated
 * or garbled; and an intact events.db of another log. The API and the projector refuse to start with a message naming
 * the file, write over nothing, and never serve read models against a log they were not built from. The data dir
 * they refused starts again once the right file is put back; a brand-new data dir starts fresh.
 */
describe('damaged or foreign store files at start', () => {
  const root = mkdtempSync(join(tmpdir(), 'thads-fault-store-files-'));
  let build: ApiBuild;
  let port: number;
  beforeAll(async () => {
    build = await buildApi();
    port = await freePort();
  }, 900_000);
  afterAll(() => {
    build?.remove();
    rmSync(root, { recursive: true, force: true });
  });

  /** A data dir written through the API, stopped cleanly (every file checkpointed, no -wal left). */
  async function writtenDataDir(name: string, commands: number, random: () => number): Promise<string> {
    const dataDir = join(root, name);
    const api = await startApi(build, port, { DATA_DIR: dataDir });
    const authorization = developmentBearer(dataDir, ['HP-NGO-QUYEN']);
    const tally = newTally();
    await runCommandLoad({
      url: api.url,
      authorization,
      workers: 2,
      prefix: name,
      random,
      running: () => tally.acknowledged.length < commands,
      tally,
    });
    await waitForProjections(api.url, authorization);
    await api.stop();
    return dataDir;
  }

  it('refuses a missing, empty, truncated, garbled or foreign events.db, naming it; starts a new data dir fresh', async () => {
    const log = new FaultLog('damaged or foreign store files');
    // A brand-new data dir with neither file starts fresh (and is the log every case below damages).
    const golden = await writtenDataDir('golden', 30, log.random);
    const goldenEvents = readFileSync(join(golden, 'events.db'));
    log.line(
      `golden data dir: events.db ${goldenEvents.length} bytes, read.db ${statSync(join(golden, 'read.db')).size}`,
    );

    const restored = DAMAGES[log.between(0, DAMAGES.length - 1)];
    let attempt = 0;
    for (const damage of DAMAGES) {
      const dataDir = join(root, damage);
      cpSync(golden, dataDir, { recursive: true });
      const events = join(dataDir, 'events.db');
      const what = damageFile(events, damage, log);
      const before = digests(dataDir);
      for (const app of ['api', 'projector'] as const) {
        attempt += 1;
        const output = await refusedStart(app, dataDir);
        log.attempt(attempt, `events.db ${what}; ${app} refused: ${firstLine(output)}`);
        expect(output).toContain('Refusing to start:');
        expect(output).toContain(events);
        expect(output).not.toMatch(/\n\s+at /); // a refusal, not a stack trace
        // Nothing written over: the read models, the secret, and a damaged events.db byte for byte. A missing one is
        // created new and empty (the refusal is then that the read models belong to another log), never filled.
        const after = digests(dataDir);
        if (damage === 'missing') {
          expect({ ...after, 'events.db': undefined }).toEqual({ ...before, 'events.db': undefined });
          expect(output).toMatch(/read models in sqlite:.*read\.db (were built from event store|stand at position)/);
        } else expect(after).toEqual(before);
      }
      // Put the right file back (one seeded damage, to keep the case short): the same data dir serves what it held.
      if (damage === restored) {
        writeFileSync(events, goldenEvents);
        for (const suffix of ['-wal', '-shm']) rmSync(`${events}${suffix}`, { force: true });
        const api = await startApi(build, port, { DATA_DIR: dataDir });
        const head = await waitForProjections(api.url, developmentBearer(dataDir, ['HP-NGO-QUYEN']));
        await api.stop();
        expect(readModelTableHashes(join(dataDir, 'read.db'))).toEqual(readModelTableHashes(join(golden, 'read.db')));
        log.line(`events.db ${damage}: put back, the same data dir starts and serves up to position ${head}`);
      }
    }

    // An intact events.db of another log, longer than this one (so its head is past every checkpoint here).
    const foreign = join(root, 'foreign');
    cpSync(golden, foreign, { recursive: true });
    rmSync(join(foreign, 'events.db'));
    const goldenStore = createSqliteEventStore({ filename: join(golden, 'events.db') });
    const goldenHead = await goldenStore.headPosition();
    await goldenStore.close();
    const other = createSqliteEventStore({ filename: join(foreign, 'events.db') });
    for (let count = 0; (await other.headPosition()) <= goldenHead + 10n; count += 1)
      await other.append(`case-OTHER-${count}`, [testEvent('CaseReceived')], { expectedRevision: 'no_stream' });
    await other.close();
    const before = digests(foreign);
    for (const app of ['api', 'projector'] as const) {
      attempt += 1;
      const output = await refusedStart(app, foreign);
      log.attempt(attempt, `events.db of another log; ${app} refused: ${firstLine(output)}`);
      expect(output).toMatch(
        /Refusing to start: The read models in sqlite:.*read\.db were built from event store \S+, but sqlite:.*events\.db is event store/,
      );
      expect(digests(foreign)).toEqual(before);
    }
    log.outcome(
      `${attempt} refused starts (api and projector × missing, empty, truncated, garbled, another log), each naming ` +
        `the file, nothing written over; the ${restored} data dir serves again once events.db is put back; a new data dir starts fresh`,
    );
  }, 900_000);

  async function refusedStart(app: 'api' | 'projector', dataDir: string): Promise<string> {
    const child =
      app === 'api' ? spawnApi(build, port, { DATA_DIR: dataDir }) : spawnProjector(build, { DATA_DIR: dataDir });
    const exit = await child.exited();
    const output = child.output();
    expect({ exit, output }).toMatchObject({ exit: 1 });
    return output;
  }
});

/** Damages `file` as `damage` says (seeded where there is a choice) and describes what was done. */
function damageFile(file: string, damage: Damage, log: FaultLog): string {
  const size = statSync(file).size;
  if (damage === 'missing') {
    rmSync(file);
    return 'removed';
  }
  if (damage === 'empty') {
    truncateSync(file, 0);
    return 'truncated to 0 bytes';
  }
  if (damage === 'truncated') {
    const cut = log.between(1, size - 1);
    truncateSync(file, cut);
    return `truncated from ${size} to ${cut} bytes`;
  }
  // Seeded random bytes over a seeded stretch of the first page that covers the start of the header.
  const bytes = readFileSync(file);
  const start = log.between(0, 15);
  const length = log.between(16, 4096 - start);
  for (let index = start; index < start + length; index += 1) bytes[index] = log.between(0, 255);
  // Random bytes could, once in a great while, put SQLite's magic back: make sure the header is damaged.
  if (bytes.toString('latin1', 0, 16) === 'SQLite format 3\u0000') bytes[start] ^= 0xff;
  writeFileSync(file, bytes);
  return `${length} bytes garbled from offset ${start}`;
}

/** sha256 of each store file in the data dir (absent: undefined). */
function digests(dataDir: string): Record<string, string | undefined> {
  return Object.fromEntries(
    STORE_FILES.map((name) => {
      const path = join(dataDir, name);
      return [name, existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : undefined];
    }),
  );
}

function firstLine(output: string): string {
  return (output.split('\n').find((line) => line.includes('Refusing')) ?? output.split('\n')[0]).slice(0, 200);
}
