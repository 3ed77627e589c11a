import { InvalidAuditTrailQuery, InvalidCaseSummaryQuery, InvalidComplaintQueueQuery } from '@thads/read-models';
import type { FastifyReply } from 'fastify';
import { RequestValidationFailed } from '../problem/request-validation-failed';

/** The response header that states the log position a read-model answer reflects. */
export const READ_MODEL_POSITION_HEADER = 'X-Read-Model-Position';

/**
 * The headers of every query answer: X-Read-Model-Position states the log position the answer reflects, so a client
 * can tell how fresh it is without parsing it, and `Cache-Control: no-store` because the next answer may reflect a
 * later position.
 */
export function queryHeaders(reply: FastifyReply, position: bigint): void {
  void reply.header(READ_MODEL_POSITION_HEADER, position.toString());
  void reply.header('cache-control', 'no-store');
}

/**
 * The headers of an answer folded straight from one stream of the event store: the query headers, with the position
 * of the stream's last event, and the stream revision as the ETag a client sends back in If-Match.
 */
export function streamAnswerHeaders(
  reply: FastifyReply,
  loaded: { readonly revision: bigint; readonly position: bigint },
): void {
  queryHeaders(reply, loaded.position);
  void reply.header('etag', `"${loaded.revision}"`);
}

/** Shapes a read-model answer: the body gets `position` (a decimal string), the same as X-Read-Model-Position. */
export function readModelAnswer<Body extends object>(
  reply: FastifyReply,
  position: bigint,
  body: Body,
): Body & { position: string } {
  queryHeaders(reply, position);
  // Object.assign: a literal that opens with a spread and adds a key is slow on Node 20 (docs/performance.md, change 50).
  return Object.assign({}, body, { position: position.toString() });
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
