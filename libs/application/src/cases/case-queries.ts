import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError, type CaseState } from '@thads/domain';
import { StreamNotFound, type EventStore, type RecordedEventJson } from '@thads/event-store';
import { streamNameOf } from '../aggregates/aggregate-definition';
import { caseAggregate } from '../aggregates/definitions';
import { loadStreamState } from '../command-handling/stream-states';
import { EVENT_STORE } from '../event-store/event-store.token';

/** Where a case's stream stands: its revision (the ETag) and the position of its last event. */
export interface CaseStreamHead {
  readonly id: string;
  readonly streamName: string;
  readonly revision: bigint;
  readonly position: bigint;
}

/** A case's current state, retractions applied. */
export interface CaseStateAnswer extends CaseStreamHead {
  readonly state: CaseState;
}

/** A case's events as recorded, data and metadata as their stored JSON text (an answer passes them on unread). */
export interface CaseEventsAnswer extends CaseStreamHead {
  readonly events: readonly RecordedEventJson[];
}

/**
 * A case's current state. Folded by the command path's cache of folded streams (stream-states.ts): only the events
 * after the cached revision are read, so the cost stays flat however long the case's history is.
 */
export class GetCase extends Query<CaseStateAnswer> {
  constructor(readonly caseId: string) {
    super();
  }
}

/** A case's events in order, without folding them. */
export class GetCaseEvents extends Query<CaseEventsAnswer> {
  constructor(readonly caseId: string) {
    super();
  }
}

@QueryHandler(GetCase)
export class GetCaseHandler implements IQueryHandler<GetCase, CaseStateAnswer> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ caseId }: GetCase): Promise<CaseStateAnswer> {
    const streamName = streamNameOf(caseAggregate.category, caseId);
    const loaded = await loadStreamState(this.store, caseAggregate, streamName);
    if (loaded.revision === undefined) throw caseNotFound(caseId);
    return { id: caseId, streamName, revision: loaded.revision, position: loaded.position, state: loaded.state };
  }
}

@QueryHandler(GetCaseEvents)
export class GetCaseEventsHandler implements IQueryHandler<GetCaseEvents, CaseEventsAnswer> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ caseId }: GetCaseEvents): Promise<CaseEventsAnswer> {
    const streamName = streamNameOf(caseAggregate.category, caseId);
    const events = await this.store.readStreamJson(streamName).catch((error: unknown) => {
      throw error instanceof StreamNotFound ? caseNotFound(caseId) : error;
    });
    const last = events.at(-1);
    if (last === undefined) throw caseNotFound(caseId);
    return { id: caseId, streamName, revision: last.revision, position: last.position, events };
  }
}

function caseNotFound(caseId: string): DomainError {
  return new DomainError('CASE_NOT_FOUND', `No case with id ${caseId}`, { id: caseId });
}
