/**
 * The least recently used folded streams the command path keeps (stream-states.ts), bounded twice: by streams, and
 * by the events folded into them. A case's state and its command index grow with its history (a 5,000-event case
 * holds about a megabyte), so a count alone would let a few thousand long cases fill the heap.
 */
export interface CacheLimits {
  /** Most streams kept. */
  readonly streams: number;
  /** Most events folded into the kept streams, summed: a proxy for their size. */
  readonly events: number;
}

export const STREAM_STATE_CACHE_LIMITS: CacheLimits = { streams: 5_000, events: 250_000 };

/** A Map in recency order (oldest first) that knows the events its entries hold. */
export class RecentStreams<Value extends { readonly revision: bigint | undefined }> {
  private readonly entries = new Map<string, Value>();
  private events = 0;

  constructor(private readonly limits: CacheLimits = STREAM_STATE_CACHE_LIMITS) {}

  get(stream: string): Value | undefined {
    return this.entries.get(stream);
  }

  /** Keeps `value` as the newest entry, then drops the oldest ones beyond the limits (never the one just kept). */
  set(stream: string, value: Value): void {
    this.delete(stream);
    this.entries.set(stream, value);
    this.events += eventsIn(value);
    while (this.entries.size > 1 && (this.entries.size > this.limits.streams || this.events > this.limits.events))
      this.delete(this.entries.keys().next().value as string);
  }

  /** How many streams and events are kept, for tests. */
  get size(): { readonly streams: number; readonly events: number } {
    return { streams: this.entries.size, events: this.events };
  }

  private delete(stream: string): void {
    const old = this.entries.get(stream);
    if (old === undefined) return;
    this.entries.delete(stream);
    this.events -= eventsIn(old);
  }
}

function eventsIn(value: { readonly revision: bigint | undefined }): number {
  return value.revision === undefined ? 0 : Number(value.revision) + 1;
}
