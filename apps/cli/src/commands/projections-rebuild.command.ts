import { createProgressBar, rebuildProjection, type Projection } from '@thads/read-models';
import { toJson, withStores, type CliIo } from '../cli-context';

/**
 * `projections rebuild <name> [--force] [--batch-size N]`: replays the log into a new generation with a progress bar
 * on stderr and swaps it in when caught up. A projector running elsewhere keeps serving the old generation until
 * the swap and then continues in the new one.
 */
export async function projectionsRebuildCommand(
  io: CliIo,
  projection: Projection,
  options: { force: boolean; batchSize?: number; json: boolean },
): Promise<number> {
  return withStores(io, async ({ eventStore, readModels }) => {
    const bar = createProgressBar(io.stderr, `Rebuilding ${projection.name}`);
    const started = Date.now();
    const result = await rebuildProjection({
      eventStore,
      db: readModels.db,
      projection,
      force: options.force,
      batchSize: options.batchSize,
      onProgress: (progress) =>
        bar.update(
          progress.position < 0n ? 0n : progress.position,
          progress.headPosition < 0n ? 0n : progress.headPosition,
        ),
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    bar.done(`done in ${seconds} s`);
    if (options.json) io.stdout.write(`${toJson(result)}\n`);
    else {
      io.stdout.write(
        `${result.projection} rebuilt into generation ${result.generation} (version ${result.version}) at position ${result.position}; ` +
          `${result.eventsRead} events read; generation ${result.previousGeneration} dropped\n`,
      );
    }
    return 0;
  });
}
