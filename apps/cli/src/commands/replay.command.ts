import { checkReplayWindow, readWholeStream, replayCase, streamNameOf, type ReplayStep } from '@thads/application';
import { DomainError } from '@thads/domain';
import { UsageError, type CliFlags } from '../cli-arguments';
import { toJson, withStores, type CliIo } from '../cli-context';

/**
 * `replay <caseId> [--as-of <date>] [--as-known-at <timestamp>] [--json]`: the same bitemporal replay as
 * GET /api/v1/cases/{id}/history, read from the event store. Human output is one line per step, then the state.
 */
export async function replayCommand(io: CliIo, caseId: string, flags: CliFlags): Promise<number> {
  const window = windowOf(flags);
  return withStores(io, async ({ eventStore }) => {
    const events = await readWholeStream(eventStore, streamNameOf('case', caseId));
    if (!events.length) throw new Error(`No case with id ${caseId}`);
    const replay = replayCase(caseId, events, window);
    if (flags.json) {
      io.stdout.write(`${toJson(replay)}\n`);
      return 0;
    }
    io.stdout.write(
      `Case ${caseId} as of ${replay.asOf ?? 'every date'}, as known at ${replay.asKnownAt ?? 'now'}: ${replay.steps.length} of ${events.length} events\n`,
    );
    for (const step of replay.steps) io.stdout.write(`${stepLine(step)}\n`);
    io.stdout.write(`State: ${replay.steps.length ? replay.state.status : 'no events in this window'}\n`);
    return 0;
  });
}

/** `#3 2018-03-20 (recorded 2026-…Z) EnforcementConditionsVerified by chv-1 (officer, HP) [Law 2008 Art. 44] — reason` */
function stepLine(step: ReplayStep): string {
  const office = step.actor.officeId ? `, ${step.actor.officeId}` : '';
  const basis = step.legalBasis ? ` [${step.legalBasis}]` : '';
  const reason = step.reason ? ` — ${step.reason}` : '';
  return `#${step.revision} ${step.effectiveDate ?? '----------'} (recorded ${step.recordedAt}) ${step.type} by ${step.actor.id} (${step.actor.role}${office})${basis} command ${step.commandId}${reason}`;
}

function windowOf(flags: CliFlags) {
  try {
    return checkReplayWindow(
      { asOf: flags.asOf, asKnownAt: flags.asKnownAt },
      { asOf: '--as-of', asKnownAt: '--as-known-at' },
    );
  } catch (error) {
    if (error instanceof DomainError) throw new UsageError(error.message);
    throw error;
  }
}
