/**
 * The API refused the feed request in a way waiting will not fix (400, 401, 403, 404, …): the consumer stops and
 * says why, with the problem+json `code` when the answer had one.
 */
export class FeedRequestError extends Error {
  override readonly name = 'FeedRequestError';
  constructor(
    readonly status: number,
    /** The problem's stable `code` (docs/errors.md), when the body was problem+json. */
    readonly code: string | undefined,
    detail: string,
  ) {
    super(`The feed answered ${status}${code ? ` ${code}` : ''}: ${detail}`);
  }
}
