import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { EVENT_STORE } from '@thads/application';
import { InvalidToken, type TokenVerifier, type VerifiedToken } from '@thads/auth';
import type { EventStore } from '@thads/event-store';
import type { FastifyRequest } from 'fastify';
import { callerKey, COMMAND_RATE_LIMITS, type CommandRateLimits } from '../rate-limit/command-rate-limits';
import { accessPolicyOf } from './access-policy';
import { forbiddenRole, invalidToken } from './access-refused';
import { decideAccess } from './access-decision';
import { concealOwner } from './concealed-refusal';
import { bearerTokenOf } from './bearer-token';
import { recordGrantedAccess, recordVerifiedToken } from './granted-access';
import { officesQualifyingFor } from './office-resolution';

/** Injection token of the TokenVerifier the AuthModule builds from the AUTH_* settings. */
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

/**
 * The global guard: deny by default. A route without `@Access(…)` is refused for everyone; a public route passes
 * without looking at the token; any other needs a valid bearer token whose roles and offices fit the route's policy.
 * Guards run before pipes and handlers, so a refused request has written nothing.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(COMMAND_RATE_LIMITS) private readonly limits: CommandRateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const policy = accessPolicyOf(context.getHandler());
    if (policy === undefined) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} has no @Access policy; refused`);
      throw forbiddenRole('This route declares no access policy, so it is refused for everyone');
    }
    if (policy.public) return true;
    // Commands are counted per caller before anything else is looked at (docs/configuration.md "Rate limits"):
    // by IP address while no valid token is known, then by the token's subject.
    const command = request.method === 'POST';
    const token = await this.authenticate(request.headers.authorization).catch((error: unknown) => {
      if (command) this.limits.admitCommand(callerKey(undefined, request.ip));
      throw error;
    });
    recordVerifiedToken(request, token);
    if (command) this.limits.admitCommand(callerKey(token.subject, request.ip));
    const office = policy.office;
    const access = await decideAccess(policy, token, async () =>
      office === undefined ? [] : officesQualifyingFor(office, request, this.store, token.offices),
    ).catch((error: unknown) => {
      throw concealOwner(error, office, request);
    });
    recordGrantedAccess(request, access);
    return true;
  }

  private async authenticate(authorization: string | string[] | undefined): Promise<VerifiedToken> {
    const token = bearerTokenOf(authorization);
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidToken) throw invalidToken(error.message);
      throw error;
    }
  }
}
