import { type DynamicModule, Module } from '@nestjs/common';
import { EVENT_STORE } from '@thads/application';
import type { EventStore } from '@thads/event-store';
import type { ProjectorRuntime } from '@thads/read-models';
import { PROJECTOR_RUNTIME } from '../read-models/read-models.tokens';
import { ENGINE_METRICS, type EngineMetrics } from './engine-metrics';
import { MetricsController } from './metrics.controller';
import { METRICS_TOKEN } from './metrics.tokens';
import { registerGroupCommitMetrics, registerProjectionMetrics } from './projection-metrics';

/** GET /metrics and the collectors behind it; global so the change feed can count its clients. */
@Module({})
export class MetricsModule {
  static forRoot(metrics: EngineMetrics, metricsToken: string | undefined): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [
        {
          provide: ENGINE_METRICS,
          inject: [EVENT_STORE, PROJECTOR_RUNTIME],
          useFactory: (store: EventStore, runtime: ProjectorRuntime) => {
            registerProjectionMetrics(metrics, runtime);
            registerGroupCommitMetrics(metrics, store);
            return metrics;
          },
        },
        { provide: METRICS_TOKEN, useValue: metricsToken },
      ],
      exports: [ENGINE_METRICS],
    };
  }
}
