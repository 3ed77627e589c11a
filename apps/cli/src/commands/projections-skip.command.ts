import { skipPoisonEvent, type Projection } from '@thads/read-models';
import { UsageError } from '../cli-arguments';
import { toJson, withStores, type CliIo } from '../cli-context';

/**
 * `projections skip <name> <position> --reason "…" [--actor <id>]`: passes over a dead-lettered event. Refused without
 * a reason; the skip is recorded with the actor (--actor, else $USER) and the projection resumes after the event.
 */
export async function projectionsSkipCommand(
  io: CliIo,
  projection: Projection,
  positionText: string,
  options: { reason?: string; actor?: string; json: boolean },
): Promise<number> {
  if (!/^\d{1,19}$/.test(positionText))
    throw new UsageError(`<position> must be a log position (a whole number), got "${positionText}"`);
  const reason = options.reason?.trim();
  if (!reason) throw new UsageError('--reason "…" is required: a skip is recorded with why it was done');
  const actor = (options.actor ?? io.env.USER ?? '').trim();
  if (!actor)
    throw new UsageError('--actor <id> is required when $USER is not set: a skip is recorded with who did it');
  return withStores(io, async ({ readModels }) => {
    const record = await skipPoisonEvent(readModels.db, {
      projection: projection.name,
      position: BigInt(positionText),
      reason,
      actor,
    });
    if (options.json) io.stdout.write(`${toJson(record)}\n`);
    else {
      io.stdout.write(
        `Skipped position ${record.position} (${record.eventType} ${record.eventId}) for ${record.projection}, recorded as done by ${record.actor}: ${record.reason}\n` +
          'The projection resumes on its runner’s next control poll.\n',
      );
    }
    return 0;
  });
}
