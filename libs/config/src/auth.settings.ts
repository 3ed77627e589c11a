import { Setting, WholeNumber } from './setting';

const SECTION = 'Authentication';

/**
 * How bearer tokens are verified. At most one of the four key variables may be set (checked by loadAuthSettings, which
 * also reads the key); with none the API uses a development secret, refused when NODE_ENV=production.
 */
export class AuthSettingsSchema {
  @Setting(SECTION, {
    apps: ['api', 'cli'],
    description:
      'HS256 shared secret (≥ 32 bytes). At most one of `AUTH_JWT_SECRET`, `AUTH_JWT_PUBLIC_KEY`, `AUTH_JWT_PUBLIC_KEY_FILE`, `AUTH_JWKS_URL` may be set; with none the API signs and verifies with a development secret generated in `<DATA_DIR>/dev-jwt-secret` (0600; a looser file is refused), and with `NODE_ENV=production` it refuses to start.',
  })
  readonly AUTH_JWT_SECRET?: string;

  @Setting(SECTION, { apps: ['api', 'cli'], description: 'RS256 public key, PEM text (RSA ≥ 2048 bits).' })
  readonly AUTH_JWT_PUBLIC_KEY?: string;

  @Setting(SECTION, { apps: ['api', 'cli'], description: 'RS256 public key, path of a PEM file.' })
  readonly AUTH_JWT_PUBLIC_KEY_FILE?: string;

  @Setting(SECTION, {
    apps: ['api', 'cli'],
    description:
      'RS256 keys published by the identity provider (https://; plain http only to 127.0.0.1/localhost), chosen by `kid`.',
  })
  readonly AUTH_JWKS_URL?: string;

  @Setting(SECTION, {
    apps: ['api', 'cli'],
    default: '600000',
    description: 'How long fetched JWKS keys are kept, 1000–86400000.',
  })
  @WholeNumber(1_000, 86_400_000)
  readonly AUTH_JWKS_CACHE_TTL_MS!: number;

  @Setting(SECTION, { apps: ['api', 'cli'], description: "When set, a token's `iss` must equal it." })
  readonly AUTH_JWT_ISSUER?: string;

  @Setting(SECTION, { apps: ['api', 'cli'], description: "When set, a token's `aud` must contain it." })
  readonly AUTH_JWT_AUDIENCE?: string;

  @Setting(SECTION, { apps: ['api', 'cli'], default: '30', description: 'Tolerance on `exp`, `nbf`, `iat`, 0–300.' })
  @WholeNumber(0, 300)
  readonly AUTH_CLOCK_SKEW_SECONDS!: number;

  @Setting(SECTION, {
    apps: ['api', 'cli'],
    default: '86400',
    description:
      'Longest token lifetime accepted, 60–2592000 s: a token whose `exp` lies further than this after its `iat` (or, without `iat`, after now) is refused with 401. `npm run cli -- token --ttl` can mint no longer.',
  })
  @WholeNumber(60, 2_592_000)
  readonly AUTH_MAX_TOKEN_LIFETIME_SECONDS!: number;
}
