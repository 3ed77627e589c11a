/**
 * Wakes feed readers when the projector in this process has committed a batch, so a live SSE client sees a change
 * at once instead of at its next poll. Changes committed by another process (a standalone worker, a CLI rebuild)
 * are not signalled here: readers also poll, with a bound.
 */
export class ChangeSignal {
  private count = 0;
  private readonly sleepers = new Set<() => void>();

  /** How many batches were signalled so far; pass it to `waitForChange` to miss none signalled meanwhile. */
  get version(): number {
    return this.count;
  }

  /** A batch committed: wake every waiter. */
  notify(): void {
    this.count += 1;
    for (const wake of [...this.sleepers]) wake();
  }

  /**
   * Resolves when a batch is signalled after `sinceVersion` (at once if one already was), after `timeoutMs`, or when
   * `abort` fires, whichever comes first. Never rejects.
   */
  waitForChange(sinceVersion: number, timeoutMs: number, abort?: AbortSignal): Promise<void> {
    if (this.count !== sinceVersion || abort?.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        abort?.removeEventListener('abort', wake);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      abort?.addEventListener('abort', wake);
      this.sleepers.add(wake);
    });
  }
}
