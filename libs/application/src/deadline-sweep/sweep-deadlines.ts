/**
 * The deadline sweep: records every legal deadline that passed without its act, exactly once.
 *
 * Candidates come from a port the apps wire to the `deadlines` read model (open, due before today, no miss
 * recorded). Each one becomes a RecordMissedDeadline command through the one command path (executeCommand), so the
 * decider has the last word:
 *
 * - The decider records a deadline once and only while it is still open; a miss already recorded, a deadline met
 *   meanwhile, or a case that moved on gives no events. A read model that lags, a second sweep, a sweep in another
 *   process or with another command id therefore adds nothing.
 * - The command id is derived from the deadline (`deadline-sweep:<stream>:<kind>:<dueOn>`, with `L<level>` for
 *   complaints): of two sweeps racing on the same stream one wins the revision, and the other reloads, finds the
 *   same command id already there and writes nothing.
 */
import { DomainError, type CaseDeadline, type ComplaintDeadline, type LocalDate } from '@thads/domain';
import { streamCategory, type EventStore } from '@thads/event-store';
import { complaintAggregate } from '../aggregates/definitions';
import type { CommandContext } from '../command-handling/command-context';
import { fingerprintOf } from '../command-handling/command-fingerprint';
import { executeCommand } from '../command-handling/execute-command';

/** An open deadline whose last day has passed and whose miss is not recorded yet (a row of the deadlines model). */
export interface OverdueDeadline {
  readonly stream: string;
  readonly aggregateId: string;
  readonly caseId: string;
  readonly kind: string;
  /** Complaint level 1 or 2; 0 for case deadlines. */
  readonly level: number;
  readonly dueOn: string;
}

/**
 * The sweep's port onto the read side: open deadlines due before `today` with no miss recorded. The read model may
 * lag the log; the decider then answers a met or recorded deadline with no events.
 */
export type OverdueDeadlines = (today: LocalDate) => Promise<readonly OverdueDeadline[]>;

/** Who the sweep acts as: a system actor, so the audit trail tells its events from people's. */
export const DEADLINE_SWEEP_ACTOR = { id: 'deadline-sweep', role: 'system' } as const;

/** Options of sweepDeadlines. */
export interface SweepDeadlinesOptions {
  readonly eventStore: EventStore;
  readonly overdueDeadlines: OverdueDeadlines;
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
  const candidates = await options.overdueDeadlines(options.today);
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
  // The miss of a deadline is the same command whatever day it is detected on: the fingerprint is the deadline's.
  const context: CommandContext = {
    actor: DEADLINE_SWEEP_ACTOR,
    commandId,
    correlationId: commandId,
    fingerprint: fingerprintOf(commandId),
  };
  const data = { dueOn: deadline.dueOn, effectiveDate: options.today };
  try {
    const result = isComplaint(deadline)
      ? await executeCommand(
          options.eventStore,
          {
            aggregate: 'complaint',
            id: deadline.aggregateId,
            command: {
              type: 'RecordMissedDeadline',
              data: Object.assign({}, data, { deadline: deadline.kind as ComplaintDeadline }),
            },
          },
          context,
        )
      : await executeCommand(
          options.eventStore,
          {
            aggregate: 'case',
            id: deadline.aggregateId,
            command: {
              type: 'RecordMissedDeadline',
              data: Object.assign({}, data, { deadline: deadline.kind as CaseDeadline }),
            },
          },
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
