import { applyDecorators, Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CheckOutcomeDto } from './health-responses.dto';
import type { TokenVerifier } from '@thads/auth';
import type { FastifyReply } from 'fastify';
import { RESPONSE_HEADERS } from '../docs/answers';
import { Access } from '../auth/access-policy';
import { LivenessResponseDto, ReadinessResponseDto } from './health-responses.dto';
import { TOKEN_VERIFIER } from '../auth/access.guard';
import { isOperator } from '../auth/privileged-caller';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness-check';
import { assessReadiness, withoutDetails, type Readiness } from './readiness';

const READINESS_DESCRIPTION =
  'Each check up or down with a reason; positions, dead letters, durability settings and free space only for an auditor or admin bearer token.';

/** 200 when every check is up; 503 with Retry-After and the same body when one is down. */
function ReadinessAnswers(): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(CheckOutcomeDto),
    ApiResponse({ status: 200, type: ReadinessResponseDto, description: 'Ready', headers: RESPONSE_HEADERS.noStore }),
    ApiResponse({
      status: 503,
      type: ReadinessResponseDto,
      description: 'Not ready: a check is down',
      headers: Object.assign({}, RESPONSE_HEADERS.noStore, {
        'Retry-After': { description: 'Seconds before probing again', required: true, schema: { type: 'string' } },
      }),
    }),
  );
}

/**
 * Probes for orchestrators and operators. Public, like any probe; details (positions, dead letters, durability
 * settings, free space) only for an auditor or admin bearer token.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(READINESS_CHECKS) private readonly checks: readonly ReadinessCheck[],
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  /** 200 while the process runs and answers HTTP; checks nothing else, so a restart is never triggered by a store. */
  @Get('live')
  @Access.public()
  @ApiOperation({
    summary: 'Liveness: the process is up',
    description: 'Checks nothing else, so a store outage never makes an orchestrator restart the API.',
  })
  @ApiOkResponse({ type: LivenessResponseDto, description: 'Up', headers: RESPONSE_HEADERS.noStore })
  live(@Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    return { status: 'up' };
  }

  /** 200 when every check is up, 503 otherwise; each check says up or down and, when down, why. */
  @Get('ready')
  @Access.public()
  @ApiOperation({
    summary: 'Readiness: event store reachable, durability verified, no projection halted, disk not full',
    description: READINESS_DESCRIPTION,
  })
  @ReadinessAnswers()
  ready(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(authorization, reply);
  }

  /** The readiness answer, kept at its old address for existing probes (docs/operations.md). */
  @Get()
  @Access.public()
  @ApiOperation({ summary: 'Same as /health/ready', description: READINESS_DESCRIPTION })
  @ReadinessAnswers()
  health(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(authorization, reply);
  }

  private async answer(authorization: string | undefined, reply: FastifyReply): Promise<Readiness> {
    const [readiness, operator] = await Promise.all([
      assessReadiness(this.checks),
      isOperator(this.verifier, authorization),
    ]);
    void reply.header('cache-control', 'no-store');
    void reply.status(readiness.status === 'up' ? 200 : 503);
    if (readiness.status === 'down') void reply.header('retry-after', '5');
    return operator ? readiness : withoutDetails(readiness);
  }
}
