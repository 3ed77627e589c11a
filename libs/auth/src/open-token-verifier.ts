import { createPublicKey } from 'node:crypto';
import type { AuthSettings } from './auth-settings';
import { readOrCreateDevelopmentSecret } from './development-secret';
import { createJwksKeySource, type FetchJson } from './jwks-key-source';
import { createTokenVerifier, type TokenVerifier, type VerificationKey } from './token-verifier';

export interface OpenTokenVerifierOptions {
  /** Where the loud development-secret notice goes (the API's logger). */
  readonly warn: (message: string) => void;
  readonly fetchJson?: FetchJson;
  readonly now?: () => number;
}

/**
 * The verifier the settings ask for. In development-secret mode this creates `<DATA_DIR>/dev-jwt-secret` on first start
 * and says, every start, that anyone who can read that file can mint tokens for any role.
 */
export function openTokenVerifier(settings: AuthSettings, options: OpenTokenVerifierOptions): TokenVerifier {
  return createTokenVerifier(verificationKey(settings, options), settings, options.now);
}

function verificationKey(settings: AuthSettings, options: OpenTokenVerifierOptions): VerificationKey {
  switch (settings.mode) {
    case 'development-secret': {
      const { secret, created } = readOrCreateDevelopmentSecret(settings.secretFile);
      options.warn(
        [
          '*** DEVELOPMENT SECRET IN USE: tokens are verified with HS256 and the development secret in ' +
            `${settings.secretFile} (${created ? 'generated now' : 'generated on an earlier start'}). ***`,
          '*** Anyone who can read that file can mint a token for any role and office (npm run cli -- token). ***',
          '*** Set AUTH_JWT_SECRET, AUTH_JWT_PUBLIC_KEY(_FILE) or AUTH_JWKS_URL before this server holds real cases. ***',
        ].join('\n'),
      );
      return { algorithm: 'HS256', secret };
    }
    case 'shared-secret':
      return { algorithm: 'HS256', secret: settings.secret };
    case 'public-key':
      return { algorithm: 'RS256', publicKey: createPublicKey(settings.publicKeyPem) };
    case 'jwks':
      return {
        algorithm: 'RS256',
        jwks: createJwksKeySource({
          url: settings.jwksUrl,
          cacheTtlMs: settings.jwksCacheTtlMs,
          fetchJson: options.fetchJson,
          now: options.now,
        }),
      };
  }
}
