import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { openTokenVerifier, type AuthSettings } from '@thads/auth';
import { COMMAND_RATE_LIMITS, CommandRateLimits, type RateLimitConfig } from '../rate-limit/command-rate-limits';
import { AccessGuard, TOKEN_VERIFIER } from './access.guard';

/**
 * Authentication and authorization for every route: the token verifier chosen by the AUTH_* settings and the global
 * AccessGuard. The verifier is built at start-up, so a development secret is created (and announced) before the
 * first request, and a bad key stops the process.
 */
@Module({})
export class AuthModule {
  static forRoot(settings: AuthSettings, rateLimits: RateLimitConfig): DynamicModule {
    const logger = new Logger('Auth');
    return {
      module: AuthModule,
      // Global: public routes that show more to operators (health, metrics) verify tokens themselves.
      global: true,
      exports: [TOKEN_VERIFIER, COMMAND_RATE_LIMITS],
      providers: [
        {
          provide: TOKEN_VERIFIER,
          useFactory: () => openTokenVerifier(settings, { warn: (message) => logger.warn(message) }),
        },
        // One set of counters per app: the guard counts commands, the rejection recorder counts refusals.
        { provide: COMMAND_RATE_LIMITS, useValue: new CommandRateLimits(rateLimits) },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}
