/**
 * Group commit on PostgreSQL: at most `statementsInFlight` one-event appends run at once. Appends that arrive while
 * every slot is busy wait, and the next free slot sends them together as one statement (appendGroupInOneStatement):
 * one round trip, one transaction, one WAL flush for all of them. With a slot free an append goes at once and alone,
 * so grouping adds no latency to a store that is not busy. Per append, the statement's round trip and execution and
 * the commit were most of the cost (docs/performance.md, change 25); a group pays them once.
 */
import type { GroupCommitStats } from '../group-commit-stats';
import type { ValidatedAppend } from '../metadata';
import type { AppendOutcome } from './append-statement';

/** Limits of the groups. */
export interface AppendGroupsOptions {
  /** Append statements running at once; the rest wait and are grouped. At most the pool's size. */
  readonly statementsInFlight: number;
  /** Most appends in one statement. */
  readonly maxGroupSize: number;
}

/** How the groups reach the database: one append alone, or several one-event appends to distinct streams. */
export interface AppendStatements {
  alone(request: ValidatedAppend): Promise<AppendOutcome>;
  group(requests: readonly ValidatedAppend[]): Promise<PromiseSettledResult<AppendOutcome>[]>;
}

interface WaitingAppend {
  readonly request: ValidatedAppend;
  readonly resolve: (outcome: AppendOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/** The queue of one-event appends and its statement slots. */
export class AppendGroups {
  private readonly waiting: WaitingAppend[] = [];
  private inFlight = 0;
  private stats: GroupCommitStats = { transactions: 0, appends: 0, largestGroup: 0 };

  constructor(
    private readonly statements: AppendStatements,
    private readonly options: AppendGroupsOptions,
  ) {}

  /** Settles as the append's own statement would: its outcome, or its refusal or error. */
  append(request: ValidatedAppend): Promise<AppendOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  /** Statements sent (a group that failed and was sent again one by one counts each) and the appends they carried. */
  groupCommitStats(): GroupCommitStats {
    return this.stats;
  }

  private dispatch(): void {
    while (this.inFlight < this.options.statementsInFlight && this.waiting.length > 0) {
      const group = this.takeGroup();
      this.inFlight++;
      void this.send(group).finally(() => {
        this.inFlight--;
        this.dispatch();
      });
    }
  }

  /** The oldest waiting appends, one per stream (one statement cannot chain two appends of a stream), in order. */
  private takeGroup(): WaitingAppend[] {
    const streams = new Set<string>();
    const group: WaitingAppend[] = [];
    const rest: WaitingAppend[] = [];
    for (const waiting of this.waiting) {
      if (group.length < this.options.maxGroupSize && !streams.has(waiting.request.stream)) {
        streams.add(waiting.request.stream);
        group.push(waiting);
      } else {
        rest.push(waiting);
      }
    }
    this.waiting.splice(0, this.waiting.length, ...rest);
    return group;
  }

  private async send(group: readonly WaitingAppend[]): Promise<void> {
    if (group.length === 1) return this.sendAlone(group[0]);
    this.count(group.length);
    let settled: PromiseSettledResult<AppendOutcome>[];
    try {
      settled = await this.statements.group(group.map((waiting) => waiting.request));
    } catch {
      // One append's unique violation (a replayed id, another process's writer) aborts the whole statement, as does
      // a lost connection: each append goes again alone and meets its own outcome.
      await Promise.all(group.map((waiting) => this.sendAlone(waiting)));
      return;
    }
    settled.forEach((outcome, index) => {
      if (outcome.status === 'fulfilled') group[index].resolve(outcome.value);
      else group[index].reject(outcome.reason);
    });
  }

  private async sendAlone(waiting: WaitingAppend): Promise<void> {
    this.count(1);
    try {
      waiting.resolve(await this.statements.alone(waiting.request));
    } catch (error) {
      waiting.reject(error);
    }
  }

  private count(appends: number): void {
    this.stats = {
      transactions: this.stats.transactions + 1,
      appends: this.stats.appends + appends,
      largestGroup: Math.max(this.stats.largestGroup, appends),
    };
  }
}
