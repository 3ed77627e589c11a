import Database from 'better-sqlite3';
import { executeCommand, type CommandContext } from '@thads/application';
import type { SqliteEventStore } from '@thads/event-store';
import { assign, decide, enforceable, receive } from '@thads/read-models/case-summary/case-summary.test-fixtures';
import { appendMany, openEvents, tempFiles, type TempFiles } from '@thads/read-models/testing/read-model-fixtures';
import { runCliCaptured } from './testing/run-cli-captured';

/** `replay` and `verify` against temp SQLite files, in-process. */
describe('cli replay and verify', () => {
  let files: TempFiles;
  let store: SqliteEventStore;
  let env: NodeJS.ProcessEnv;
  const context = (commandId: string): CommandContext => ({
    actor: { id: 'head-le', role: 'head', officeId: 'HP-NGO-QUYEN' },
    commandId,
    correlationId: commandId,
  });

  const cli = (...argv: string[]) => runCliCaptured(argv, env);

  beforeEach(async () => {
    files = tempFiles();
    env = { EVENT_STORE_URL: `sqlite:${files.eventsFile}`, READ_MODEL_URL: `sqlite:${files.readModelFile}` };
    store = openEvents(files);
    const commands = [
      receive('HP-1', '2018-03-01', [100n]),
      decide('2018-03-05'),
      assign('chv-1', '2018-03-05'),
      enforceable('2018-03-20'),
    ];
    for (const [index, command] of commands.entries())
      await executeCommand(store, { aggregate: 'case', id: 'HP-1', command }, context(`cmd-${index}`));
    await appendMany(store, 25, 'complaint-BULK-1');
  });

  afterEach(async () => {
    await store.close();
    files.remove();
  });

  /** Drops the update trigger and rewrites one event's data, leaving its hashes: what an attacker with the file does. */
  function tamper(stream: string, revision: number): string {
    const db = new Database(files.eventsFile);
    try {
      db.exec('DROP TRIGGER IF EXISTS events_no_update');
      const row = db.prepare('SELECT id, data FROM events WHERE stream = ? AND revision = ?').get(stream, revision) as {
        id: string;
        data: string;
      };
      db.prepare('UPDATE events SET data = ? WHERE id = ?').run(
        JSON.stringify({ ...JSON.parse(row.data), findings: 'Không có tài sản' }),
        row.id,
      );
      return row.id;
    } finally {
      db.close();
    }
  }

  it('replay prints one line per step with actor, legal basis and command, then the state', async () => {
    const { code, stdout } = await cli('replay', 'HP-1');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('Case HP-1 as of every date, as known at now: 4 of 4 events');
    expect(lines[2]).toMatch(
      /^#1 2018-03-05 \(recorded .+Z\) EnforcementDecisionIssued by head-le \(head, HP-NGO-QUYEN\) \[Law 2008 Art\. 36\] command cmd-1$/,
    );
    expect(lines.at(-1)).toMatch(/^State: /);
  });

  it('replay --as-of folds only what was effective; --json gives the API shape; bad dates name the flag', async () => {
    const json = await cli('replay', 'HP-1', '--as-of', '2018-03-04', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      caseId: 'HP-1',
      asOf: '2018-03-04',
      asKnownAt: null,
      steps: [{ type: 'CaseReceived', revision: '0' }],
    });
    expect(
      JSON.parse((await cli('replay', 'HP-1', '--as-known-at', '2000-01-01T00:00:00Z', '--json')).stdout).steps,
    ).toEqual([]);
    const bad = await cli('replay', 'HP-1', '--as-of', '2018-13-01');
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('--as-of must be a date') });
    expect((await cli('replay', 'HP-1', '--as-known-at', 'yesterday')).stderr).toContain(
      '--as-known-at must be an ISO-8601 timestamp',
    );
  });

  it('verify <caseId> and verify --all pass on an untouched store, with a progress bar on stderr', async () => {
    expect(await cli('verify', 'HP-1')).toMatchObject({
      code: 0,
      stdout: 'OK: case-HP-1, 4 events, every hash link holds\n',
    });
    const all = await cli('verify', '--all');
    expect(all.code).toBe(0);
    expect(all.stdout).toBe('OK: 29 events in 2 streams, every hash link holds\n');
    expect(all.stderr).toContain('Verifying 100% (');
    expect((await cli('verify')).code).toBe(2);
    expect((await cli('verify', 'HP-1', '--all')).code).toBe(2);
  });

  it('verify names exactly the event altered behind the engine and exits 1', async () => {
    const altered = tamper('case-HP-1', 3);
    const one = await cli('verify', 'HP-1');
    expect(one.code).toBe(1);
    expect(one.stdout).toMatch(
      new RegExp(
        `^BROKEN: case-HP-1 at revision 3 \\(event ${altered}\\): hash expected [0-9a-f]{64}, found [0-9a-f]{64}\\n$`,
      ),
    );
    const all = await cli('verify', '--all', '--json');
    expect(all.code).toBe(1);
    expect(JSON.parse(all.stdout)).toMatchObject({
      ok: false,
      events: 29,
      streams: 2,
      broken: [{ stream: 'case-HP-1', brokenAt: { revision: '3', eventId: altered, kind: 'hash' } }],
    });
  });
});
