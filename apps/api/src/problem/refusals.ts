import { SetMetadata } from '@nestjs/common';
import type { DomainErrorKind } from '@thads/domain';
import { STATUS_OF_KIND } from './problem-status';

/** Error codes a route may answer with, each with its HTTP status. */
export type RefusalTable = Readonly<Record<string, number>>;

/** Metadata key of the refusal tables a controller or handler declares. */
export const REFUSALS = 'thads:refusals';

/** A table of codes declared with their kind (libs/domain `*_ERROR_KINDS`), with the status each kind answers. */
export function refusalsOfKinds(kinds: Readonly<Record<string, DomainErrorKind>>): RefusalTable {
  return Object.fromEntries(Object.entries(kinds).map(([code, kind]) => [code, STATUS_OF_KIND[kind]]));
}

/**
 * Declares the codes a controller's routes (or one handler) answer with beyond those every route of its kind answers
 * (problem-responses.ts derives those from the method, body, parameters and access policy): the OpenAPI document
 * lists each under its status.
 */
export function Refuses(...tables: readonly RefusalTable[]): ClassDecorator & MethodDecorator {
  return SetMetadata(REFUSALS, Object.assign({}, ...tables) as RefusalTable);
}

/** The refusals a handler declares, with its controller's. */
export function refusalsOf(controller: object, handler: object): RefusalTable {
  return Object.assign({}, Reflect.getMetadata(REFUSALS, controller) as RefusalTable | undefined, {
    ...(Reflect.getMetadata(REFUSALS, handler) as RefusalTable | undefined),
  });
}

/** A read of one stream of the event store (a case, a complaint, the office registry). */
export const STREAM_READ: RefusalTable = { EVENT_STORE_UNAVAILABLE: 503, STORED_EVENT_INVALID: 500 };
