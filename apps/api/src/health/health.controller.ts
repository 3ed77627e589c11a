import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE } from '@thads/application';
import type { EventStore } from '@thads/event-store';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and the event store head position' })
  async health() {
    const head = await this.store.headPosition();
    return { status: 'ok', eventStore: { status: 'ok', headPosition: head.toString() } };
  }
}
