import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { EVENT_STORE, startDeadlineSweeper, type DeadlineSweeper } from '@thads/application';
import type { EventStore } from '@thads/event-store';
import { overdueDeadlines, startProjectorRuntime, type ProjectorRuntime } from '@thads/read-models';
import type { EmbeddedProjector } from '../config/api-config';
import { ProjectorThreadHost } from './projector-thread-host';
import { ReadYourWrites } from './read-your-writes';
import { DEADLINE_SWEEPER, PROJECTOR_RUNTIME, PROJECTOR_THREAD } from './read-models.tokens';

export interface ReadModelsModuleOptions {
  /** READ_MODEL_URL, e.g. `sqlite:./data/read.db`. */
  readonly readModelUrl: string;
  /** EVENT_STORE_URL, to name the event store if the read models turn out to belong to another log. */
  readonly eventStoreUrl?: string;
  /** Longest wait for `minPosition` before answering 503. */
  readonly minPositionWaitMs: number;
  /** DEADLINE_SWEEP_INTERVAL_MS; 0 runs no sweep in this process. */
  readonly deadlineSweepIntervalMs?: number;
  /**
   * EMBEDDED_PROJECTOR: where events are applied. Outside the event loop (`thread`, `none`) this process's runtime
   * follows the checkpoints of the one that applies them.
   */
  readonly embeddedProjector?: EmbeddedProjector;
  /** PROJECTOR_BATCH_SIZE. */
  readonly batchSize?: number;
  /** PROJECTOR_THREAD_NICENESS (EMBEDDED_PROJECTOR=thread). */
  readonly projectorThreadNiceness?: number;
}

/**
 * Starts the projector thread once the application is built. Stops the deadline sweep, then the projector thread,
 * then this process's projector, then closes the read-model database, all before the event store closes
 * (onApplicationShutdown): the sweep writes through the store and reads through the database.
 */
@Injectable()
class ProjectorLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(PROJECTOR_RUNTIME) private readonly runtime: ProjectorRuntime,
    @Inject(PROJECTOR_THREAD) private readonly thread: ProjectorThreadHost,
    @Inject(DEADLINE_SWEEPER) private readonly sweeper: DeadlineSweeper,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.thread.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.sweeper.stop();
    await this.thread.close();
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
      error: (message: string, detail?: string) => logger.error(message, detail),
    };
    const mode = options.embeddedProjector ?? 'event-loop';
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
              applyEvents: mode === 'event-loop',
            }),
        },
        {
          // Started at bootstrap, after this process's runtime has migrated the read models and bound them to the log.
          provide: PROJECTOR_THREAD,
          useFactory: () =>
            new ProjectorThreadHost(
              mode === 'thread'
                ? {
                    eventStoreUrl: requiredEventStoreUrl(options),
                    readModelUrl: options.readModelUrl,
                    batchSize: options.batchSize,
                    niceness: options.projectorThreadNiceness,
                    logger: projectorLogger,
                  }
                : undefined,
            ),
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

function requiredEventStoreUrl(options: ReadModelsModuleOptions): string {
  if (options.eventStoreUrl === undefined) throw new Error('EMBEDDED_PROJECTOR=thread needs the event store URL');
  return options.eventStoreUrl;
}
