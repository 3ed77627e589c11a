import { type DynamicModule, Inject, Injectable, Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE } from '@thads/application';
import type { EventStore } from '@thads/event-store';
import { startProjectorRuntime, type ProjectorRuntime } from '@thads/read-models';
import { ReadYourWrites } from './read-your-writes';
import { PROJECTOR_RUNTIME } from './read-models.tokens';

export interface ReadModelsModuleOptions {
  /** READ_MODEL_URL, e.g. `sqlite:./data/read.db`. */
  readonly readModelUrl: string;
  /** Longest wait for `minPosition` before answering 503. */
  readonly minPositionWaitMs: number;
}

/** Stops the projector and closes the read-model database before the event store closes (onApplicationShutdown). */
@Injectable()
class ProjectorLifecycle implements OnModuleDestroy {
  constructor(@Inject(PROJECTOR_RUNTIME) private readonly runtime: ProjectorRuntime) {}

  async onModuleDestroy(): Promise<void> {
    await this.runtime.close();
  }
}

/**
 * Runs the projector inside the API process (DESIGN.md §2 embedded default) and gives controllers its read-model
 * database. There is one read-model connection per process: better-sqlite3 blocks the thread on a lock, so two
 * writing connections in one process would wait on each other.
 */
@Module({})
export class ReadModelsModule {
  static forRoot(options: ReadModelsModuleOptions): DynamicModule {
    const logger = new Logger('Projector');
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
              logger: { log: (message: string) => logger.log(message), warn: (message: string) => logger.warn(message), error: (message: string) => logger.error(message) },
            }),
        },
        ProjectorLifecycle,
        { provide: ReadYourWrites, inject: [PROJECTOR_RUNTIME], useFactory: (runtime: ProjectorRuntime) => new ReadYourWrites(runtime, options.minPositionWaitMs) },
      ],
      exports: [PROJECTOR_RUNTIME, ReadYourWrites],
    };
  }
}
