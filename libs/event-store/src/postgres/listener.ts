/**
 * LISTEN on the store's channel, so live subscriptions wake when any process commits an append. A dedicated client
 * (not a pooled one: a pooled connection would be handed to queries and its LISTEN state lost). If it cannot connect
 * or drops, subscriptions fall back to their bounded poll, and the next subscription read tries again.
 */
import { Client, type ClientConfig } from 'pg';

/** Manages the one listening connection of a store. */
export class NotificationListener {
  private current: Promise<Client | undefined> | undefined;
  private retryAfter = 0;
  private closed = false;

  /**
   * @param config connection settings (the store's pool settings)
   * @param channel the channel appends notify
   * @param onWake called on every notification, and after a (re)connect, when commits may have been missed
   * @param retryDelayMs after a failed connect, how long ensure() waits before trying again (the poll interval)
   */
  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly onWake: () => void,
    private readonly retryDelayMs: number,
  ) {}

  /** Resolves once LISTEN is in place, or at once when it cannot be (the caller then relies on polling). Never rejects. */
  async ensure(): Promise<void> {
    if (this.closed) return;
    if (!this.current && Date.now() >= this.retryAfter) {
      const attempt: Promise<Client | undefined> = this.connect(() => {
        if (this.current === attempt) this.current = undefined;
      });
      this.current = attempt;
    }
    await this.current;
  }

  /** Ends the listening connection. */
  async close(): Promise<void> {
    this.closed = true;
    const client = await this.current;
    this.current = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Connects and LISTENs; `forget` clears this attempt so the next ensure() starts a new one. */
  private async connect(forget: () => void): Promise<Client | undefined> {
    const client = new Client(this.config);
    let dropped = false;
    const drop = () => {
      if (dropped) return;
      dropped = true;
      forget();
      this.retryAfter = Date.now() + this.retryDelayMs;
      client.end().catch(() => undefined);
    };
    client.on('error', drop);
    client.on('end', drop);
    client.on('notification', () => this.onWake());
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
    } catch {
      drop();
      return undefined;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return undefined;
    }
    // Commits made while no one was listening were not announced: let waiting subscriptions re-read.
    this.onWake();
    return client;
  }
}
