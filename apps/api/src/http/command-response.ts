import type { CommandResult } from '@thads/application';
import type { FastifyReply } from 'fastify';

/** The body every command endpoint answers with. Revisions and positions are decimal strings. */
export interface CommandResponse {
  readonly id: string;
  readonly streamName: string;
  /** Stream revision after the command: send it back as If-Match to act on exactly this state. */
  readonly revision: string;
  /** Global log position of the command's last event: pass as minPosition to read your own write. */
  readonly position: string;
  readonly events: readonly { readonly type: string; readonly revision: string }[];
}

/**
 * Shapes a command result and sets ETag (the revision) and Idempotent-Replayed (true when this was a retry that
 * wrote nothing). The body of a retry is byte-identical to the first answer.
 */
export function commandResponse(id: string, result: CommandResult, reply: FastifyReply): CommandResponse {
  void reply.header('etag', `"${result.nextRevision}"`);
  void reply.header('idempotent-replayed', String(result.replayed));
  return {
    id,
    streamName: result.streamName,
    revision: result.nextRevision.toString(),
    position: result.position.toString(),
    events: result.events.map((event) => ({ type: event.type, revision: event.revision.toString() })),
  };
}

/** Adds the default effective date (today, Asia/Ho_Chi_Minh) to a command body. */
export function dated<Body extends { effectiveDate?: string }>(
  body: Body,
  today: string,
): Omit<Body, 'effectiveDate'> & { effectiveDate: string } {
  // Object.assign, not `{ ...body, effectiveDate }`: on Node 20 a literal that opens with a spread and then adds a
  // key is slow and outlives young collections (docs/performance.md, change 50).
  return Object.assign({}, body, { effectiveDate: body.effectiveDate ?? today });
}
