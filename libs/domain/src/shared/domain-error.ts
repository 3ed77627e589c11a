/**
 * A broken business rule. `code` is a stable SCREAMING_SNAKE identifier that clients may branch on;
 * `message` is for people; `details` names the offending field or values.
 * Thrown by deciders and mapped to RFC 9457 problem+json by the API's single exception filter.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** Throws a DomainError with `code` unless `condition` holds. */
export function ensure(
  condition: unknown,
  code: string,
  message: string,
  details?: Record<string, unknown>,
): asserts condition {
  if (!condition) throw new DomainError(code, message, details);
}
