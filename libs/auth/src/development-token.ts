import type { AuthSettings } from './auth-settings';
import { readOrCreateDevelopmentSecret } from './development-secret';
import { signJwt } from './jwt-encoding';
import type { Role } from './roles';

/** Why no development token can be minted under these settings, or undefined when it can. */
export function whyNoDevelopmentTokens(settings: AuthSettings): string | undefined {
  switch (settings.mode) {
    case 'development-secret':
      return undefined;
    case 'shared-secret':
      return 'AUTH_JWT_SECRET is set: tokens are verified with a configured secret, so they must come from whoever holds it (your identity provider), not from this CLI';
    case 'public-key':
      return 'AUTH_JWT_PUBLIC_KEY(_FILE) is set: tokens are RS256 from your identity provider; this CLI cannot sign them';
    case 'jwks':
      return 'AUTH_JWKS_URL is set: tokens are RS256 from your identity provider; this CLI cannot sign them';
  }
}

export interface DevelopmentTokenRequest {
  readonly subject: string;
  readonly roles: readonly Role[];
  readonly offices: readonly string[];
  readonly ttlSeconds: number;
  /** Milliseconds since the epoch; the token is valid from then. */
  readonly now: number;
}

/**
 * Signs a token with the development secret (creating it if the API has not started yet). Throws with the reason when
 * the settings use anything else: a development token must never be accepted by a production configuration.
 */
export function mintDevelopmentToken(settings: AuthSettings, request: DevelopmentTokenRequest): string {
  const refusal = whyNoDevelopmentTokens(settings);
  if (refusal !== undefined || settings.mode !== 'development-secret')
    throw new Error(`No development token: ${refusal}`);
  const { secret } = readOrCreateDevelopmentSecret(settings.secretFile);
  const issuedAt = Math.floor(request.now / 1000);
  return signJwt(
    {
      sub: request.subject,
      roles: request.roles,
      offices: request.offices,
      iat: issuedAt,
      exp: issuedAt + request.ttlSeconds,
      ...(settings.issuer !== undefined ? { iss: settings.issuer } : {}),
      ...(settings.audience !== undefined ? { aud: settings.audience } : {}),
    },
    { algorithm: 'HS256', secret },
  );
}
