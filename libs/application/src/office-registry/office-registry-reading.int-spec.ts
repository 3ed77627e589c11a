import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OfficeRegistryCommand, ReportingCommand } from '@thads/domain';
import { createSqliteEventStore, type EventStore } from '@thads/event-store';
import { executeCommand } from '../command-handling/execute-command';
import { readOfficeRegistry } from './office-registry';

/**
 * The registry reading is kept between requests and read again only when the stream grew: checked over two handles
 * on one SQLite file, as the API and the CLI (another process) write the same store.
 */
describe('reading the office registry', () => {
  let dir: string;
  let api: EventStore;
  let cli: EventStore;
  let commands = 0;
  const act = { number: '1898/QĐ-BTP', issuedOn: '2025-06-20', issuedBy: 'Bộ Tư pháp' };

  const run = async (
    store: EventStore,
    target: { aggregate: 'reporting' | 'officeregistry'; id: string },
    command: unknown,
  ) => {
    commands += 1;
    const actor = { id: 'admin-1', role: 'admin' };
    await executeCommand(store, { ...target, command } as never, {
      commandId: `c${commands}`,
      correlationId: `c${commands}`,
      actor,
    });
  };
  const register = (store: EventStore, officeId: string) =>
    run(store, { aggregate: 'reporting', id: officeId }, {
      type: 'RegisterOffice',
      data: { officeId, name: `Cơ quan ${officeId}`, tier: 'PROVINCE', effectiveDate: '2017-01-02' },
    } satisfies ReportingCommand);
  const rename = (store: EventStore, officeId: string, name: string) =>
    run(store, { aggregate: 'officeregistry', id: 'national' }, {
      type: 'RenameOffice',
      data: { officeId, name, effectiveDate: '2025-07-01', legalAct: act },
    } satisfies OfficeRegistryCommand);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'thads-registry-reading-'));
    api = createSqliteEventStore({ filename: join(dir, 'events.db') });
    cli = createSqliteEventStore({ filename: join(dir, 'events.db') });
    await register(api, 'HP');
    await register(api, 'HD');
  });
  afterAll(async () => {
    await Promise.all([api.close(), cli.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('is empty before the first change, and stays the same reading while nothing is appended to it', async () => {
    const first = await readOfficeRegistry(api);
    expect(first).toMatchObject({ state: { successions: [], renames: [] }, revision: -1n, position: -1n });
    await register(api, 'KV1'); // another stream: the registry is unchanged
    expect(await readOfficeRegistry(api)).toBe(first);
  });

  it('shows a change appended through the same handle', async () => {
    await rename(api, 'HP', 'THADS thành phố Hải Phòng');
    const reading = await readOfficeRegistry(api);
    expect(reading.revision).toBe(0n);
    expect(reading.state.renames.map((change) => change.name)).toEqual(['THADS thành phố Hải Phòng']);
    expect(await readOfficeRegistry(api)).toBe(reading);
  });

  it('shows a change another process appended, at the position it was stored', async () => {
    await readOfficeRegistry(api);
    await rename(cli, 'HD', 'THADS tỉnh Hải Dương');
    const reading = await readOfficeRegistry(api);
    const [last] = await cli.readStream('officeregistry-national', { direction: 'backwards', maxCount: 1 });
    expect(reading).toMatchObject({ revision: 1n, position: last.position });
    expect(reading.state.renames.map((change) => change.officeId)).toEqual(['HP', 'HD']);
    expect(reading).toEqual(await readOfficeRegistry(cli));
  });
});
