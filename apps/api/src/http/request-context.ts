import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@thads/application';
import { RequestValidationFailed } from '../problem/request-validation-failed';

type Headers = Record<string, string | string[] | undefined>;

const TOKEN = /^[A-Za-z0-9._:-]{1,200}$/;
const ROLES = ['officer', 'head', 'auditor', 'admin', 'reporting'] as const;

/**
 * Builds the command context from HTTP headers:
 * - `Idempotency-Key`: the command id; a retry with the same key returns the first response and writes nothing.
 * - `If-Match`: the stream revision the client last saw (the ETag), for optimistic concurrency.
 * - `X-Correlation-Id`: ties the command to a wider workflow; defaults to the command id.
 * - `X-Actor-Id`, `X-Actor-Role`, `X-Actor-Office`: who acts. Until JWT authentication lands these headers are
 *   trusted as sent (see README "Security status"); they are recorded on every event.
 */
export function commandContextFrom(headers: Headers): CommandContext {
  const commandId = token(headers, 'idempotency-key') ?? randomUUID();
  const ifMatch = single(headers, 'if-match');
  const role = single(headers, 'x-actor-role') ?? 'officer';
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new RequestValidationFailed([{ field: 'X-Actor-Role', messages: [`X-Actor-Role must be one of ${ROLES.join(', ')}`] }]);
  }
  const officeId = token(headers, 'x-actor-office');
  return {
    commandId,
    correlationId: token(headers, 'x-correlation-id') ?? commandId,
    actor: { id: token(headers, 'x-actor-id') ?? 'anonymous', role, ...(officeId ? { officeId } : {}) },
    ...(ifMatch !== undefined ? { expectedRevision: parseRevision(ifMatch) } : {}),
  };
}

function single(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function token(headers: Headers, name: string): string | undefined {
  const value = single(headers, name);
  if (value === undefined) return undefined;
  if (!TOKEN.test(value)) {
    throw new RequestValidationFailed([{ field: name, messages: [`${name} must be 1–200 characters of letters, digits, . _ : -`] }]);
  }
  return value;
}

/** Accepts `"7"`, `7` and `W/"7"`: the ETag this API sends is the quoted revision. */
function parseRevision(raw: string): bigint {
  const match = /^(?:W\/)?"?(\d{1,18})"?$/.exec(raw.trim());
  if (!match) throw new RequestValidationFailed([{ field: 'If-Match', messages: ['If-Match must be a stream revision such as "3"'] }]);
  return BigInt(match[1]);
}
