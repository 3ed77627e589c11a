import { type DynamicModule, Module, type Type } from '@nestjs/common';
import type { ApiConfig } from '../config/api-config';
import { durabilityProvider } from '../durability/durability.provider';
import { DiskCheck } from './checks/disk.check';
import { DurabilityCheck } from './checks/durability.check';
import { EventStoreCheck } from './checks/event-store.check';
import { ProjectionsCheck } from './checks/projections.check';
import { HealthController } from './health.controller';
import { HEALTH_SETTINGS } from './health-settings';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness-check';

/** Every readiness check, in the order the answer lists them. Add a check here. */
const READINESS_CHECK_TYPES: readonly Type<ReadinessCheck>[] = [
  EventStoreCheck,
  DurabilityCheck,
  ProjectionsCheck,
  DiskCheck,
];

/**
 * GET /health/live, /health/ready (and /health), and the start-up durability check whose verdict readiness repeats
 * (it runs while Nest initialises, so unsafe settings stop the process before the port opens).
 */
@Module({})
export class HealthModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [
        durabilityProvider(config),
        { provide: HEALTH_SETTINGS, useValue: { dataDir: config.dataDir, minFreeBytes: config.diskMinFreeBytes } },
        ...READINESS_CHECK_TYPES,
        {
          provide: READINESS_CHECKS,
          inject: [...READINESS_CHECK_TYPES],
          useFactory: (...checks: ReadinessCheck[]) => checks,
        },
      ],
    };
  }
}
