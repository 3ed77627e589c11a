import { isLocalDate } from '@thads/domain';
import { sweepDeadlines, vietnamToday } from '@thads/application';
import { createProjector, deadlinesProjection, overdueDeadlines } from '@thads/read-models';
import { UsageError } from '../cli-arguments';
import { toJson, withStores, type CliIo } from '../cli-context';

/** How long to wait for the deadlines read model to catch up before sweeping. */
const CATCH_UP_MS = 60_000;

/**
 * `deadlines sweep [--today YYYY-MM-DD] [--json]`: what the projector process does every DEADLINE_SWEEP_INTERVAL_MS,
 * once, now. It first brings the `deadlines` read model up to the head of the log (safe beside a running projector:
 * checkpoints are guarded), so it works with no projector running. Running it twice records nothing more.
 */
export async function deadlinesSweepCommand(io: CliIo, options: { today?: string; json: boolean }): Promise<number> {
  const today = options.today ?? vietnamToday();
  if (!isLocalDate(today)) throw new UsageError(`--today must be a calendar date YYYY-MM-DD, got "${today}"`);
  return withStores(io, async ({ eventStore, readModels }) => {
    const silent = {
      log: () => undefined,
      warn: (message: string) => io.stderr.write(`${message}\n`),
      error: (message: string) => io.stderr.write(`${message}\n`),
    };
    const projector = createProjector({
      eventStore,
      db: readModels.db,
      projections: [deadlinesProjection],
      logger: silent,
      controlPollMs: 0,
      autoRebuild: false,
    });
    await projector.start();
    try {
      await projector.waitForPosition(await eventStore.headPosition(), CATCH_UP_MS);
    } finally {
      await projector.stop();
    }
    const result = await sweepDeadlines({
      eventStore,
      overdueDeadlines: (day) => overdueDeadlines(readModels.db, day),
      today,
    });
    if (options.json) {
      io.stdout.write(`${toJson(result)}\n`);
      return 0;
    }
    const count = (outcome: string) => result.deadlines.filter((swept) => swept.outcome === outcome).length;
    io.stdout.write(
      `Deadlines due before ${today}: ${count('recorded')} recorded as missed, ${count('unchanged')} unchanged, ${count('refused')} refused\n`,
    );
    for (const swept of result.deadlines) {
      const { stream, kind, level, dueOn } = swept.deadline;
      const detail =
        swept.outcome === 'refused'
          ? ` (${swept.code})`
          : swept.position === undefined
            ? ''
            : ` at position ${swept.position}`;
      io.stdout.write(
        `  ${swept.outcome.padEnd(9)} ${stream} ${kind}${level > 0 ? ` level ${level}` : ''} due ${dueOn}${detail}\n`,
      );
    }
    return 0;
  });
}
