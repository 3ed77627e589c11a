import { type DynamicModule, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { EventStore } from '@thads/event-store';
import { ExecuteCaseCommandHandler } from './cases/case-commands';
import { GetCaseEventsHandler, GetCaseHandler } from './cases/case-queries';
import { ExecuteComplaintCommandHandler } from './complaints/complaint-commands';
import { GetComplaintHandler } from './complaints/complaint-queries';
import { EVENT_STORE } from './event-store/event-store.token';
import { ExecuteOfficeRegistryCommandHandler } from './office-registry/office-registry';
import { ExecuteReportingCommandHandler } from './reporting/reporting-commands';

export interface ApplicationModuleOptions {
  /**
   * Opens the event store: the app passes the adapter chosen by its configuration (e.g. `openEventStore(url)` from
   * @thads/event-store), so the application layer names the port only.
   */
  readonly openEventStore: () => Promise<EventStore>;
}

/** Closes the store (flushing queued appends) when Nest shuts down. */
@Injectable()
class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** Shared by the API and the CLI: the event store, the command bus handlers and the aggregate queries. */
@Module({})
export class ApplicationModule {
  static forRoot(options: ApplicationModuleOptions): DynamicModule {
    return {
      module: ApplicationModule,
      global: true,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: EVENT_STORE, useFactory: () => options.openEventStore() },
        EventStoreLifecycle,
        ExecuteCaseCommandHandler,
        ExecuteComplaintCommandHandler,
        ExecuteReportingCommandHandler,
        ExecuteOfficeRegistryCommandHandler,
        GetCaseHandler,
        GetCaseEventsHandler,
        GetComplaintHandler,
      ],
      exports: [EVENT_STORE, CqrsModule],
    };
  }
}
