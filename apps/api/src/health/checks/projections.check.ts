import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@thads/application';
import type { EventStore } from '@thads/event-store';
import { projectionHealth, type ProjectorRuntime } from '@thads/read-models';
import { PROJECTOR_RUNTIME } from '../../read-models/read-models.tokens';
import type { CheckOutcome, ReadinessCheck } from '../readiness-check';

/**
 * No projection is halted. A halted projection's readers answer 503 until an admin skips its dead letter, so the
 * instance is not ready. Reads the tables, so it sees a projector service's projections too.
 */
@Injectable()
export class ProjectionsCheck implements ReadinessCheck {
  readonly name = 'projections';

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTOR_RUNTIME) private readonly runtime: ProjectorRuntime,
  ) {}

  async check(): Promise<CheckOutcome> {
    const head = await this.store.headPosition().catch(() => undefined);
    const health = await projectionHealth(this.runtime.readModels.db, head);
    const halted = health.projections.filter((projection) => projection.status === 'halted');
    return {
      status: halted.length ? 'down' : 'up',
      ...(halted.length ? { reason: `halted: ${halted.map((projection) => projection.name).join(', ')}` } : {}),
      details: { projections: health.projections },
    };
  }
}
