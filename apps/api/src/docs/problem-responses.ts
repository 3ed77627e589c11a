import type { OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { OfficeSource } from '../auth/access-policy';
import type { RouteAccess } from '../auth/route-table';
import { RETRY_AFTER_SECONDS } from '../problem/retry-after';
import type { RefusalTable } from '../problem/refusals';

/** Every route with a token: the token is checked before anything else, with keys that may be unreachable. */
const SIGNED_IN: RefusalTable = {
  UNAUTHENTICATED: 401,
  FORBIDDEN_ROLE: 403,
  AUTH_KEYS_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
};
/** Answered by the HTTP server before any route: a malformed, oversized (16 KiB) or too slow request line or header. */
const ANY_REQUEST: RefusalTable = {
  BAD_REQUEST: 400,
  REQUEST_TIMEOUT: 408,
  HEADERS_TOO_LARGE: 431,
  INTERNAL_ERROR: 500,
};
const WITH_PARAMETERS: RefusalTable = { VALIDATION_FAILED: 400 };
const WITH_BODY: RefusalTable = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};
/** The command path (docs/architecture.md): rate limits, If-Match, Idempotency-Key, bounded retry, the store. */
const COMMAND: RefusalTable = {
  RATE_LIMITED: 429,
  REVISION_MISMATCH: 412,
  IDEMPOTENCY_KEY_REUSED: 422,
  CONCURRENCY_CONFLICT: 409,
  EVENT_STORE_UNAVAILABLE: 503,
  STORAGE_FULL: 507,
  STORED_EVENT_INVALID: 500,
};
/** A query that may wait for `minPosition`, on read models that may be halted or unreachable. */
const READ_MODEL_QUERY: RefusalTable = {
  READ_MODEL_BEHIND: 503,
  PROJECTION_HALTED: 503,
  READ_MODEL_UNAVAILABLE: 503,
};
const NEGOTIATED: RefusalTable = { NOT_ACCEPTABLE: 406 };

/** What the access guard answers while finding the office a policy names (auth/office-resolution.ts). */
const OFFICE_RESOLUTION: Record<OfficeSource, RefusalTable> = {
  'case-in-path': { CASE_NOT_FOUND: 404, OFFICE_SUCCEEDED: 403, EVENT_STORE_UNAVAILABLE: 503 },
  'case-in-body': { CASE_NOT_FOUND: 404, OFFICE_SUCCEEDED: 403, EVENT_STORE_UNAVAILABLE: 503 },
  'complaint-in-path': { COMPLAINT_NOT_FOUND: 404, OFFICE_SUCCEEDED: 403, EVENT_STORE_UNAVAILABLE: 503 },
  'complaint-deciding-office': { COMPLAINT_NOT_FOUND: 404, EVENT_STORE_UNAVAILABLE: 503 },
  'province-above-case-in-path': {
    CASE_NOT_FOUND: 404,
    HEAD_OF_PROVINCIAL_OFFICE_REQUIRED: 403,
    CASE_ALREADY_AT_PROVINCE: 409,
    PROVINCIAL_OFFICE_NOT_IN_STRUCTURE: 422,
    EVENT_STORE_UNAVAILABLE: 503,
  },
  'office-in-body': { FORBIDDEN_OFFICE: 403 },
  'office-in-query': { FORBIDDEN_OFFICE: 403 },
  'office-in-path-or-its-parent': { FORBIDDEN_OFFICE: 403, OFFICE_NOT_REGISTERED: 404, EVENT_STORE_UNAVAILABLE: 503 },
  'parent-of-office-in-path': { FORBIDDEN_OFFICE: 403, OFFICE_NOT_REGISTERED: 404, EVENT_STORE_UNAVAILABLE: 503 },
  'parent-in-body': { FORBIDDEN_OFFICE: 403, OFFICE_NOT_REGISTERED: 404, EVENT_STORE_UNAVAILABLE: 503 },
  'any-office-in-token': { FORBIDDEN_OFFICE: 403 },
};

