import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE } from '@thads/application';
import type { DurabilityReport } from '@thads/application/durability';
import type { EventStore } from '@thads/event-store';
import { projectionHealth, type ProjectorRuntime } from '@thads/read-models';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access-policy';
import { DURABILITY_REPORT } from '../durability/durability.provider';
import { PROJECTOR_RUNTIME } from '../read-models/read-models.tokens';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTOR_RUNTIME) private readonly runtime: ProjectorRuntime,
    @Inject(DURABILITY_REPORT) private readonly durability: DurabilityReport,
  ) {}

  /**
   * 200 while the event store answers, with each projection's position, lag, status and dead letters. A halted
   * projection makes the status `degraded` (still 200: commands keep working; its readers get 503).
   * `durability` repeats the start-up check: `unsafe-allowed` with its warning when ALLOW_UNSAFE_DURABILITY=true let
   * unsafe settings through.
   */
  @Get()
  @Access.public()
  @ApiOperation({ summary: 'Liveness, event store head, and every projection: position, lag, status, dead letters' })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const head = await this.store.headPosition();
    const projections = await projectionHealth(this.runtime.readModels.db, head);
    void reply.header('cache-control', 'no-store');
    return {
      status: projections.status,
      eventStore: { status: 'ok', headPosition: head.toString() },
      projections: projections.projections,
      durability: durabilitySection(this.durability),
    };
  }
}

/** The start-up durability verdict, without connection details (URLs may hold credentials). */
function durabilitySection(report: DurabilityReport) {
  return {
    status: report.outcome,
    ...(report.outcome === 'unsafe-allowed' ? { warning: report.message } : {}),
    stores: report.stores.map(({ variable, role, engine, verdict, settings }) => ({
      variable,
      role,
      engine,
      verdict,
      settings,
    })),
  };
}
