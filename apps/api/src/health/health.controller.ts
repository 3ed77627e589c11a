import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE } from '@thads/application';
import type { EventStore } from '@thads/event-store';
import { projectionHealth, type ProjectorRuntime } from '@thads/read-models';
import type { FastifyReply } from 'fastify';
import { PROJECTOR_RUNTIME } from '../read-models/read-models.tokens';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTOR_RUNTIME) private readonly runtime: ProjectorRuntime,
  ) {}

  /**
   * 200 while the event store answers, with each projection's position, lag, status and dead letters. A halted
   * projection makes the status `degraded` (still 200: commands keep working; its readers get 503).
   */
  @Get()
  @ApiOperation({ summary: 'Liveness, event store head, and every projection: position, lag, status, dead letters' })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const head = await this.store.headPosition();
    const projections = await projectionHealth(this.runtime.readModels.db, head);
    void reply.header('cache-control', 'no-store');
    return { status: projections.status, eventStore: { status: 'ok', headPosition: head.toString() }, projections: projections.projections };
  }
}
