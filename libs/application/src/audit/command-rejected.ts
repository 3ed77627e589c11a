import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson, type Actor, type AppendResult, type EventStore, type JsonValue } from '@thads/event-store';

/** Stream category of the rejection log: `rejection-<caseId>`, or `rejection-unknown` when no case is named. */
export const REJECTION_CATEGORY = 'rejection';
/** The one event type of the rejection log. A stored contract, like every event type. */
export const COMMAND_REJECTED = 'CommandRejected';

/** A refused command as the edge saw it. Never the token; the body only as a digest. */
export interface CommandRejection {
  readonly actor: Actor;
  /** Method and route pattern, e.g. `POST /api/v1/cases/:caseId/settle`. */
  readonly route: string;
  /** The command the route runs when the route names it (`settle` → `Settle`); null otherwise. */
  readonly commandType: string | null;
  /** The case the command was about, when the path or body names one. */
  readonly caseId: string | null;
  /** The stream the command would have written to (`case-<id>`), when known. */
  readonly targetStream: string | null;
  readonly code: string;
  readonly status: number;
  readonly detail: string;
  /** The request body (already parsed), digested here: see bodyDigestOf. */
  readonly body: unknown;
  /** The request's Idempotency-Key or X-Correlation-Id, to tie the refusal to the client's retries. */
  readonly correlationId?: string;
}

/**
 * sha256 of the canonical JSON of the body, or null without a body. A digest, not the body: bodies name parties
 * (people, ids, addresses), and the rejection log must not become a second copy of personal data that no correction
 * can reach; whoever holds the body can prove it was the one refused.
 */
export function bodyDigestOf(body: unknown): string | null {
  if (body === undefined || body === null) return null;
  try {
    return createHash('sha256')
      .update(canonicalJson(body as JsonValue), 'utf8')
      .digest('hex');
  } catch {
    // Not JSON-shaped (e.g. a bigint after transformation): digest its plain JSON text instead.
    return createHash('sha256')
      .update(
        JSON.stringify(body, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)) ?? '',
        'utf8',
      )
      .digest('hex');
  }
}

/**
 * Appends a CommandRejected event to `rejection-<caseId|unknown>`: through the event store, so the
 * refusal is hash-chained, replayable and projected by audit_trail like any fact. `expectedRevision: 'any'`: two
 * refusals never conflict. `reason` carries `<CODE>: <detail>` so the audit trail, which lists envelopes, shows
 * why without reading data. The refused command's own stream is never touched.
 */
export function recordCommandRejection(store: EventStore, rejection: CommandRejection): Promise<AppendResult> {
  const commandId = randomUUID();
  const data: { [key: string]: JsonValue } = {
    caseId: rejection.caseId,
    route: rejection.route,
    commandType: rejection.commandType,
    targetStream: rejection.targetStream,
    code: rejection.code,
    status: rejection.status,
    detail: rejection.detail,
    bodyDigest: bodyDigestOf(rejection.body),
  };
  return store.append(
    `${REJECTION_CATEGORY}-${rejection.caseId ?? 'unknown'}`,
    [
      {
        id: randomUUID(),
        type: COMMAND_REJECTED,
        data,
        metadata: {
          actor: rejection.actor,
          commandId,
          correlationId: rejection.correlationId ?? commandId,
          causationId: commandId,
          schemaVersion: 1,
          reason: `${rejection.code}: ${rejection.detail}`.slice(0, 1000),
        },
      },
    ],
    { expectedRevision: 'any' },
  );
}
