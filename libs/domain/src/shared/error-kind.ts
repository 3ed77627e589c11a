/**
 * What kind of refusal a DomainError code is, declared beside the code in each aggregate's error table; the API's
 * one exception filter turns the kind into an HTTP status (docs/errors.md). A code never changes kind.
 * - malformed: a value the domain cannot read (400); forbidden: an act of an authority the caller does not hold (403);
 * - not_found: an unknown aggregate (404); conflict: a business rule the current state refuses (409);
 * - unprocessable: well-formed values that contradict each other or point at nothing (422);
 * - stored_data: the recorded history itself cannot be folded; the store, not the request, is at fault (500).
 */
export type DomainErrorKind = 'malformed' | 'forbidden' | 'not_found' | 'conflict' | 'unprocessable' | 'stored_data';
