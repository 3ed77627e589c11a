import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { fingerprintOf, type CommandContext } from '@thads/application';
import { addToLogContext } from '@thads/observability';
import type { FastifyRequest } from 'fastify';
import { actorOf, grantedAccessOf, type GrantedAccess } from '../auth/granted-access';
import { RequestValidationFailed } from '../problem/request-validation-failed';

type Headers = Record<string, string | string[] | undefined>;

const TOKEN = /^[A-Za-z0-9._:-]{1,200}$/;

/**
 * Builds the command context of a request:
 * - the actor is the verified bearer token's `sub`, the role the access guard allowed the request under, and the
 *   office that qualified it (for a case, the case's office); never anything the client states in a header;
 * - `Idempotency-Key`: the command id, scoped to the actor and the resource; a retry with the same key returns the
 *   first response and writes nothing, and the same key with another request is refused (IDEMPOTENCY_KEY_REUSED);
 *   the request (method, path, body as sent) is the command's fingerprint, so a retry is recognised even when a
 *   default such as `effectiveDate` (today) would now fill in differently;
 * - `If-Match`: the stream revision the client last saw (the ETag), for optimistic concurrency;
 * - `X-Correlation-Id`: ties the command to a wider workflow; defaults to the command id.
 */
export function commandContextFrom(request: FastifyRequest, access: GrantedAccess): CommandContext {
  const { headers } = request;
  const commandId = token(headers, 'idempotency-key') ?? randomUUID();
  const ifMatch = single(headers, 'if-match');
  const correlationId = token(headers, 'x-correlation-id') ?? commandId;
  const actor = actorOf(access);
  // Every later log line of the request, its request line included, names the command (request-observability.ts).
  addToLogContext({ commandId, correlationId, actor });
  return {
    commandId,
    correlationId,
    actor,
    fingerprint: fingerprintOf({ method: request.method, path: request.url.split('?')[0], body: request.body ?? null }),
    ...(ifMatch !== undefined ? { expectedRevision: parseRevision(ifMatch) } : {}),
  };
}

/** Handler parameter: the command context of this request (see commandContextFrom). */
export const RequestCommandContext = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CommandContext => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const access = grantedAccessOf(request);
    // Only a public route lacks a grant, and no public route runs a command: this is a fault in the code, not the request.
    if (access === undefined)
      throw new Error(`No granted access on ${request.method} ${request.url}: a command route must not be public`);
    return commandContextFrom(request, access);
  },
);

function single(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function token(headers: Headers, name: string): string | undefined {
  const value = single(headers, name);
  if (value === undefined) return undefined;
  if (!TOKEN.test(value)) {
    throw new RequestValidationFailed([
      { field: name, messages: [`${name} must be 1–200 characters of letters, digits, . _ : -`] },
    ]);
  }
  return value;
}

/** Accepts `"7"`, `7` and `W/"7"`: the ETag this API sends is the quoted revision. */
function parseRevision(raw: string): bigint {
  const match = /^(?:W\/)?"?(\d{1,18})"?$/.exec(raw.trim());
  if (!match)
    throw new RequestValidationFailed([
      { field: 'If-Match', messages: ['If-Match must be a stream revision such as "3"'] },
    ]);
  return BigInt(match[1]);
}
