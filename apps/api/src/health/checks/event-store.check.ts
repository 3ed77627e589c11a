import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@thads/application';
import type { EventStore } from '@thads/event-store';
import type { CheckOutcome, ReadinessCheck } from '../readiness-check';

/** The event store answers: its head position is read. */
@Injectable()
export class EventStoreCheck implements ReadinessCheck {
  readonly name = 'eventStore';

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async check(): Promise<CheckOutcome> {
    try {
      const head = await this.store.headPosition();
      return { status: 'up', details: { headPosition: head.toString() } };
    } catch (error) {
      return { status: 'down', reason: 'the event store does not answer', details: { error: String(error) } };
    }
  }
}
