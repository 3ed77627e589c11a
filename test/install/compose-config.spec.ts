/**
 * docker/compose.yaml is valid in every documented combination (README "Production"): `docker compose config`
 * parses it, resolves every `${…}` and env_file, and checks the profiles. Needs a Compose client (the `docker compose`
 * plugin or docker-compose 1.29), not a Docker engine. Without one the suite is skipped and says so, naming what to
 * install; CI images that build the engine's image have one.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const COMPOSE_FILE = join(ROOT, 'docker/compose.yaml');

/** The Compose client of this machine: the docker CLI plugin first, else the standalone docker-compose. */
function composeClient(): readonly string[] | undefined {
  for (const command of [['docker', 'compose'], ['docker-compose']]) {
    const probe = spawnSync(command[0], [...command.slice(1), 'version'], { stdio: 'ignore', timeout: 30_000 });
    if (probe.status === 0) return command;
  }
  return undefined;
}

const client = composeClient();
if (client === undefined)
  console.warn(
    'SKIPPED docker compose config: no Compose client here (neither `docker compose` nor `docker-compose`). ' +
      'Install one (e.g. apt-get install docker-compose) to validate docker/compose.yaml.',
  );

function compose(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const [command, ...prefix] = client ?? [];
  const run = spawnSync(command, [...prefix, '-f', COMPOSE_FILE, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

(client === undefined ? describe.skip : describe)('docker compose config', () => {
  it.each([
    ['the default stack (EventStoreDB node, PostgreSQL read models)', []],
    ['the EventStoreDB cluster', ['--env-file', 'docker/cluster.env', '--profile', 'cluster']],
    ['PostgreSQL events', ['--env-file', 'docker/postgres-events.env']],
    ['the TLS proxy profile', ['--profile', 'tls']],
  ])('validates %s', (_name, options) => {
    const run = compose(...options, 'config', '-q');
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('hands engine.env to both engine services, and runs the API without its own projector', () => {
    const run = compose('config');
    expect(run.status).toBe(0);
    const service = (name: string) => {
      const start = run.stdout.indexOf(`\n  ${name}:\n`);
      expect(start).toBeGreaterThan(-1);
      const next = run.stdout.slice(start + 1).search(/\n {2}\S[^\n]*:\n/);
      return run.stdout.slice(start, next < 0 ? undefined : start + 1 + next);
    };
    for (const name of ['api', 'projector']) expect(service(name)).toMatch(/NODE_ENV: production/);
    expect(service('api')).toMatch(/EMBEDDED_PROJECTOR: ["']?false/);
  });
});
