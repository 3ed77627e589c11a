import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readChanges, type ProjectorRuntime } from '@thads/read-models';
import { runCli } from '../../../apps/cli/src/cli';
import { PROJECTOR_RUNTIME } from '../../../apps/api/src/read-models/read-models.tokens';
import { receiveCaseBody } from '../api/case-fixtures';
import { startTestApp, type TestApp } from '../api/test-app';

/** `npm run cli -- follow` in-process against the real API on a listening port, stopped through the CLI's signal. */
describe('cli follow', () => {
  let t: TestApp;
  let apiUrl: string;
  let runtime: ProjectorRuntime;
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    apiUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    runtime = t.app.get<ProjectorRuntime>(PROJECTOR_RUNTIME);
    dir = mkdtempSync(join(tmpdir(), 'cli-follow-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  /** Runs `follow` until it has printed `lines` lines; returns exit code, stdout lines and stderr. */
  async function follow(args: string[], lines: number, env: NodeJS.ProcessEnv = {}) {
    const stop = new AbortController();
    let stdout = '';
    let stderr = '';
    const code = await runCli(['follow', ...args], {
      stdout: {
        write: (text: string) => {
          stdout += text;
          if (stdout.split('\n').length - 1 >= lines) stop.abort();
        },
      },
      stderr: { write: (text: string) => (stderr += text) },
      env,
      signal: stop.signal,
    });
    return { code, lines: stdout.split('\n').filter(Boolean), stderr };
  }

  it('prints one JSON line per change and, with a state file, resumes after the last line printed', async () => {
    let position = '0';
    for (const caseId of ['HP-FOLLOW-1', 'HP-FOLLOW-2', 'HP-FOLLOW-3'])
      position = (await t.http.post('/api/v1/cases').send(receiveCaseBody(caseId)).expect(201)).body.position;
    await runtime.projector.waitForPosition(BigInt(position));
    const logged = (
      await readChanges(runtime.readModels.db, { afterId: 0n, projection: 'case_summary', limit: 100 })
    ).map((change) => ({
      id: change.id.toString(),
      projection: change.projection,
      key: change.key,
      position: change.position.toString(),
    }));
    expect(logged).toHaveLength(3);
    const since = logged[0].id;
    const stateFile = join(dir, 'follow.json');
    const env = { THADS_API_TOKEN: t.authorization.replace(/^Bearer /, '') };
    const args = ['--since', since, '--state-file', stateFile, '--projection', 'case_summary', '--base-url', apiUrl];

    const first = await follow(args, 1, env);
    expect(first.code).toBe(0);
    expect(first.lines.map((line) => JSON.parse(line))).toEqual([logged[1]]);
    expect(first.stderr).toContain(`Connected; changes after ${since} follow`);
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({ lastEventId: logged[1].id });

    const second = await follow(args, 1, env);
    expect(second.stderr).toContain(
      `Resuming after change ${logged[1].id} from ${stateFile}; --since ${since} is not used`,
    );
    expect(second.lines.map((line) => JSON.parse(line))).toEqual([logged[2]]);
  });

  it('refuses a missing token or a bad --since with usage (2), and a refused token with the code (1)', async () => {
    expect((await follow(['--base-url', apiUrl], 1)).code).toBe(2);
    const badSince = await follow(['--since', 'yesterday', '--token', 'x', '--base-url', apiUrl], 1);
    expect(badSince.code).toBe(2);
    const refused = await follow(['--token', 'not-a-jwt', '--base-url', apiUrl], 1);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Error: 401 UNAUTHENTICATED');
  });
});
