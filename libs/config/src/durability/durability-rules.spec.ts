import type { EventStore } from '@thads/event-store';
import { checkDurability, readEventStoreDurability } from './check-durability';
import {
  decideDurability,
  judgeStore,
  UnsafeDurability,
  type DurabilityObservation,
  type StoreObservation,
} from './durability-rules';

const events = (observation: DurabilityObservation): StoreObservation => ({
  variable: 'EVENT_STORE_URL',
  role: 'event store',
  observation,
});
const reads = (observation: DurabilityObservation): StoreObservation => ({
  variable: 'READ_MODEL_URL',
  role: 'read models',
  observation,
});
const sqlite = (journalMode: string, synchronousLevel: number): DurabilityObservation => ({
  engine: 'sqlite',
  journalMode,
  synchronousLevel,
});
const postgres = (fsync: string, synchronousCommit: string): DurabilityObservation => ({
  engine: 'postgres',
  fsync,
  synchronousCommit,
});

describe('judgeStore: SQLite', () => {
  it.each([
    ['wal', 2],
    ['WAL', 2],
    ['wal', 3],
  ])('journal_mode=%s synchronous=%d is safe', (mode, level) => {
    expect(judgeStore(events(sqlite(mode, level)))).toMatchObject({ verdict: 'safe', problems: [] });
  });

  it('NORMAL (1) and OFF (0) are unsafe', () => {
    expect(judgeStore(events(sqlite('wal', 1))).problems).toEqual([
      {
        variable: 'EVENT_STORE_URL',
        role: 'event store',
        setting: 'synchronous',
        actual: '1',
        expected: 'FULL (2) or EXTRA (3)',
      },
    ]);
    expect(judgeStore(events(sqlite('wal', 0))).verdict).toBe('unsafe');
  });

  it('a rollback journal or an in-memory database is unsafe', () => {
    expect(judgeStore(reads(sqlite('delete', 2))).problems.map((p) => [p.variable, p.setting, p.actual])).toEqual([
      ['READ_MODEL_URL', 'journal_mode', 'delete'],
    ]);
    expect(judgeStore(reads(sqlite('memory', 2))).verdict).toBe('unsafe');
  });

  it('an unreadable level (NaN) is unsafe, both settings reported', () => {
    expect(judgeStore(events(sqlite('truncate', Number.NaN))).problems.map((p) => p.setting)).toEqual([
      'journal_mode',
      'synchronous',
    ]);
  });
});

describe('judgeStore: PostgreSQL', () => {
  it.each(['on', 'remote_apply', 'remote_write', 'local'])('fsync=on, synchronous_commit=%s is safe', (level) => {
    expect(judgeStore(events(postgres('on', level)))).toMatchObject({
      verdict: 'safe',
      settings: { fsync: 'on', synchronous_commit: level },
    });
  });

  it('synchronous_commit=off is unsafe', () => {
    expect(judgeStore(events(postgres('on', 'off'))).problems).toEqual([
      {
        variable: 'EVENT_STORE_URL',
        role: 'event store',
        setting: 'synchronous_commit',
        actual: 'off',
        expected: 'on, remote_apply, remote_write, local',
      },
    ]);
  });

  it('fsync=off is unsafe, and an unknown synchronous_commit value fails closed', () => {
    expect(judgeStore(reads(postgres('off', 'on'))).problems.map((p) => p.setting)).toEqual(['fsync']);
    expect(judgeStore(reads(postgres('on', 'sometimes'))).verdict).toBe('unsafe');
  });
});

describe('judgeStore: EventStoreDB', () => {
  it('is unverifiable, with no settings and no problems', () => {
    expect(judgeStore(events({ engine: 'esdb' }))).toEqual({
      variable: 'EVENT_STORE_URL',
      role: 'event store',
      engine: 'esdb',
      verdict: 'unverifiable',
      settings: {},
      problems: [],
    });
  });
});

