import type { OfficeSuccession } from '@thads/domain';

/** The realm named in every WWW-Authenticate challenge. */
const REALM = 'thads-engine';

/**
 * A request the access guard refused before anything ran: 401 UNAUTHENTICATED (no or bad token, with a
 * WWW-Authenticate challenge, RFC 6750 §3), 403 FORBIDDEN_ROLE, FORBIDDEN_OFFICE or OFFICE_SUCCEEDED. Becomes
 * problem+json.
 */
export class AccessRefused extends Error {
  override readonly name = 'AccessRefused';

  constructor(
    readonly status: 401 | 403,
    readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN_ROLE' | 'FORBIDDEN_OFFICE' | 'OFFICE_SUCCEEDED',
    message: string,
    /** The WWW-Authenticate header of a 401. */
    readonly challenge?: string,
    /** Extra members of the problem document (OFFICE_SUCCEEDED names the successor, date and act). */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

/** No bearer token: the bare challenge (RFC 6750 §3.1: no error code when the request had no credentials). */
export function missingToken(): AccessRefused {
  return new AccessRefused(
    401,
    'UNAUTHENTICATED',
    'This route needs a bearer token: Authorization: Bearer <JWT>',
    `Bearer realm="${REALM}"`,
  );
}

/** A token was sent and refused; the reason is told to the client, it holds no secret. */
export function invalidToken(reason: string): AccessRefused {
  // A header value must be visible ASCII, and a quoted-string may not hold `"` or `\` (RFC 6750 §3): a reason
  // quoting a token's claims (an en dash in `sub`) once made the reply itself fail with a 500.
  const description = reason.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, '?');
  return new AccessRefused(
    401,
    'UNAUTHENTICATED',
    `The bearer token is not accepted: ${reason}`,
    `Bearer realm="${REALM}", error="invalid_token", error_description="${description}"`,
  );
}

/** The token holds none of the roles the route allows. */
export function forbiddenRole(message: string): AccessRefused {
  return new AccessRefused(403, 'FORBIDDEN_ROLE', message);
}

/** The token's roles fit, but not for this office. */
export function forbiddenOffice(message: string): AccessRefused {
  return new AccessRefused(403, 'FORBIDDEN_OFFICE', message);
}

/**
 * The token's office passed the case to a successor on or before the act's date: its staff no longer act on it, the
 * successor's do (docs/domain.md "Offices and succession").
 */
export function officeSucceeded(succession: OfficeSuccession): AccessRefused {
  const { predecessorOfficeId, successorOfficeId, effectiveDate, legalAct } = succession;
  return new AccessRefused(
    403,
    'OFFICE_SUCCEEDED',
    `Office ${predecessorOfficeId} passed its cases to ${successorOfficeId} on ${effectiveDate} (${legalAct.number}); from that date the case is worked by ${successorOfficeId}`,
    undefined,
    { predecessorOfficeId, successorOfficeId, succeededOn: effectiveDate, legalAct: legalAct.number },
  );
}
