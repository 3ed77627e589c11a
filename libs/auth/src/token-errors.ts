/**
 * A bearer token this server does not accept: malformed, badly signed, expired, not yet valid, for another issuer or
 * audience, or signed with an algorithm other than the configured one. `reason` is safe to tell the client.
 */
export class InvalidToken extends Error {
  override readonly name = 'InvalidToken';
}

/**
 * The JWKS endpoint could not be read and no cached key fits. Not the client's fault (503), so it is not an
 * InvalidToken: a client must not throw its token away because the identity provider is briefly down.
 */
export class SigningKeysUnavailable extends Error {
  override readonly name = 'SigningKeysUnavailable';
}