/** Statuses whose problems carry Retry-After (problem/retry-after.ts). */
const RETRY_AFTER_STATUSES = new Set([429, 503, 507]);

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Malformed request: `errors[]` names each field (VALIDATION_FAILED), or a domain value cannot be read',
  401: 'No valid bearer token; `WWW-Authenticate` says why',
  403: 'The token does not allow this act',
  404: 'Unknown resource (another office’s case or complaint answers the same)',
  406: 'The Accept header admits none of the offered types',
  408: 'The request line, headers or body did not arrive in time',
  409: 'A rule of the domain refuses the act in the current state, or writers kept racing',
  412: 'If-Match names a revision the stream is no longer at',
  413: 'The body exceeds BODY_LIMIT_BYTES',
  415: 'The body is not application/json',
  422: 'Well-formed values that contradict each other, or an Idempotency-Key reused for another request',
  429: 'Too many commands, or too many refused commands, from this caller; `Retry-After` says when to try again',
  431: 'The request line (with its query string) or the headers exceed 16 KiB',
  500: 'A fault of the server or of a stored event; never the answer to bad input',
  503: 'A store, the signing keys or the read models are unavailable or behind; `Retry-After` says when to try again',
  507: 'The disk is full; nothing was written',
};

/** The codes a route can answer with, by status: its kind's, its access policy's and its own declared ones. */
export function refusalsOfRoute(route: RouteAccess, operation: OperationObject): Map<number, string[]> {
  const policy = route.policy;
  const tables: RefusalTable[] = [ANY_REQUEST];
  if (policy !== undefined && !policy.public) {
    tables.push(SIGNED_IN);
    if (policy.office !== undefined) tables.push(OFFICE_RESOLUTION[policy.office]);
  }
  if ((operation.parameters ?? []).some((parameter) => !('$ref' in parameter) && parameter.in !== 'header'))
    tables.push(WITH_PARAMETERS);
  if (operation.requestBody !== undefined) tables.push(WITH_BODY);
  if (route.method === 'POST') tables.push(COMMAND);
  if ((operation.parameters ?? []).some((parameter) => 'name' in parameter && parameter.name === 'minPosition'))
    tables.push(READ_MODEL_QUERY);
  const offered = Object.values(operation.responses ?? {}).map((response) =>
    response !== undefined && 'content' in response ? Object.keys(response.content ?? {}).length : 0,
  );
  if (Math.max(0, ...offered) > 1) tables.push(NEGOTIATED);
  tables.push(route.refusals);

  const byStatus = new Map<number, string[]>();
  for (const table of tables)
    for (const [code, status] of Object.entries(table)) {
      const codes = byStatus.get(status) ?? [];
      if (!codes.includes(code)) codes.push(code);
      byStatus.set(status, codes);
    }
  return new Map([...byStatus].sort(([a], [b]) => a - b).map(([status, codes]) => [status, codes.sort()]));
}

/** The problem+json responses of a route, one per status, each naming its codes (schema `code` enum). */
export function problemResponsesOf(route: RouteAccess, operation: OperationObject): Record<string, ResponseObject> {
  return Object.fromEntries(
    [...refusalsOfRoute(route, operation)].map(([status, codes]) => [String(status), problemResponse(status, codes)]),
  );
}

function problemResponse(status: number, codes: readonly string[]): ResponseObject {
  const headers: ResponseObject['headers'] = {};
  if (RETRY_AFTER_STATUSES.has(status))
    headers['Retry-After'] = {
      description: `Seconds to wait before retrying (${codes
        .filter((code) => RETRY_AFTER_SECONDS[code] !== undefined)
        .map((code) => `${code}: ${RETRY_AFTER_SECONDS[code]}`)
        .join(', ')}${status === 429 ? 'RATE_LIMITED: the rest of the window' : ''})`,
      required: true,
      schema: { type: 'string', pattern: '^[0-9]+$' },
    };
  if (status === 401)
    headers['WWW-Authenticate'] = {
      description: 'Bearer challenge (RFC 6750)',
      required: true,
      schema: { type: 'string' },
    };
  return {
    description: `${DESCRIPTIONS[status] ?? 'Refused'}. Codes: ${codes.map((code) => `\`${code}\``).join(', ')}`,
    ...(Object.keys(headers).length ? { headers } : {}),
    content: {
      'application/problem+json': {
        schema: {
          allOf: [
            { $ref: '#/components/schemas/ProblemDto' },
            { type: 'object', properties: { status: { enum: [status] }, code: { enum: [...codes] } } },
          ],
        },
      },
    },
  };
}
