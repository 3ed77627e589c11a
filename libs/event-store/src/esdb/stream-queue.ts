/**
 * Runs tasks one at a time per key, in call order. The ESDB adapter queues appends per stream so that appends issued
 * together from one process apply in call order, each seeing the previous (the port's promise, which SQLite keeps by
 * its group commit). Without it they would race over the network and all but one would fail their revision check.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Starts `task` once every task queued earlier under `key` has settled; a failure does not block the next. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    // Forget an idle key, so the map holds only streams with appends in flight.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Settles once every task queued so far has settled. */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
