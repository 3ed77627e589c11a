import { InvalidAuditTrailQuery, InvalidCaseSummaryQuery, InvalidComplaintQueueQuery } from '@thads/read-models';
import type { FastifyReply } from 'fastify';
import { RequestValidationFailed } from '../problem/request-validation-failed';

/** The response header that states the log position a read-model answer reflects. */
export const READ_MODEL_POSITION_HEADER = 'X-Read-Model-Position';

/**
 * Shapes a read-model answer: the body gets `position` (a decimal string) and the same goes in the
 * X-Read-Model-Position header, so a client can tell how fresh the answer is without parsing it. Not cached: the
 * next answer may reflect a later position.
 */
export function readModelAnswer<Body extends object>(
  reply: FastifyReply,
  position: bigint,
  body: Body,
): Body & { position: string } {
  void reply.header(READ_MODEL_POSITION_HEADER, position.toString());
  void reply.header('cache-control', 'no-store');
  return { ...body, position: position.toString() };
}

/**
 * Rethrows a query function's "invalid query" error as a 400 naming the query parameter (`rename` maps a library
 * field to the parameter when their names differ); any other error passes through untouched.
 */
export function asBadQueryParam(error: unknown, rename: Readonly<Record<string, string>> = {}): never {
  if (
    error instanceof InvalidCaseSummaryQuery ||
    error instanceof InvalidComplaintQueueQuery ||
    error instanceof InvalidAuditTrailQuery
  ) {
    const field = rename[error.field] ?? error.field;
    throw new RequestValidationFailed([
      { field, messages: [`${field} ${error.message.slice(error.field.length + 2)}`] },
    ]);
  }
  throw error;
}
