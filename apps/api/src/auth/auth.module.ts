import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { openTokenVerifier, type AuthSettings } from '@thads/auth';
import { AccessGuard, TOKEN_VERIFIER } from './access.guard';

/**
 * Authentication and authorization for every route: the token verifier chosen by the AUTH_* settings and the global
 * AccessGuard. The verifier is built at start-up, so a development secret is created (and announced) before the
 * first request, and a bad key stops the process.
 */
@Module({})
export class AuthModule {
  static forRoot(settings: AuthSettings): DynamicModule {
    const logger = new Logger('Auth');
    return {
      module: AuthModule,
      // Global: public routes that show more to operators (health, metrics) verify tokens themselves.
      global: true,
      exports: [TOKEN_VERIFIER],
      providers: [
        {
          provide: TOKEN_VERIFIER,
          useFactory: () => openTokenVerifier(settings, { warn: (message) => logger.warn(message) }),
        },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}
