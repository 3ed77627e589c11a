/**
 * Tells other processes' live subscriptions that appends committed: a NOTIFY after the commits, not inside each
 * append. A NOTIFY inside a transaction serialises that transaction's commit with every other notifying one (a
 * cluster-wide lock held through the commit's WAL flush), which took PostgreSQL's group commit away from concurrent
 * appends and halved their rate. Here at most one NOTIFY is in flight per store; appends that commit meanwhile are
 * announced by the next one. Subscribers also poll, so a NOTIFY lost to a crash costs at most one poll interval.
 */
import type { Pool } from 'pg';

/** Coalesces announcements of one store's commits into as few NOTIFYs as keep up. */
export class CommitAnnouncer {
  private inFlight: Promise<void> | undefined;
  private pending = false;

  constructor(
    private readonly pool: Pick<Pool, 'query'>,
    private readonly channel: string,
  ) {}

  /** Announces every commit made before this call, soon. Never rejects (a failed NOTIFY leaves it to the polls). */
  announce(): void {
    if (this.inFlight) {
      this.pending = true;
      return;
    }
    this.inFlight = this.send();
  }

  /** Resolves once no NOTIFY is in flight (close() waits for it before ending the pool). */
  async settled(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  private async send(): Promise<void> {
    do {
      this.pending = false;
      await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, '']).catch(() => undefined);
    } while (this.pending);
    this.inFlight = undefined;
  }
}
