/** How far one key has got in its current window. */
export interface WindowCount {
  readonly count: number;
  /** Whole seconds until the window ends (at least 1): the Retry-After of a refusal. */
  readonly secondsLeft: number;
}

/**
 * Counts per key in fixed windows that start at a key's first hit. Memory is bounded: at `maxKeys` the ended windows
 * are dropped, and if every window is still running the oldest is dropped (its key starts afresh, which only ever
 * errs towards letting a request through).
 */
export class FixedWindowCounters {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The count of `key` in its running window, without adding to it. */
  peek(key: string): WindowCount {
    const window = this.running(key);
    return this.answer(window?.count ?? 0, window?.endsAt);
  }

  /** Adds one to `key`'s running window (starting one if none) and returns the new count. */
  add(key: string): WindowCount {
    let window = this.running(key);
    if (window === undefined) {
      this.makeRoom();
      window = { count: 0, endsAt: this.now() + this.windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return this.answer(window.count, window.endsAt);
  }

  private running(key: string): { count: number; endsAt: number } | undefined {
    const window = this.windows.get(key);
    if (window === undefined) return undefined;
    if (window.endsAt > this.now()) return window;
    this.windows.delete(key);
    return undefined;
  }

  private makeRoom(): void {
    if (this.windows.size < this.maxKeys) return;
    const now = this.now();
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    // Maps iterate in insertion order: the first key is the window that started longest ago.
    if (this.windows.size >= this.maxKeys) this.windows.delete(this.windows.keys().next().value as string);
  }

  private answer(count: number, endsAt: number | undefined): WindowCount {
    const left = endsAt === undefined ? this.windowMs : endsAt - this.now();
    return { count, secondsLeft: Math.max(1, Math.ceil(left / 1000)) };
  }
}
