/**
 * Commands on one stream, in one process, run one at a time (in arrival order); commands on different streams still
 * run side by side. Without this, N concurrent writers of one hot case all load the same revision, one wins each round
 * and the rest retry: with 16 writers over half of them ran out of attempts (409 CONCURRENCY_CONFLICT) although none
 * of their commands conflicted. Queued, each loads the head its predecessor left and appends first time. Writers in
 * other processes (API replicas, the CLI) are still ordered by the store's expected-revision check and the retry.
 */
const lanes = new WeakMap<object, Map<string, Promise<unknown>>>();

/** Runs `work` after every earlier call for the same store and stream has settled. */
export function inStreamLane<T>(store: object, stream: string, work: () => Promise<T>): Promise<T> {
  let byStream = lanes.get(store);
  if (!byStream) lanes.set(store, (byStream = new Map()));
  const previous = byStream.get(stream) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  byStream.set(stream, tail);
  // Forget an idle lane, so the map holds only streams with commands in flight.
  void tail.then(() => {
    if (byStream.get(stream) === tail) byStream.delete(stream);
  });
  return run;
}
