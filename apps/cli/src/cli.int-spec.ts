import type { Kysely } from 'kysely';
import { loadProjectorConfig } from '@thads/config';
import { testEvent } from '@thads/event-store/conformance';
import type { SqliteEventStore } from '@thads/event-store';
import {
  auditTrailProjection,
  createProjector,
  listSkips,
  type Projection,
  type ReadModelDatabase,
} from '@thads/read-models';
import {
  appendHistory,
  appendMany,
  countedEvents,
  countingProjection,
  openEvents,
  openReadModels,
  recordingLogger,
  rowsOf,
  tempFiles,
  type TempFiles,
} from '@thads/read-models/testing/read-model-fixtures';
import { runCliCaptured } from './testing/run-cli-captured';

/** Counts events; cannot digest one whose data says `poison: true`. */
const fragile: Projection = (() => {
  const counting = countingProjection('fragile');
  return {
    ...counting,
    apply: async (events, trx, tables, history) => {
      if (events.some((event) => event.data.poison === true)) throw new TypeError('amount is not a decimal string');
      await counting.apply(events, trx, tables, history);
    },
  };
})();

describe('cli', () => {
  let files: TempFiles;
  let store: SqliteEventStore;
  let db: Kysely<ReadModelDatabase>;
  let env: NodeJS.ProcessEnv;

  /** Runs the CLI in-process against the temp files; returns exit code and what it wrote. */
  const cli = (...argv: string[]) => runCliCaptured(argv, env, [auditTrailProjection, fragile]);

  async function project(projections: readonly Projection[]): Promise<void> {
    const projector = createProjector({
      eventStore: store,
      db,
      projections,
      batchSize: 4,
      logger: recordingLogger(),
      controlPollMs: 0,
    });
    await projector.start();
    await projector.waitForPosition(await store.headPosition(), 5000, ['audit_trail']);
    await projector.stop();
  }

  beforeEach(async () => {
    files = tempFiles();
    env = {
      EVENT_STORE_URL: `sqlite:${files.eventsFile}`,
      READ_MODEL_URL: `sqlite:${files.readModelFile}`,
      USER: 'ops-nguyen',
    };
    store = openEvents(files);
    db = await openReadModels(files);
  });

  afterEach(async () => {
    await db.destroy();
    await store.close();
    files.remove();
  });

  it('reads its stores from the environment like the other processes', () => {
    expect(loadProjectorConfig({ DATA_DIR: '/srv/thads' }, 'cli')).toEqual({
      production: false,
      dataDir: '/srv/thads',
      eventStoreUrl: 'sqlite:/srv/thads/events.db',
      readModelUrl: 'sqlite:/srv/thads/read.db',
      batchSize: 2000,
      deadlineSweepIntervalMs: 60_000,
      allowUnsafeDurability: false,
      log: { level: 'info', format: 'pretty' },
    });
  });

  it('migrate brings both databases up to date and says so', async () => {
    const fresh = tempFiles();
    env = { EVENT_STORE_URL: `sqlite:${fresh.eventsFile}`, READ_MODEL_URL: `sqlite:${fresh.readModelFile}` };
    const first = await cli('migrate', '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).migrationsApplied).toEqual([
      '2026_11_27_001_projection_checkpoints',
      '2026_11_27_002_projection_dead_letters',
      '2026_11_27_003_projection_skips',
      '2026_11_27_004_read_model_changes',
      '2026_12_05_005_read_model_source',
      '2026_12_07_006_drop_case_event_copies',
    ]);
    expect((await cli('migrate')).stdout).toContain('already up to date');
    fresh.remove();
  });

  it('projections status shows position, lag and dead letters, as a table or as JSON', async () => {
    await appendMany(store, 2);
    const poison = (
      await store.append('case-BAD-1', [testEvent('CollectionRecorded', { poison: true })], {
        expectedRevision: 'no_stream',
      })
    ).position;
    const head = await appendMany(store, 1);
    await project([auditTrailProjection, fragile]);

    const table = await cli('projections', 'status');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/audit_trail\s+running\s+4\s+0\s+1\/1/);
    expect(table.stdout).toMatch(/fragile\s+halted\s+2\s+2\s+1\/1\s+1\s+no\s+1/);
    expect(table.stdout).toContain(`fragile: dead letter at ${poison} (CollectionRecorded`);

    const json = JSON.parse((await cli('projections', 'status', '--json')).stdout);
    expect(json).toMatchObject({ status: 'degraded', headPosition: String(head) });
    expect(json.projections[1]).toMatchObject({
      name: 'fragile',
      status: 'halted',
      position: '2',
      lag: '2',
      deadLetters: [{ position: String(poison), reason: 'TypeError: amount is not a decimal string' }],
    });
  });

  it('projections skip refuses without a reason or with a bad position, then records the skip and resumes', async () => {
    await appendMany(store, 2);
    const poison = (
      await store.append('case-BAD-1', [testEvent('CollectionRecorded', { poison: true })], {
        expectedRevision: 'no_stream',
      })
    ).position;
    const head = await appendMany(store, 2);
    await project([auditTrailProjection, fragile]);

    const noReason = await cli('projections', 'skip', 'fragile', String(poison));
    expect(noReason).toMatchObject({ code: 2, stdout: '' });
    expect(noReason.stderr).toContain('--reason "…" is required');
    expect((await cli('projections', 'skip', 'fragile', 'third', '--reason', 'x')).stderr).toContain(
      '<position> must be a log position',
    );
    expect((await cli('projections', 'skip', 'fragle', '3', '--reason', 'x')).stderr).toContain(
      '<name>: unknown projection "fragle"; known: audit_trail, fragile',
    );
    const wrong = await cli('projections', 'skip', 'fragile', String(head), '--reason', 'x');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`no unresolved dead letter at position ${head}`);

    const done = await cli(
      'projections',
      'skip',
      'fragile',
      String(poison),
      '--reason',
      'Corrupt import, re-entered by hand',
      '--json',
    );
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({
      projection: 'fragile',
      position: String(poison),
      actor: 'ops-nguyen',
      reason: 'Corrupt import, re-entered by hand',
    });
    expect(await listSkips(db, 'fragile')).toEqual([
      expect.objectContaining({ actor: 'ops-nguyen', eventType: 'CollectionRecorded' }),
    ]);

    const projector = createProjector({
      eventStore: store,
      db,
      projections: [fragile],
      logger: recordingLogger(),
      controlPollMs: 0,
    });
    await projector.start();
    await projector.waitForPosition(head);
    await projector.stop();
    expect(await countedEvents(db, 'fragile')).toBe(4n);
  });

  it('projections rebuild draws progress on stderr and swaps in a new generation with the same rows', async () => {
    await appendHistory(store, 'A');
    await appendHistory(store, 'B');
    await project([auditTrailProjection]);
    const before = await rowsOf(db, 'audit_trail');

    const rebuilt = await cli('projections', 'rebuild', 'audit_trail', '--batch-size', '5');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toBe(
      'audit_trail rebuilt into generation 2 (version 1) at position 12; 12 events read; generation 1 dropped\n',
    );
    expect(rebuilt.stderr).toMatch(
      /Rebuilding audit_trail 41% \(5\/12\)\n.*Rebuilding audit_trail 100% \(12\/12\)\nRebuilding audit_trail done in/s,
    );
    expect(await rowsOf(db, 'audit_trail')).toEqual(before);
  });

  it('names the bad argument and exits 2 on a wrong command line', async () => {
    expect(await cli()).toMatchObject({ code: 2, stdout: expect.stringContaining('Usage:') });
    expect(await cli('projections', 'frobnicate')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown subcommand "projections frobnicate"'),
    });
    expect(await cli('projections', 'rebuild')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('projections rebuild: missing <name>'),
    });
    expect(await cli('projections', 'status', 'extra')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unexpected argument "extra"'),
    });
    expect(await cli('projections', 'rebuild', 'audit_trail', '--batch-size', 'lots')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--batch-size must be a whole number'),
    });
    expect(await cli('migrate', '--verbose')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown option --verbose'),
    });
    env = { ...env, READ_MODEL_URL: 'mysql://x' };
    expect(await cli('projections', 'status')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('READ_MODEL_URL must be sqlite:<path>'),
    });
  });
});
