import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { TokenVerifier } from '@thads/auth';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access-policy';
import { invalidToken, missingToken } from '../auth/access-refused';
import { TOKEN_VERIFIER } from '../auth/access.guard';
import { isOperator } from '../auth/privileged-caller';
import { ENGINE_METRICS, type EngineMetrics } from './engine-metrics';
import { METRICS_TOKEN } from './metrics.tokens';

/**
 * GET /metrics in Prometheus text format. Not for everyone: it shows volumes and routes. A scraper sends
 * `Authorization: Bearer <METRICS_TOKEN>`; an auditor or admin JWT works too. Anything else is 401.
 */
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(ENGINE_METRICS) private readonly metrics: EngineMetrics,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(METRICS_TOKEN) private readonly metricsToken: string | undefined,
  ) {}

  @Get()
  @Access.public()
  @ApiExcludeEndpoint()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply) {
    if (authorization === undefined) throw missingToken();
    if (!this.isMetricsToken(authorization) && !(await isOperator(this.verifier, authorization)))
      throw invalidToken('send METRICS_TOKEN, or a token with the auditor or admin role');
    const text = await this.metrics.scrape();
    await reply
      .header('content-type', this.metrics.registry.contentType)
      .header('cache-control', 'no-store')
      .send(text);
  }

  private isMetricsToken(authorization: string): boolean {
    if (this.metricsToken === undefined) return false;
    const expected = Buffer.from(`Bearer ${this.metricsToken}`);
    const given = Buffer.from(authorization);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
