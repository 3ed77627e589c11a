/**
 * Opaque cursors for keyset paging: the sort key and the row id of the last row of a page, plus the sort they were
 * taken under. Keyset (not offset) paging keeps pages stable while the projector inserts rows between requests.
 */

/** What a cursor remembers: the ordering it belongs to and where the previous page ended. */
export interface KeysetPosition {
  /** The ordering, e.g. `nextDueOn:asc`; a cursor is refused under another one. */
  readonly ordering: string;
  /** The sort-key value of the last row, as stored (text). */
  readonly key: string;
  /** The id of the last row: the tie-breaker, so rows with equal keys are neither skipped nor repeated. */
  readonly id: string;
}

/** Encodes a keyset position as a URL-safe string. */
export function encodeKeysetCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.ordering, position.key, position.id]), 'utf8').toString('base64url');
}

/** Decodes a cursor made by encodeKeysetCursor; null when it is not one (tampered, truncated, another API's). */
export function decodeKeysetCursor(cursor: string): KeysetPosition | null {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(cursor)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((part) => typeof part === 'string')) return null;
  const [ordering, key, id] = parsed as [string, string, string];
  return { ordering, key, id };
}
