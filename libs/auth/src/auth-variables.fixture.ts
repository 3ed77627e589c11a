import type { AuthVariables } from './auth-settings';

/** AUTH_* variables as the configuration schema would hand them over: its defaults, overridden by `given`. */
export function authVariables(given: Partial<AuthVariables> = {}): AuthVariables {
  return {
    AUTH_JWKS_CACHE_TTL_MS: 600_000,
    AUTH_CLOCK_SKEW_SECONDS: 30,
    AUTH_MAX_TOKEN_LIFETIME_SECONDS: 86_400,
    ...given,
  };
}
