import { DomainError, type DomainErrorKind } from '@thads/domain';

/**
 * The two times of a bitemporal replay (docs/architecture.md, auditor row):
 * - `asKnownAt`: what the system knew then. Only events recorded at or before it (metadata.recordedAt) take part.
 * - `asOf`: the legal date. Of those, only events whose effectiveDate is on or before it are folded.
 * A late-recorded correction with an early effective date therefore shows in an asOf replay only when asKnownAt is
 * after its recording. Either may be absent: no asKnownAt means "as known now", no asOf means "every effective date".
 */
export interface ReplayWindow {
  /** `YYYY-MM-DD`, the legal date in Asia/Ho_Chi_Minh. */
  readonly asOf?: string;
  /** An ISO-8601 instant with a zone (`Z` or `±hh:mm`). */
  readonly asKnownAt?: string;
}

/** Error codes of the bitemporal replay queries, for docs/errors.md, with their kinds (the HTTP status follows). */
export const REPLAY_WINDOW_ERROR_CODES = {
  INVALID_REPLAY_WINDOW:
    'asOf is not a real date YYYY-MM-DD, or asKnownAt is not an ISO-8601 instant with a zone (details.param).',
} as const;
export const REPLAY_WINDOW_ERROR_KINDS = {
  INVALID_REPLAY_WINDOW: 'malformed',
} as const satisfies Record<keyof typeof REPLAY_WINDOW_ERROR_CODES, DomainErrorKind>;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Checks a replay window's parameters; throws INVALID_REPLAY_WINDOW naming the parameter (`asOf`, `asKnownAt`), so
 * the edge can say which one is wrong (400). `names` lets the CLI name its flags instead.
 */
export function checkReplayWindow(
  window: ReplayWindow,
  names: { asOf: string; asKnownAt: string } = { asOf: 'asOf', asKnownAt: 'asKnownAt' },
): ReplayWindow {
  if (window.asOf !== undefined && !isRealDate(window.asOf)) {
    throw new DomainError('INVALID_REPLAY_WINDOW', `${names.asOf} must be a date YYYY-MM-DD, got "${window.asOf}"`, {
      param: names.asOf,
    });
  }
  if (
    window.asKnownAt !== undefined &&
    (!INSTANT.test(window.asKnownAt) || Number.isNaN(Date.parse(window.asKnownAt)))
  ) {
    throw new DomainError(
      'INVALID_REPLAY_WINDOW',
      `${names.asKnownAt} must be an ISO-8601 timestamp with a zone, e.g. 2026-03-01T10:00:00Z, got "${window.asKnownAt}"`,
      { param: names.asKnownAt },
    );
  }
  return window;
}

function isRealDate(text: string): boolean {
  if (!LOCAL_DATE.test(text)) return false;
  // A calendar check: 2026-02-30 parses in JS as March 2nd, so compare the round trip.
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}
