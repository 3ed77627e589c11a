import { Logger } from '@nestjs/common';
import { recordCommandRejection, type CommandRejection } from '@thads/application';
import type { EventStore } from '@thads/event-store';
import type { FastifyRequest } from 'fastify';
import { requesterOf } from '../auth/granted-access';
import { callerKey, type CommandRateLimits } from '../rate-limit/command-rate-limits';
import type { Problem } from '../problem/problem-details.filter';

/** Commands are POSTs (docs/architecture.md); queries are not recorded. */
const COMMAND_METHODS = new Set(['POST']);
/** An id safe to put in a stream name; anything else is recorded as unknown. */
const SAFE_ID = /^[A-Za-z0-9._:]{1,100}(?:-[A-Za-z0-9._:]{1,100}){0,8}$/;

/**
 * Records refused commands as audit facts. Called by the problem filter, which stays the only place
 * errors become HTTP: the filter maps, this records what it mapped. Recorded: every 4xx on a command route except
 * 401 (no valid token, so nobody to name, and anonymous traffic must not be able to fill the log).
 */
export class RejectionRecorder {
  private readonly logger = new Logger('Rejections');

  constructor(
    private readonly store: EventStore,
    /** Counts each recorded refusal against its requester's limit (RATE_LIMIT_REFUSED_COMMANDS). */
    private readonly limits?: CommandRateLimits,
  ) {}

  /** True when this refusal is one the log keeps. */
  shouldRecord(request: FastifyRequest, problem: Problem): boolean {
    return (
      COMMAND_METHODS.has(request.method) &&
      problem.status >= 400 &&
      problem.status < 500 &&
      problem.status !== 401 &&
      // A caller over a rate limit is not recorded: recording is what the limit protects the store from.
      problem.status !== 429 &&
      requesterOf(request) !== undefined
    );
  }

  /** Appends the rejection; a failure to record is logged, never turned into another error for the client. */
  async record(request: FastifyRequest, problem: Problem): Promise<void> {
    const requester = requesterOf(request);
    if (requester !== undefined) this.limits?.recordRefusal(callerKey(requester.id, request.ip));
    try {
      await recordCommandRejection(this.store, rejectionOf(request, problem));
    } catch (error) {
      this.logger.error(
        `Could not record the refusal of ${request.method} ${request.url}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

function rejectionOf(request: FastifyRequest, problem: Problem): CommandRejection {
  const pattern = request.routeOptions?.url ?? request.url;
  const caseId = caseIdOf(request);
  const correlation = request.headers['idempotency-key'] ?? request.headers['x-correlation-id'];
  return {
    actor: requesterOf(request) ?? { id: 'unknown', role: 'none' },
    route: `${request.method} ${pattern}`,
    commandType: commandTypeOf(pattern),
    caseId,
    targetStream: caseId === null ? null : `case-${caseId}`,
    code: problem.code,
    status: problem.status,
    detail: problem.detail,
    body: request.body,
    ...(typeof correlation === 'string' && SAFE_ID.test(correlation) ? { correlationId: correlation } : {}),
  };
}

function caseIdOf(request: FastifyRequest): string | null {
  const fromPath = (request.params as Record<string, unknown> | undefined)?.caseId;
  const fromBody = (request.body as Record<string, unknown> | undefined)?.caseId;
  const candidate = typeof fromPath === 'string' ? fromPath : typeof fromBody === 'string' ? fromBody : undefined;
  return candidate !== undefined && SAFE_ID.test(candidate) ? candidate : null;
}

/** `/api/v1/cases/:caseId/issue-enforcement-decision` → `IssueEnforcementDecision`: routes are named after commands. */
function commandTypeOf(pattern: string): string | null {
  const segments = pattern.split('/').filter(Boolean);
  const last = segments.at(-1);
  if (last === undefined || last.startsWith(':') || segments.length < 2 || !segments.at(-2)?.startsWith(':'))
    return null;
  return last
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
