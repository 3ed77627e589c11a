/**
 * Tells other processes' live subscriptions that appends committed: a NOTIFY after the commits, not inside each
 * append. A NOTIFY inside a transaction serialises that transaction's commit with every other notifying one (a
 * cluster-wide lock held through the commit's WAL flush), which took PostgreSQL's group commit away from concurrent
 * appends and halved their rate. Here at most one NOTIFY is in flight per store, and NOTIFYs start at least
 * `spacingMs` apart: under a steady load one NOTIFY announces every append committed since the last, where a NOTIFY
 * per round trip cost about one statement in eight (docs/performance.md). After a quiet spell the first is sent at
 * once. Subscribers also poll, so a NOTIFY lost to a crash costs at most one poll interval.
 */
import type { Pool } from 'pg';

/** Default spacing: what a subscriber in another process may wait longer under load; nothing when appends are sparse. */
export const NOTIFY_SPACING_MS = 5;

/** Coalesces announcements of one store's commits into at most one NOTIFY per spacing. */
export class CommitAnnouncer {
  private inFlight: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pending = false;
  private lastSentAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly pool: Pick<Pool, 'query'>,
    private readonly channel: string,
    private readonly spacingMs = NOTIFY_SPACING_MS,
  ) {}

  /** Announces every commit made before this call, soon. Never rejects (a failed NOTIFY leaves it to the polls). */
  announce(): void {
    this.pending = true;
    if (this.inFlight || this.timer) return;
    const wait = this.lastSentAt + this.spacingMs - performance.now();
    if (wait <= 0) {
      this.inFlight = this.send();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.inFlight = this.send();
    }, wait);
  }

  /** Sends what is still due without waiting out the spacing, and resolves once no NOTIFY is in flight (close()). */
  async settled(): Promise<void> {
    while (this.inFlight || this.timer) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.inFlight = this.send();
      }
      await this.inFlight;
    }
  }

  private async send(): Promise<void> {
    this.pending = false;
    this.lastSentAt = performance.now();
    await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, '']).catch(() => undefined);
    this.inFlight = undefined;
    // Appends that committed while this NOTIFY was on its way need one more.
    if (this.pending) this.announce();
  }
}
