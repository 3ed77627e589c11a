import { FixedWindowCounters } from './fixed-window-counters';

/** RATE_LIMIT_* (docs/configuration.md); a limit of 0 is off. */
export interface RateLimitConfig {
  readonly windowSeconds: number;
  readonly commands: number;
  readonly refusedCommands: number;
}

/** Injection token of the API's one CommandRateLimits. */
export const COMMAND_RATE_LIMITS = Symbol('COMMAND_RATE_LIMITS');

/** A command refused because its subject used up a limit; 429 with Retry-After, never recorded. */
export class RateLimited extends Error {
  override readonly name = 'RateLimited';

  constructor(
    readonly limit: 'commands' | 'refused-commands',
    readonly max: number,
    readonly windowSeconds: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      limit === 'commands'
        ? `More than ${max} commands in ${windowSeconds} s from this caller; retry after ${retryAfterSeconds} s`
        : `${max} refused commands in ${windowSeconds} s from this caller; no further command is taken for ${retryAfterSeconds} s`,
    );
  }
}

/**
 * The limits on commands, per subject: a verified token's `sub`, or the client's IP address for a request without a
 * valid token. Refusals are counted where they are recorded (each one appends an event), so the log of refused
 * commands grows by at most `refusedCommands` per subject and window; once that is reached, every command of the
 * subject waits for the window to end. In-process counters: with several API processes, each counts its own.
 */
export class CommandRateLimits {
  private readonly commands: FixedWindowCounters;
  private readonly refusals: FixedWindowCounters;

  constructor(
    private readonly config: RateLimitConfig,
    now: () => number = Date.now,
  ) {
    this.commands = new FixedWindowCounters(config.windowSeconds * 1000, undefined, now);
    this.refusals = new FixedWindowCounters(config.windowSeconds * 1000, undefined, now);
  }

  /** Counts one command of `caller`; throws RateLimited when the caller is over either limit. */
  admitCommand(caller: string): void {
    const { refusedCommands, commands, windowSeconds } = this.config;
    if (refusedCommands > 0) {
      const refused = this.refusals.peek(caller);
      if (refused.count >= refusedCommands)
        throw new RateLimited('refused-commands', refusedCommands, windowSeconds, refused.secondsLeft);
    }
    if (commands > 0) {
      const sent = this.commands.add(caller);
      if (sent.count > commands) throw new RateLimited('commands', commands, windowSeconds, sent.secondsLeft);
    }
  }

  /** Counts a refused command of `caller` that was recorded. */
  recordRefusal(caller: string): void {
    if (this.config.refusedCommands > 0) this.refusals.add(caller);
  }
}

/** The key a caller is counted under: its verified subject, else its IP address. */
export function callerKey(subject: string | undefined, ip: string): string {
  return subject !== undefined ? `sub:${subject}` : `ip:${ip}`;
}
