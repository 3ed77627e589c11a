import { type FactoryProvider, Logger } from '@nestjs/common';
import { EVENT_STORE } from '@thads/application';
import { checkDurability, type DurabilityReport } from '@thads/config';
import type { EventStore } from '@thads/event-store';
import type { ProjectorRuntime } from '@thads/read-models';
import type { ApiConfig } from '../config/api-config';
import { PROJECTOR_RUNTIME } from '../read-models/read-models.tokens';

/** The start-up durability report, repeated by GET /health. */
export const DURABILITY_REPORT = Symbol('DURABILITY_REPORT');

/**
 * Checks the durability of the event store and of the embedded projector's read-model connection while Nest
 * initialises, so an unsafe setting stops the process (UnsafeDurability) before the HTTP port ever opens.
 */
export function durabilityProvider(config: ApiConfig): FactoryProvider<Promise<DurabilityReport>> {
  return {
    provide: DURABILITY_REPORT,
    inject: [EVENT_STORE, PROJECTOR_RUNTIME],
    useFactory: (store: EventStore, runtime: ProjectorRuntime) => {
      const logger = new Logger('Durability');
      return checkDurability({
        eventStore: { store, url: config.eventStoreUrl },
        readModels: { db: runtime.readModels.db, url: runtime.readModels.url },
        allowUnsafe: config.allowUnsafeDurability,
        logger: { log: (line) => logger.log(line), warn: (line) => logger.warn(line) },
      });
    },
  };
}
