import { type DynamicModule, Module } from '@nestjs/common';
import { ApplicationModule } from '@thads/application';
import { openEventStore } from '@thads/event-store';
import { AuditController } from './audit/audit.controller';
import { CaseAuditController } from './cases/case-audit.controller';
import { CaseCommandsController } from './cases/case-commands.controller';
import { CaseCorrectionsController } from './cases/case-corrections.controller';
import { CaseListController } from './cases/case-list.controller';
import { CaseQueriesController } from './cases/case-queries.controller';
import { ComplaintCommandsController } from './complaints/complaint-commands.controller';
import { ComplaintQueriesController } from './complaints/complaint-queries.controller';
import { ComplaintQueueController } from './complaints/complaint-queue.controller';
import { AuthModule } from './auth/auth.module';
import type { ApiConfig } from './config/api-config';
import { ReadModelFeedController } from './feeds/read-model-feed.controller';
import { HealthModule } from './health/health.module';
import { EngineMetrics } from './metrics/engine-metrics';
import { instrumentedEventStore } from './metrics/instrumented-event-store';
import { MetricsModule } from './metrics/metrics.module';
import { ReadModelsModule } from './read-models/read-models.module';
import { CompletionReportController } from './reporting/completion-report.controller';
import { ReportingCommandsController } from './reporting/reporting-commands.controller';
import { OfficeRegistryController } from './office-registry/office-registry.controller';
import { routesOfControllers } from './auth/route-table';
import { ROUTE_TABLE, SessionController } from './session/session.controller';

export const CONTROLLERS = [
  CaseCommandsController,
  CaseCorrectionsController,
  CaseQueriesController,
  CaseAuditController,
  CaseListController,
  ComplaintCommandsController,
  ComplaintQueriesController,
  ComplaintQueueController,
  OfficeRegistryController,
  ReportingCommandsController,
  CompletionReportController,
  AuditController,
  ReadModelFeedController,
  SessionController,
];

/** The HTTP edge: controllers only; everything else comes from the application module. */
@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    const metrics = new EngineMetrics();
    return {
      module: AppModule,
      imports: [
        // The store the app chose, timed for the metrics; the application layer sees only the port.
        ApplicationModule.forRoot({
          openEventStore: async () => instrumentedEventStore(await openEventStore(config.eventStoreUrl), metrics),
        }),
        ReadModelsModule.forRoot({
          readModelUrl: config.readModelUrl,
          eventStoreUrl: config.eventStoreUrl,
          minPositionWaitMs: config.minPositionWaitMs,
          deadlineSweepIntervalMs: config.deadlineSweepIntervalMs,
          embeddedProjector: config.embeddedProjector,
          projectorThreadNiceness: config.projectorThreadNiceness,
          batchSize: config.batchSize,
        }),
        // Every route passes the global AccessGuard: deny by default (docs/authorization.md).
        AuthModule.forRoot(config.auth, config.rateLimits),
        HealthModule.forRoot(config),
        MetricsModule.forRoot(metrics, config.metricsToken),
      ],
      providers: [
        // The session answers with what the bearer may do, read from the same route table the guard's policies are on.
        { provide: ROUTE_TABLE, useFactory: () => routesOfControllers(CONTROLLERS) },
      ],
      controllers: CONTROLLERS,
    };
  }
}
