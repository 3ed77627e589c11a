import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConcurrencyConflict, IdempotencyKeyReused, RevisionMismatch, StoredEventInvalid } from '@thads/application';
import { SigningKeysUnavailable } from '@thads/auth';
import { DomainError } from '@thads/domain';
import { EventStoreUnavailable, WrongExpectedRevision } from '@thads/event-store';
import { isInfrastructureError, isStorageFull, ProjectionHalted, ProjectionWaitTimedOut } from '@thads/read-models';
import { BodyRefused } from '../http/json-body';
import type { RejectionRecorder } from '../audit/rejection-recorder';
import { AccessRefused } from '../auth/access-refused';
import { ConcealedRefusal } from '../auth/concealed-refusal';
import { RateLimited } from '../rate-limit/command-rate-limits';
import { jsonSafe } from '../http/json-safe';
import { logProblem } from '../logging/problem-log';
import { statusOfDomainCode } from './problem-status';
import { RequestValidationFailed } from './request-validation-failed';
import { retryAfterOf } from './retry-after';

/** RFC 9457 problem details, plus a stable `code` that clients branch on. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  507: 'Insufficient Storage',
};

/** Maps any thrown value to a problem: the one place where errors become HTTP. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ConcealedRefusal) return toProblem(error.answer);
  if (error instanceof AccessRefused) {
    return problem(error.status, error.code, error.message, error.details && { details: error.details });
  }
  if (error instanceof RateLimited) {
    return problem(429, 'RATE_LIMITED', error.message, {
      limit: error.limit,
      max: error.max,
      windowSeconds: error.windowSeconds,
      retryAfterSeconds: error.retryAfterSeconds,
    });
  }
  if (error instanceof SigningKeysUnavailable) {
    return problem(503, 'AUTH_KEYS_UNAVAILABLE', error.message);
  }
  if (error instanceof RequestValidationFailed) {
    return problem(400, 'VALIDATION_FAILED', error.message, { errors: error.errors });
  }
  if (error instanceof DomainError) {
    return problem(statusOfDomainCode(error.code), error.code, error.message, { details: jsonSafe(error.details) });
  }
  if (error instanceof RevisionMismatch) {
    return problem(412, error.code, error.message, {
      expectedRevision: error.expected.toString(),
      actualRevision: String(error.actual),
    });
  }
  if (error instanceof IdempotencyKeyReused) {
    return problem(422, error.code, error.message);
  }
  if (error instanceof ConcurrencyConflict || error instanceof WrongExpectedRevision) {
    return problem(409, error.code, error.message);
  }
  if (error instanceof ProjectionWaitTimedOut) {
    return problem(503, 'READ_MODEL_BEHIND', error.message, {
      minPosition: error.position.toString(),
      lagging: error.lagging,
    });
  }
  if (error instanceof ProjectionHalted) {
    return problem(503, 'PROJECTION_HALTED', error.message, { projection: error.projection });
  }
  if (error instanceof BodyRefused) return problem(error.statusCode, error.code, error.message);
  if (error instanceof StoredEventInvalid) {
    return problem(500, error.code, error.message, { eventId: error.eventId, eventType: error.eventType });
  }
  const outage = storeOutage(error);
  if (outage) return outage;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return problem(status, codeOfStatus(status), error.message);
  }
  // Fastify's own request errors (body too large, bad JSON, wrong content type) carry a statusCode.
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return problem(statusCode, codeOfStatus(statusCode), (error as Error).message);
  }
  return problem(500, 'INTERNAL_ERROR', 'The server failed to handle the request; it has been logged.');
}

/**
 * A store that cannot take the request now: 507 STORAGE_FULL when the disk is full, else 503 (event store or read
 * models unreachable, locked, failing). Never the client's fault, never a 500: the client may retry after a while.
 */
function storeOutage(error: unknown): Problem | undefined {
  const eventStore = error instanceof EventStoreUnavailable;
  if (!eventStore && !isInfrastructureError(error)) return undefined;
  if (isStorageFull(error)) {
    return problem(507, 'STORAGE_FULL', 'The server has no disk space left to record this; nothing was written');
  }
  return eventStore
    ? problem(503, 'EVENT_STORE_UNAVAILABLE', 'The event store cannot be reached; retry later')
    : problem(503, 'READ_MODEL_UNAVAILABLE', 'The read-model database cannot be reached; retry later');
}

function problem(status: number, code: string, detail: string, extensions: Record<string, unknown> = {}): Problem {
  return {
    type: `/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extensions,
  };
}

function codeOfStatus(status: number): string {
  const byStatus: Record<number, string> = {
    400: 'BAD_REQUEST',
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    406: 'NOT_ACCEPTABLE',
    409: 'CONFLICT',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    422: 'UNPROCESSABLE',
  };
  return byStatus[status] ?? 'HTTP_ERROR';
}

/** Writes a problem as application/problem+json. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: unknown, logger: Logger): void {
  const body = Object.assign({}, toProblem(error), { instance: request.url });
  logProblem(logger, body, error);
  // RFC 6750 §3: every 401 names the scheme the client must use.
  if (error instanceof AccessRefused && error.challenge !== undefined)
    void reply.header('www-authenticate', error.challenge);
  const retryAfter = retryAfterOf(body);
  if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
  void reply
    .status(body.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(JSON.stringify(body));
}

/**
 * The global filter. With a RejectionRecorder, a refused command is recorded before the reply is sent, so a client
 * that sees the refusal can already find it in the store (the audit read model follows by position).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  constructor(private readonly rejections?: RejectionRecorder) {}

  catch(error: unknown, host: ArgumentsHost): void | Promise<void> {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const problem = toProblem(error);
    if (this.rejections === undefined || !this.rejections.shouldRecord(request, problem)) {
      sendProblem(reply, request, error, this.logger);
      return;
    }
    // The log keeps the real reason of a refusal the caller was told as "not found" (auditors read it).
    const recorded = error instanceof ConcealedRefusal ? toProblem(error.refusal) : problem;
    // Nest's Fastify route returns the reply after calling the filter, so Fastify waits for this later send.
    return this.rejections.record(request, recorded).then(() => sendProblem(reply, request, error, this.logger));
  }
}
