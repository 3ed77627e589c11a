import { join } from 'node:path';
import { assertEventStoreUrl } from '@thads/event-store';
import { OneOf, Satisfies, Setting, WholeNumber } from './setting';

const SECTION = 'Stores and projector';

/** Where events and read models live, and how the projector runs (every process). */
export class StoreSettings {
  @Setting(SECTION, {
    apps: ['api', 'projector', 'cli'],
    description:
      '`production` makes the engine fail closed: it refuses to start without a configured token key (`AUTH_*`).',
    example: 'production',
  })
  @OneOf(['production', 'development', 'test'], '"production", "development" or "test"')
  readonly NODE_ENV?: string;

  @Setting(SECTION, {
    apps: ['api', 'projector', 'cli'],
    default: './data',
    description:
      'Where the SQLite defaults and the development JWT secret live. Created owner-only (0700); its files are created 0600.',
  })
  readonly DATA_DIR!: string;

  @Setting(SECTION, {
    apps: ['api', 'projector', 'cli'],
    default: { doc: 'sqlite:<DATA_DIR>/events.db', value: (env) => `sqlite:${join(dataDirOf(env), 'events.db')}` },
    description:
      'The event store: `sqlite:<path>` (embedded default; `sqlite::memory:` for tests), `postgres://…[?schema=name]` / `postgresql://…` (default schema `event_store`, created at start), `esdb://…` / `esdb+discover://…` (EventStoreDB / KurrentDB). Any other scheme stops the process.',
  })
  @Satisfies(eventStoreUrlProblem)
  readonly EVENT_STORE_URL!: string;

  @Setting(SECTION, {
    apps: ['api', 'projector', 'cli'],
    default: { doc: 'sqlite:<DATA_DIR>/read.db', value: (env) => `sqlite:${join(dataDirOf(env), 'read.db')}` },
    description:
      'Read models and projector checkpoints: `sqlite:<path>` or `postgres://…[?schema=name]` (default schema `read_models`).',
  })
  @Satisfies(readModelUrlProblem)
  readonly READ_MODEL_URL!: string;

  @Setting(SECTION, {
    apps: ['api', 'projector', 'cli'],
    description:
      'Exactly `true` starts the process despite unsafe durability settings (see "Durability checks at start"), with a WARN line and `unsafe-allowed` in health. Any other value is refused. Tests and demos only.',
  })
  @OneOf(['true'], 'exactly "true" or unset')
  readonly ALLOW_UNSAFE_DURABILITY?: string;

  @Setting(SECTION, {
    apps: ['api'],
    default: 'thread',
    description:
      '`thread`: the API applies events on a worker thread of its own process, beside the requests. `true`: on its event loop, between the requests. `false`: the API runs no projector of its own (a projector service keeps the read models current, as in docker/compose.yaml); its queries wait for that projector.',
  })
  @OneOf(['thread', 'true', 'false'])
  readonly EMBEDDED_PROJECTOR!: string;

  @Setting(SECTION, {
    apps: ['api', 'projector', 'cli'],
    default: '2000',
    description: 'Most events per projector transaction, 1–10000 (a batch fills only while the projector is behind).',
  })
  @WholeNumber(1, 10_000)
  readonly PROJECTOR_BATCH_SIZE!: number;

  @Setting(SECTION, {
    apps: ['api'],
    default: '10',
    description:
      "Nice value of the API's projector thread (EMBEDDED_PROJECTOR=thread), 0–19: when requests and the projector both want the CPU, the requests get it first, and the projector catches up when they pause. `0` leaves the thread at the process's priority. Linux only; elsewhere threads have no priority of their own and this changes nothing.",
  })
  @WholeNumber(0, 19)
  readonly PROJECTOR_THREAD_NICENESS!: number;

  @Setting(SECTION, {
    apps: ['api', 'projector'],
    default: '60000',
    description: 'Pause between deadline sweeps (missed legal deadlines are recorded); `0` runs none in this process.',
  })
  @WholeNumber(1_000, 86_400_000, { orZero: true })
  readonly DEADLINE_SWEEP_INTERVAL_MS!: number;

  @Setting(SECTION, {
    apps: ['cli'],
    default: "the shell's",
    description: 'Default `--actor` of `projections skip`.',
    readBy: 'the shell',
  })
  readonly USER?: string;
}

function dataDirOf(env: Readonly<Record<string, string | undefined>>): string {
  return env.DATA_DIR?.trim() || './data';
}

function eventStoreUrlProblem(url: string): string | undefined {
  try {
    assertEventStoreUrl(url);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function readModelUrlProblem(url: string): string | undefined {
  if (/^(sqlite:.|postgres(ql)?:\/\/)/.test(url)) return undefined;
  return `READ_MODEL_URL must be sqlite:<path> (or sqlite::memory:) or postgres://…[?schema=name], got "${url.replace(/\/\/[^@/]*@/, '//***@')}"`;
}
