import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ComplaintState } from '@thads/domain';
import type { EventStore } from '@thads/event-store';
import { complaintAggregate } from '../aggregates/definitions';
import { loadAggregate, type LoadedAggregate } from '../aggregates/load-aggregate';
import { EVENT_STORE } from '../event-store/event-store.token';

/** A complaint's current state, folded from its stream, with its revision and events. */
export class GetComplaint extends Query<LoadedAggregate<ComplaintState>> {
  constructor(readonly complaintId: string) {
    super();
  }
}

@QueryHandler(GetComplaint)
export class GetComplaintHandler implements IQueryHandler<GetComplaint, LoadedAggregate<ComplaintState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ complaintId }: GetComplaint): Promise<LoadedAggregate<ComplaintState>> {
    return loadAggregate(this.store, complaintAggregate, complaintId);
  }
}
