import { Setting, WholeNumber } from './setting';

const SECTION = 'Rate limits';

/**
 * Commands per subject (the token's `sub`; the client's IP address without a valid token), counted in fixed windows.
 * Refused commands have their own, stricter limit: each one is recorded in the log of refused commands, so without it
 * any token holder could grow the store without bound.
 */
export class RateLimitSettings {
  @Setting(SECTION, {
    apps: ['api'],
    default: '60',
    description: 'Length of the window the two limits below count in, 1–3600 s.',
  })
  @WholeNumber(1, 3_600)
  readonly RATE_LIMIT_WINDOW_SECONDS!: number;

  @Setting(SECTION, {
    apps: ['api'],
    default: '600',
    description:
      'Commands (POST) one subject may send per window; more are refused with `429 RATE_LIMITED` and `Retry-After`, nothing recorded. `0` turns the limit off (a bulk importer with its own throttle).',
  })
  @WholeNumber(1, 100_000_000, { orZero: true })
  readonly RATE_LIMIT_COMMANDS!: number;

  @Setting(SECTION, {
    apps: ['api'],
    default: '120',
    description:
      'Refused commands (each recorded as `CommandRejected`) one subject may cause per window; once reached, every further command of that subject is `429 RATE_LIMITED` until the window ends, and nothing more is recorded. `0` turns the limit off.',
  })
  @WholeNumber(1, 100_000_000, { orZero: true })
  readonly RATE_LIMIT_REFUSED_COMMANDS!: number;
}
