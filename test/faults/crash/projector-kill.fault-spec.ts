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
  type BundleProcess,
} from '../support/api-process';
import { newTally, startCommandLoad } from '../support/command-load';
import { FaultLog } from '../support/fault-log';
import { spawnProjector } from '../support/projector-process';
import { ReferenceReadModels } from '../support/reference-read-models';
import { checkpointPositions, integrityCheck, readModelTableHashes, rebuiltTableHashes } from '../support/store-checks';

const KILLS = 20;

/**
 * kill -9 of the stand-alone projector (apps/projector) while it catches up with a log the API keeps appending to
 * (EMBEDDED_PROJECTOR=false, a mixed command load), 20 times at seeded moments. After every kill, each projection's
 * tables equal a projection of the log up to that projection's checkpoint and no further (the checkpoint is the last
 * position applied: no batch half-applied, none applied without its checkpoint); at the end, after one clean run to
 * the head, every table equals a rebuild from zero and every checkpoint is the head.
 */
describe('kill -9 of the projector mid-batch', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'thads-fault-projector-kill-'));
  const eventsFile = join(dataDir, 'events.db');
  const readFile = join(dataDir, 'read.db');
  let build: ApiBuild;
  let api: ApiProcess | undefined;
  let projector: BundleProcess | undefined;
  let references: ReferenceReadModels | undefined;
  beforeAll(async () => {
    build = await buildApi();
  }, 900_000);
  afterAll(async () => {
    await projector?.kill9();
    await api?.kill9();
    await references?.close();
    build?.remove();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`leaves every checkpoint at the last position applied over ${KILLS} kills`, async () => {
    const log = new FaultLog('kill -9 of the projector');
    const env = { DATA_DIR: dataDir, EMBEDDED_PROJECTOR: 'false' };
    // Small batches: the backlog takes several commits, so a kill soon after the first lands among them.
    const projectorEnv = { ...env, PROJECTOR_BATCH_SIZE: '8' };
    api = await startApi(build, await freePort(), env);
    const authorization = developmentBearer(dataDir, ['HP-NGO-QUYEN']);
    const tally = newTally();
    const store = createSqliteEventStore({ filename: eventsFile });
    references = await ReferenceReadModels.open(eventsFile);
    let behindAtKill = 0;
    let reached = -1n;
    for (let kill = 1; kill <= KILLS; kill += 1) {
      // The writer appends through the round: a seeded backlog first, while no projector runs, then up to 40 more
      // commands while the projector works (a cap, so the log and the checks stay small on a slow machine).
      const backlog = tally.acknowledged.length + log.between(20, 60);
      const cap = backlog + 40;
      const load = startCommandLoad({
        url: api.url,
        authorization,
        workers: 2,
        prefix: `P${kill}`,
        random: log.random,
        running: () => tally.acknowledged.length < cap,
        tally,
      });
      await load.until(() => tally.acknowledged.length >= backlog);
      projector = spawnProjector(build, projectorEnv);
      // The moment: a seeded pause after the projector's first commit of this round, while it works through the backlog.
      const from = reached;
      await until(() => lowest(checkpointPositions(readFile)) > from, projector);
      const pauseMs = log.between(0, 150);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      const head = await store.headPosition();
      await projector.kill9();
      await load.stop();
      const checkpoints = checkpointPositions(readFile);
      reached = lowest(checkpoints);
      if (reached < head) behindAtKill += 1;
      const differences = await references.differences(readFile, checkpoints);
      log.attempt(
        kill,
        `killed ${pauseMs} ms after its first commit; checkpoints ${[...new Set(Object.values(checkpoints))].join('/')} ` +
          `of head ${head}; ${differences.length ? differences.join('; ') : 'every table = the log up to its checkpoint'}`,
      );
      expect(differences).toEqual([]);
    }
    // One clean run to the head: everything the log holds, exactly once.
    const head = await store.headPosition();
    await store.close();
    projector = spawnProjector(build, projectorEnv);
    await until(() => lowest(checkpointPositions(readFile)) >= head, projector);
    await projector.stop();
    await api.stop();
    const checkpoints = checkpointPositions(readFile);
    expect(Object.values(checkpoints).every((position) => position === head)).toBe(true);
    expect(integrityCheck(readFile)).toBe('ok');
    expect(readModelTableHashes(readFile)).toEqual(await rebuiltTableHashes(eventsFile));
    log.outcome(
      `${KILLS} kills, ${behindAtKill} of them with events still to apply (batches of 8); after each, every projection's tables = the log ` +
        `up to its checkpoint; ${tally.acknowledged.length} commands appended meanwhile; after a clean run every checkpoint ` +
        `= head ${head} and every table = a rebuild from zero; integrity_check ok`,
    );
  }, 900_000);
});

/** The lowest checkpoint (-1 when there is none yet). */
function lowest(checkpoints: Record<string, bigint>): bigint {
  const positions = Object.values(checkpoints);
  return positions.length === 0 ? -1n : positions.reduce((low, position) => (position < low ? position : low));
}

/** Polls a condition on the read-model file until it holds; fails with the projector's output if it exits first. */
async function until(condition: () => boolean, process: BundleProcess): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (safely(condition)) return;
    if (process.hasExited()) throw new Error(`the projector exited:\n${process.output()}`);
    if (Date.now() > deadline) throw new Error(`the projector made no progress in 300 s:\n${process.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The read-model file may not have its tables yet while the projector starts. */
function safely(condition: () => boolean): boolean {
  try {
    return condition();
  } catch {
    return false;
  }
}