describe('decideDurability', () => {
  it('is safe with no message when every store is safe', () => {
    const decision = decideDurability([events(sqlite('wal', 2)), reads(postgres('on', 'on'))], false);
    expect(decision).toMatchObject({ outcome: 'safe', message: '', notes: [], problems: [] });
    expect(decision.stores.map((store) => store.verdict)).toEqual(['safe', 'safe']);
  });

  it('refuses unsafe settings, naming every setting and the variable that chose its store', () => {
    const decision = decideDurability([events(postgres('on', 'off')), reads(sqlite('wal', 1))], false);
    expect(decision.outcome).toBe('refused');
    expect(decision.message).toContain('EVENT_STORE_URL (event store) has synchronous_commit=off');
    expect(decision.message).toContain('READ_MODEL_URL (read models) has synchronous=1');
    expect(decision.message).toContain('ALLOW_UNSAFE_DURABILITY=true');
  });

  it('lets unsafe settings through with a loud warning when the override is set', () => {
    const decision = decideDurability([events(postgres('off', 'on'))], true);
    expect(decision.outcome).toBe('unsafe-allowed');
    expect(decision.message).toMatch(
      /^UNSAFE DURABILITY ALLOWED by ALLOW_UNSAFE_DURABILITY=true: EVENT_STORE_URL \(event store\) has fsync=off/,
    );
  });

  it('the override changes nothing when the settings are safe', () => {
    expect(decideDurability([events(sqlite('wal', 2))], true).outcome).toBe('safe');
  });

  it('EventStoreDB passes with a note that its durability is the server’s to check', () => {
    const decision = decideDurability([events({ engine: 'esdb' }), reads(postgres('on', 'on'))], false);
    expect(decision.outcome).toBe('safe');
    expect(decision.notes).toEqual([
      expect.stringMatching(
        /^EVENT_STORE_URL \(event store\): EventStoreDB durability cannot be read.*--unsafe-disable-flush-to-disk/,
      ),
    ]);
  });
});

describe('checkDurability (fake stores)', () => {
  const logger = () => ({
    lines: [] as string[],
    log(message: string) {
      this.lines.push(`LOG ${message}`);
    },
    warn(message: string) {
      this.lines.push(`WARN ${message}`);
    },
  });
  const fakeStore = (settings: unknown) =>
    ({ durabilitySettings: () => Promise.resolve(settings) }) as unknown as EventStore;

  it('reads a PostgreSQL store, refuses synchronous_commit=off, logs nothing', async () => {
    const log = logger();
    const check = checkDurability({
      eventStore: { store: fakeStore({ fsync: 'on', synchronousCommit: 'off' }), url: 'postgres://h/db' },
      allowUnsafe: false,
      logger: log,
    });
    await expect(check).rejects.toThrow(UnsafeDurability);
    await expect(check).rejects.toThrow(/EVENT_STORE_URL \(event store\) has synchronous_commit=off/);
    expect(log.lines).toEqual([]);
  });

  it('with the override, resolves and logs one WARN line', async () => {
    const log = logger();
    const report = await checkDurability({
      eventStore: { store: fakeStore({ journalMode: 'delete', synchronousLevel: 2 }), url: 'sqlite:/x.db' },
      allowUnsafe: true,
      logger: log,
    });
    expect(report.outcome).toBe('unsafe-allowed');
    expect(log.lines).toEqual([expect.stringMatching(/^WARN UNSAFE DURABILITY ALLOWED .*journal_mode=delete/)]);
  });

  it('does not ask an EventStoreDB store and logs the note', async () => {
    const log = logger();
    const report = await checkDurability({
      eventStore: { store: {} as EventStore, url: 'esdb://localhost:2113?tls=false' },
      allowUnsafe: false,
      logger: log,
    });
    expect(report.outcome).toBe('safe');
    expect(log.lines).toEqual([
      expect.stringMatching(/^LOG EVENT_STORE_URL \(event store\): EventStoreDB durability cannot be read/),
    ]);
  });

  it('a SQL store without durabilitySettings is an error naming EVENT_STORE_URL', async () => {
    await expect(readEventStoreDurability({} as EventStore, 'postgres://h/db')).rejects.toThrow(
      /EVENT_STORE_URL: the store opened for "postgres:"/,
    );
  });
});
