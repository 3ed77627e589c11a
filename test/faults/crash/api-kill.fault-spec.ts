import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventStore } from '@thads/event-store';
import {
  buildApi,
  developmentBearer,
  freePort,
  startApi,
  type ApiBuild,
  type ApiProcess,
} from '../support/api-process';
import { newTally, runCommandLoad } from '../support/command-load';
import { FaultLog } from '../support/fault-log';
import { waitForProjections } from '../support/readiness';
import {
  assertNoGapOrDuplicate,
  checkpointPositions,
  integrityCheck,
  readModelTableHashes,
  readWholeLog,
  rebuiltTableHashes,
  verifyAll,
} from '../support/store-checks';

const KILLS = 20;

/**
 * kill -9 of the API (with its embedded projector) under a mixed command load, at seeded random moments, 20 times:
 * every acknowledged command is in the log exactly once, no gap or duplicate, SQLite's integrity check and
 * `verify --all` pass, and the read models equal a rebuild from zero.
 */
describe('kill -9 of the API under load', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'thads-fault-api-kill-'));
  const eventsFile = join(dataDir, 'events.db');
  const readFile = join(dataDir, 'read.db');
  let api: ApiProcess | undefined;
  let build: ApiBuild;
  beforeAll(async () => {
    build = await buildApi();
  }, 900_000);
  afterAll(async () => {
    await api?.kill9();
    build?.remove();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`loses no acknowledged command over ${KILLS} kills`, async () => {
    const log = new FaultLog('kill -9 of the API');
    const port = await freePort();
    const env = { DATA_DIR: dataDir };
    const tally = newTally();
    for (let kill = 1; kill <= KILLS; kill += 1) {
      api = await startApi(build, port, env);
      const authorization = developmentBearer(dataDir, ['HP-NGO-QUYEN']);
      // The moment: after a seeded number of acknowledged commands (4 to 40), so the kill lands mid-load.
      const before = tally.acknowledged.length;
      const target = before + log.between(4, 40);
      let killing = false;
      const load = runCommandLoad({
        url: api.url,
        authorization,
        workers: 4,
        prefix: `K${kill}`,
        random: log.random,
        running: () => !killing,
        tally,
        onAcknowledged: () => {
          if (tally.acknowledged.length < target || killing) return;
          killing = true;
          void api?.kill9();
        },
      });
      await load;
      await api.exited();
      log.attempt(kill, `killed after ${tally.acknowledged.length - before} acknowledged commands this round`);
    }
    // One last clean start: it must come up on whatever the last kill left, and project everything.
    api = await startApi(build, port, env);
    const head = await waitForProjections(api.url, developmentBearer(dataDir, ['HP-NGO-QUYEN']));
    await api.stop();

    const store = createSqliteEventStore({ filename: eventsFile });
    const events = await readWholeLog(store);
    await store.close();
    assertNoGapOrDuplicate(events);
    const missing = tally.acknowledged.filter((ack) =>
      ack.status === 409
        ? !events.some((event) => event.stream === ack.stream)
        : events.filter((event) => event.stream === ack.stream && event.metadata.commandId === ack.commandId).length !==
          1,
    );
    expect(missing).toEqual([]);
    expect(integrityCheck(eventsFile)).toBe('ok');
    expect(integrityCheck(readFile)).toBe('ok');
    const verification = await verifyAll(eventsFile);
    expect(verification.broken).toEqual([]);
    expect(Object.values(checkpointPositions(readFile)).every((position) => position === head)).toBe(true);
    expect(readModelTableHashes(readFile)).toEqual(await rebuiltTableHashes(eventsFile));
    log.outcome(
      `${KILLS} kills; ${tally.acknowledged.length} acknowledged commands all present once, ${tally.unanswered} unanswered; ` +
        `${events.length} events, no gap or duplicate; integrity_check ok; verify --all ok over ${verification.streams} streams; read models = rebuild`,
    );
  }, 900_000);
});
