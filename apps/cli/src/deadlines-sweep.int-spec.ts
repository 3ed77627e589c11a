import { executeCommand } from '@thads/application';
import type { SqliteEventStore } from '@thads/event-store';
import { decidedCaseCommands } from '@thads/read-models/testing/deadline-world';
import { openEvents, tempFiles, type TempFiles } from '@thads/read-models/testing/read-model-fixtures';
import { runCliCaptured } from './testing/run-cli-captured';

describe('cli: deadlines sweep', () => {
  let files: TempFiles;
  let store: SqliteEventStore;
  let env: NodeJS.ProcessEnv;

  const cli = (...argv: string[]) => runCliCaptured(argv, env);

  const misses = async () => (await store.readAll()).filter((event) => event.type === 'VerificationDeadlineMissed');

  beforeEach(async () => {
    files = tempFiles();
    env = { EVENT_STORE_URL: `sqlite:${files.eventsFile}`, READ_MODEL_URL: `sqlite:${files.readModelFile}` };
    store = openEvents(files);
    // Decided on 4 June 2025, never verified: the verification was due on 26 June.
    let n = 0;
    for (const command of decidedCaseCommands('HP-1')) {
      n += 1;
      await executeCommand(
        store,
        { aggregate: 'case', id: 'HP-1', command },
        {
          actor: { id: 'chv-tran', role: 'officer' },
          commandId: `c-${n}`,
          correlationId: `c-${n}`,
        },
      );
    }
  });

  afterEach(async () => {
    await store.close();
    files.remove();
  });

  it('brings the deadlines read model up to date, records the miss once, and a second run records nothing', async () => {
    const first = await cli('deadlines', 'sweep', '--today', '2025-06-30');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(
      /^Deadlines due before 2025-06-30: 1 recorded as missed, 0 unchanged, 0 refused\n {2}recorded {2}case-HP-1 VERIFICATION due 2025-06-26 at position \d+\n$/,
    );

    const second = await cli('deadlines', 'sweep', '--today', '2025-07-01', '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual({ today: '2025-07-01', deadlines: [], recorded: 0 });
    expect((await misses()).map((event) => [event.data.dueOn, event.data.effectiveDate, event.metadata.actor])).toEqual(
      [['2025-06-26', '2025-06-30', { id: 'deadline-sweep', role: 'system' }]],
    );
  });

  it('records nothing while the deadline is not yet past', async () => {
    expect((await cli('deadlines', 'sweep', '--today', '2025-06-26')).stdout).toBe(
      'Deadlines due before 2025-06-26: 0 recorded as missed, 0 unchanged, 0 refused\n',
    );
    expect(await misses()).toEqual([]);
  });

  it('names a bad --today or subcommand and exits 2', async () => {
    expect(await cli('deadlines', 'sweep', '--today', '2025-02-30')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--today must be a calendar date YYYY-MM-DD, got "2025-02-30"'),
    });
    expect(await cli('deadlines')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('deadlines needs a subcommand: sweep'),
    });
    expect(await cli('deadlines', 'list')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown subcommand "deadlines list"'),
    });
  });
});
