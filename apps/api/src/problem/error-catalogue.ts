import {
  CASE_ERROR_CODES,
  COMPLAINT_ERROR_CODES,
  OFFICE_REGISTRY_ERROR_CODES,
  REPORTING_ERROR_CODES,
} from '@thads/domain';
import { REPLAY_WINDOW_ERROR_CODES } from '@thads/application';
import { COMPLETION_REPORT_ERROR_CODES } from '@thads/read-models';
import { statusOfDomainCode } from './problem-status';

/** Codes raised outside the deciders: at the HTTP edge and in the command path. */
const EDGE_CODES: readonly (readonly [code: string, status: number, when: string])[] = [
  [
    'VALIDATION_FAILED',
    400,
    'The body, a query parameter (unknown or bad), a path id or a header is malformed; `errors[]` names each field and what is wrong.',
  ],
  ['BAD_REQUEST', 400, 'The request is malformed in a way Fastify catches before any route (e.g. a bad header).'],
  [
    'INVALID_JSON',
    400,
    'The body is not valid JSON, not valid UTF-8, nests deeper than 32 levels, or holds `__proto__`/`constructor.prototype`.',
  ],
  [
    'UNAUTHENTICATED',
    401,
    'No bearer token, or one that is malformed, badly signed, expired, not yet valid, for another issuer or audience, or signed with another algorithm; `WWW-Authenticate` says which.',
  ],
  [
    'FORBIDDEN_ROLE',
    403,
    'The token holds none of the roles the route allows (docs/authorization.md), or the route declares no access policy.',
  ],
  [
    'FORBIDDEN_OFFICE',
    403,
    "The token's role fits, but officers and heads act only for the offices in their token, and the request is about another.",
  ],
  [
    'OFFICE_SUCCEEDED',
    403,
    "The token's office passed the case to a successor (merger or split) on or before the act's date; `details` name the successor, the date and the legal act. Nothing is written.",
  ],
  [
    'AUTH_KEYS_UNAVAILABLE',
    503,
    'The signing keys at AUTH_JWKS_URL could not be read and none is cached; retry after `Retry-After` (10 s).',
  ],
  ['NOT_FOUND', 404, 'No such route.'],
  [
    'RATE_LIMITED',
    429,
    'The caller (token subject, or IP address without a valid token) sent more commands than RATE_LIMIT_COMMANDS, or caused RATE_LIMIT_REFUSED_COMMANDS refused commands, within RATE_LIMIT_WINDOW_SECONDS; `Retry-After` says when its window ends. Nothing is recorded.',
  ],
  [
    'NOT_ACCEPTABLE',
    406,
    'The Accept header admits none of the types the resource is offered as (the completion report: JSON, CSV, XLSX).',
  ],
  ['HEADERS_TOO_LARGE', 431, 'The request line (with its query string) or the headers exceed 16 KiB.'],
  ['REQUEST_TIMEOUT', 408, 'The request was not received in time.'],
  ['PAYLOAD_TOO_LARGE', 413, 'The body exceeds BODY_LIMIT_BYTES.'],
  ['UNSUPPORTED_MEDIA_TYPE', 415, 'The body is not application/json.'],
  [
    'REVISION_MISMATCH',
    412,
    'If-Match names a revision the stream is no longer at; `expectedRevision` and `actualRevision` say which.',
  ],
  [
    'IDEMPOTENCY_KEY_REUSED',
    422,
    'The Idempotency-Key was already used by the same caller on the same resource for another request (method, path or body differ); nothing is written. A retry of the same request replays the first answer instead.',
  ],
  [
    'CONCURRENCY_CONFLICT',
    409,
    'Concurrent writers kept changing the stream during the bounded retry; retrying the request is safe.',
  ],
  [
    'READ_MODEL_BEHIND',
    503,
    'A query with `minPosition` waited longer than MIN_POSITION_WAIT_MS for the projections; retry after `Retry-After` (1 s).',
  ],
  [
    'PROJECTION_HALTED',
    503,
    'A projection the query reads is halted by a poison event (see GET /health); an operator must skip or fix it (`Retry-After`: 60 s).',
  ],
  [
    'EVENT_STORE_UNAVAILABLE',
    503,
    'The event store cannot be reached or failed (a restart, a lock, an I/O error); nothing was acknowledged. `Retry-After` says when to try again; a retry with the same Idempotency-Key is safe.',
  ],
  ['READ_MODEL_UNAVAILABLE', 503, 'The read-model database cannot be reached; `Retry-After` says when to try again.'],
  [
    'STORAGE_FULL',
    507,
    'The disk holding the store is full; nothing was written. Retry once space is freed (`Retry-After`).',
  ],
  [
    'STORED_EVENT_INVALID',
    500,
    'A stored event of the stream cannot be read (damaged JSON, unknown type, newer schema version, malformed money): the store is at fault, the command is refused and writes nothing. `eventId` names it.',
  ],
  ['INTERNAL_ERROR', 500, 'A fault in the server, logged with its stack; never the answer to bad input.'],
];

/** Renders docs/errors.md: every stable error code, its HTTP status and when it is raised. */
export function renderErrorCatalogue(): string {
  const section = (title: string, codes: Record<string, string>) => [
    `## ${title}`,
    '',
    '| Code | HTTP | When |',
    '|---|---|---|',
    ...Object.entries(codes).map(
      ([code, when]) => `| \`${code}\` | ${statusOfDomainCode(code)} | ${when.replace(/\|/g, '\\|')} |`,
    ),
    '',
  ];
  return [
    '# Error codes',
    '',
    'Every error is RFC 9457 `application/problem+json` with a stable `code`; clients branch on `code`, never on',
    '`detail`. A refused command writes nothing. Every `503` carries `Retry-After` (seconds). Generated from the code tables by `npm run docs:errors`;',
    'a unit test fails when this file falls behind them.',
    '',
    '## HTTP edge and command path',
    '',
    '| Code | HTTP | When |',
    '|---|---|---|',
    ...EDGE_CODES.map(([code, status, when]) => `| \`${code}\` | ${status} | ${when} |`),
    '',
    ...section('Case commands', CASE_ERROR_CODES),
    ...section('Complaint commands', COMPLAINT_ERROR_CODES),
    ...section('Office and reporting commands', REPORTING_ERROR_CODES),
    ...section('Office registry: mergers, splits, renames', OFFICE_REGISTRY_ERROR_CODES),
    ...section('Completion report (GET /api/v1/reports/completion)', COMPLETION_REPORT_ERROR_CODES),
    ...section('Bitemporal replay (asOf, asKnownAt)', REPLAY_WINDOW_ERROR_CODES),
  ].join('\n');
}
