import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { CaseState } from '@thads/domain';
import type { EventStore } from '@thads/event-store';
import { caseAggregate } from '../aggregates/definitions';
import { loadAggregate, type LoadedAggregate } from '../aggregates/load-aggregate';
import { EVENT_STORE } from '../event-store/event-store.token';

/** A case's current state, folded from its stream, with its revision and events. */
export class GetCase extends Query<LoadedAggregate<CaseState>> {
  constructor(readonly caseId: string) {
    super();
  }
}

@QueryHandler(GetCase)
export class GetCaseHandler implements IQueryHandler<GetCase, LoadedAggregate<CaseState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ caseId }: GetCase): Promise<LoadedAggregate<CaseState>> {
    return loadAggregate(this.store, caseAggregate, caseId);
  }
}
