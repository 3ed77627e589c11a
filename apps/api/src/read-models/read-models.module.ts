import { type DynamicModule, Inject, Injectable, Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, startDeadlineSweeper, type DeadlineSweeper } from '@thads/application';
import type { EventStore } from '@thads/event-store';
import { overdueDeadlines, startProjectorRuntime, type ProjectorRuntime } from '@thads/read-models';
import { ReadYourWrites } from './read-your-writes';
import { DEADLINE_SWEEPER, PROJECTOR_RUNTIME } from './read-models.tokens';

export interface ReadModelsModuleOptions {
  /** READ_MODEL_URL, e.g. `sqlite:./data/read.db`. */
  readonly readModelUrl: string;
  /** EVENT_STORE_URL, to name the event store if the read models turn out to belong to another log. */
  readonly eventStoreUrl?: string;
  /** Longest wait for `minPosition` before answering 503. */
  readonly minPositionWaitMs: number;
  /** DEADLINE_SWEEP_INTERVAL_MS; 0 runs no sweep in this process. */
  readonly deadlineSweepIntervalMs?: number;
  /** EMBEDDED_PROJECTOR: false leaves applying events to a projector service; this process follows its checkpoints. */
  readonly embeddedProjector?: boolean;
  /** PROJECTOR_BATCH_SIZE. */
  readonly batchSize?: number;
}

/**
 * Stops the deadline sweep, then the projector, then closes the read-model database, all before the event store
 * closes (onApplicationShutdown): the sweep writes through the store and reads through the database.
 */
@Injectable()
class ProjectorLifecycle implements OnModuleDestroy {
  constructor(
    @Inject(PROJECTOR_RUNTIME) private readonly runtime: ProjectorRuntime,
    @Inject(DEADLINE_SWEEPER) private readonly sweeper: DeadlineSweeper,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.sweeper.stop();
    await this.runtime.close();
  }
}

/**
 * Runs the projector inside the API process (docs/architecture.md embedded default) and gives controllers its read-model
 * database. There is one read-model connection per process: better-sqlite3 blocks the thread on a lock, so two
 * writing connections in one process would wait on each other.
 */
@Module({})
export class ReadModelsModule {
  static forRoot(options: ReadModelsModuleOptions): DynamicModule {
    const logger = new Logger('Projector');
    const projectorLogger = {
      log: (message: string) => logger.log(message),
      warn: (message: string) => logger.warn(message),
      error: (message: string) => logger.error(message),
    };
    return {
      module: ReadModelsModule,
      global: true,
      providers: [
        {
          provide: PROJECTOR_RUNTIME,
          inject: [EVENT_STORE],
          useFactory: (eventStore: EventStore) =>
            startProjectorRuntime({
              eventStore,
              readModelUrl: options.readModelUrl,
              eventStoreUrl: options.eventStoreUrl,
              logger: projectorLogger,
              batchSize: options.batchSize,
              applyEvents: options.embeddedProjector ?? true,
            }),
        },
        {
          // Shares the runtime's read-model connection: one per process.
          provide: DEADLINE_SWEEPER,
          inject: [EVENT_STORE, PROJECTOR_RUNTIME],
          useFactory: (eventStore: EventStore, runtime: ProjectorRuntime) =>
            startDeadlineSweeper({
              eventStore,
              overdueDeadlines: (today) => overdueDeadlines(runtime.readModels.db, today),
              intervalMs: options.deadlineSweepIntervalMs ?? 0,
              logger: projectorLogger,
            }),
        },
        ProjectorLifecycle,
        {
          provide: ReadYourWrites,
          inject: [PROJECTOR_RUNTIME, EVENT_STORE],
          useFactory: (runtime: ProjectorRuntime, eventStore: EventStore) =>
            new ReadYourWrites(runtime, options.minPositionWaitMs, () => eventStore.headPosition()),
        },
      ],
      exports: [PROJECTOR_RUNTIME, DEADLINE_SWEEPER, ReadYourWrites],
    };
  }
}
