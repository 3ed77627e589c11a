/**
 * The deadline sweep (issue 3 item 3): records every legal deadline that passed without its act, exactly once.
 *
 * Candidates come from the `deadlines` read model (open, due before today, no miss recorded). Each one becomes a
 * RecordMissedDeadline command through the one command path (handleCommand), so the decider has the last word:
 *
 * - The decider records a deadline once and only while it is still open; a miss already recorded, a deadline met
 *   meanwhile, or a case that moved on gives no events. A read model that lags, a second sweep, a sweep in another
 *   process or with another command id therefore adds nothing.
 * - The command id is derived from the deadline (`deadline-sweep:<stream>:<kind>:<dueOn>`, with `L<level>` for
 *   complaints), and event ids from the command id: two sweeps racing on the same stream append the same event ids
 *   at the same revision, which the store's idempotent append turns into one event.
 */
import type { Kysely } from 'kysely';
import { caseAggregate, complaintAggregate } from '@thads/application/aggregates/definitions';
import type { CommandContext } from '@thads/application/command-handling/command-context';
import { handleCommand } from '@thads/application/command-handling/handle-command';
import { DomainError, type CaseDeadline, type ComplaintDeadline, type LocalDate } from '@thads/domain';
import { streamCategory, type EventStore } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import { overdueDeadlines, type OverdueDeadline } from '../deadlines/deadlines.queries';

/** Who the sweep acts as: a system actor, so the audit trail tells its events from people's. */
export const DEADLINE_SWEEP_ACTOR = { id: 'deadline-sweep', role: 'system' } as const;

/** Options of sweepDeadlines. */
export interface SweepDeadlinesOptions {
  readonly eventStore: EventStore;
  /** The process's read-model connection (one per process). */
  readonly db: Kysely<ReadModelDatabase>;
  /** Today in Asia/Ho_Chi_Minh (read at the edge): deadlines due before it are missed; it is the detection date. */
  readonly today: LocalDate;
}

/** A deadline the sweep looked at and what came of it. */
export interface SweptDeadline {
  readonly deadline: OverdueDeadline;
  readonly commandId: string;
  /**
   * recorded: the miss is now in the log under this sweep's command id (appended by this run, or by a twin that raced
   * it with the same id); unchanged: recorded before, met, or moved on; refused: the decider said no.
   */
  readonly outcome: 'recorded' | 'unchanged' | 'refused';
  /** The log position of the miss when recorded: wait for it to read the updated read models. */
  readonly position?: bigint;
  /** The DomainError code when refused. */
  readonly code?: string;
}

/** What one sweep did. */
export interface SweepResult {
  readonly today: LocalDate;
  readonly deadlines: readonly SweptDeadline[];
  /** How many deadlines came out `recorded`. */
  readonly recorded: number;
}

/**
 * Sweeps once: every overdue open deadline goes through the decider. A DomainError on one deadline (a deadline date
 * outside the holiday calendar, say) is reported and the sweep goes on; an infrastructure error stops it, and the
 * next sweep retries from the read model.
 */
export async function sweepDeadlines(options: SweepDeadlinesOptions): Promise<SweepResult> {
  const candidates = await overdueDeadlines(options.db, options.today);
  const deadlines: SweptDeadline[] = [];
  for (const deadline of candidates) deadlines.push(await recordMissedDeadline(options, deadline));
  return {
    today: options.today,
    deadlines,
    recorded: deadlines.filter((swept) => swept.outcome === 'recorded').length,
  };
}

/** The command id of a deadline's miss: the same deadline always gives the same id. */
export function sweepCommandId(deadline: OverdueDeadline): string {
  const level = isComplaint(deadline) ? `:L${deadline.level}` : '';
  return `deadline-sweep:${deadline.stream}:${deadline.kind}${level}:${deadline.dueOn}`;
}

async function recordMissedDeadline(options: SweepDeadlinesOptions, deadline: OverdueDeadline): Promise<SweptDeadline> {
  const commandId = sweepCommandId(deadline);
  const context: CommandContext = { actor: DEADLINE_SWEEP_ACTOR, commandId, correlationId: commandId };
  const data = { dueOn: deadline.dueOn, effectiveDate: options.today };
  try {
    const result = isComplaint(deadline)
      ? await handleCommand(
          options.eventStore,
          complaintAggregate,
          deadline.aggregateId,
          { type: 'RecordMissedDeadline', data: { ...data, deadline: deadline.kind as ComplaintDeadline } },
          context,
        )
      : await handleCommand(
          options.eventStore,
          caseAggregate,
          deadline.aggregateId,
          { type: 'RecordMissedDeadline', data: { ...data, deadline: deadline.kind as CaseDeadline } },
          context,
        );
    const recorded = !result.replayed && result.events.length > 0;
    return recorded
      ? { deadline, commandId, outcome: 'recorded', position: result.position }
      : { deadline, commandId, outcome: 'unchanged' };
  } catch (error) {
    if (error instanceof DomainError) return { deadline, commandId, outcome: 'refused', code: error.code };
    throw error;
  }
}

function isComplaint(deadline: OverdueDeadline): boolean {
  return streamCategory(deadline.stream) === complaintAggregate.category;
}
