/**
 * A mixed command load over HTTP: new cases, decisions and officer assignments on them, and commands the rules refuse
 * (recorded in the rejection log). Every answer the server gave is kept, so a case can check afterwards that each
 * acknowledged command is in the store exactly once, whatever was killed in between.
 */
import { randomUUID } from 'node:crypto';

/** A command the server acknowledged: 2xx (written) or 409 (refused and recorded in the rejection log). */
export interface Acknowledged {
  readonly commandId: string;
  readonly stream: string;
  readonly status: number;
  readonly position?: bigint;
}

export interface LoadTally {
  readonly acknowledged: Acknowledged[];
  /** Requests that got no answer (the process died under them) or a 5xx: their outcome is unknown to the client. */
  unanswered: number;
  /** Answers by status. */
  readonly statuses: Map<number, number>;
  /** Every 5xx answer: its status, problem code and Retry-After header (null when missing). */
  readonly serverErrors: { status: number; code: string; retryAfter: string | null }[];
}

export function newTally(): LoadTally {
  return { acknowledged: [], unanswered: 0, statuses: new Map(), serverErrors: [] };
}

const OFFICE = 'HP-NGO-QUYEN';

/** The body of a received case (the walk-through's, smaller). */
export function receiveBody(caseId: string) {
  return {
    caseId,
    officeId: OFFICE,
    source: 'REQUEST',
    mode: 'ON_REQUEST',
    judgment: {
      number: '12/2017/DS-PT',
      court: 'TAND TP Hải Phòng',
      issuedOn: '2017-11-20',
      legallyEffectiveOn: '2017-11-20',
    },
    parties: [
      { partyId: 'creditor-1', role: 'CREDITOR', kind: 'ORGANISATION', name: 'Ngân hàng TMCP Hàng Hải' },
      { partyId: 'debtor-1', role: 'DEBTOR', kind: 'PERSON', name: 'Nguyễn Văn A' },
    ],
    obligations: [{ itemId: 'debt', kind: 'DEBT', description: 'Repay the loan', amount: '850000000' }],
    effectiveDate: '2018-03-01',
  };
}

/** The next command of a case, by how far it got: decision, then officer, then a settle the rules refuse. */
function nextCommand(step: number): { route: string; body: object } {
  if (step === 1)
    return {
      route: 'issue-enforcement-decision',
      body: { decisionNumber: '101/QĐ', servedOn: '2018-03-06', effectiveDate: '2018-03-05' },
    };
  if (step === 2)
    return { route: 'assign-enforcement-officer', body: { officerId: 'chv-1', effectiveDate: '2018-03-05' } };
  return { route: 'settle', body: { effectiveDate: '2018-03-10' } };
}

/**
 * Runs `workers` loops until `running()` is false. Each loop either receives a new case or moves a known case one
 * step (a refused settle when it has no step left). `random` picks (seeded); `prefix` keeps case ids unique per round.
 */
export async function runCommandLoad(options: {
  readonly url: string;
  readonly authorization: string;
  readonly workers: number;
  readonly prefix: string;
  readonly random: () => number;
  readonly running: () => boolean;
  readonly tally: LoadTally;
  /** Called after each acknowledged command is tallied (a case may pick its kill moment here). */
  readonly onAcknowledged?: () => void;
  /** Called after every request, whatever came of it. */
  readonly onAnswered?: () => void;
}): Promise<void> {
  const cases: { id: string; step: number; busy: boolean }[] = [];
  let next = 0;
  const one = async (): Promise<void> => {
    const idle = cases.filter((known) => !known.busy);
    const receive = idle.length === 0 || options.random() < 0.4;
    const target = receive
      ? { id: `${options.prefix}-${(next += 1)}`, step: 0, busy: true }
      : idle[Math.floor(options.random() * idle.length)];
    target.busy = true;
    const { route, body } = receive ? { route: '', body: receiveBody(target.id) } : nextCommand(target.step);
    const commandId = randomUUID();
    const path = receive ? '/api/v1/cases' : `/api/v1/cases/${target.id}/${route}`;
    try {
      const res = await fetch(`${options.url}${path}`, {
        method: 'POST',
        headers: {
          authorization: options.authorization,
          'content-type': 'application/json',
          'idempotency-key': commandId,
        },
        body: JSON.stringify(body),
      });
      const answer = (await res.json()) as { position?: string; streamName?: string; code?: string };
      options.tally.statuses.set(res.status, (options.tally.statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 200 && res.status < 300) {
        options.tally.acknowledged.push({
          commandId,
          stream: `case-${target.id}`,
          status: res.status,
          position: BigInt(answer.position ?? '-1'),
        });
        if (receive) cases.push(target);
        target.step += 1;
        options.onAcknowledged?.();
      } else if (res.status === 409) {
        options.tally.acknowledged.push({ commandId, stream: `rejection-${target.id}`, status: res.status });
        options.onAcknowledged?.();
      } else if (res.status >= 500) {
        options.tally.unanswered += 1;
        options.tally.serverErrors.push({
          status: res.status,
          code: answer.code ?? '',
          retryAfter: res.headers.get('retry-after'),
        });
      } else throw new Error(`POST ${path} answered ${res.status}: ${JSON.stringify(answer)}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('POST ')) throw error;
      options.tally.unanswered += 1; // the connection died: the command may or may not have been written
    } finally {
      target.busy = false;
      options.onAnswered?.();
    }
  };
  await Promise.all(
    Array.from({ length: options.workers }, async () => {
      while (options.running()) await one();
    }),
  );
}

/** A command load running in the background (`startCommandLoad`). */
export interface RunningLoad {
  /**
   * Resolves once `done()` holds, checked after every answer. Rejects as soon as the load stops by itself (a worker
   * met an answer it does not expect) with that error, so a case never waits for answers that will not come.
   */
  until(done: () => boolean): Promise<void>;
  /** Stops the workers and waits for their last answers; rejects with the load's error if it failed. */
  stop(): Promise<void>;
}

/** `runCommandLoad` in the background until `stop()` (or until `running()` turns false, when given). */
export function startCommandLoad(
  options: Omit<Parameters<typeof runCommandLoad>[0], 'running' | 'onAnswered' | 'onAcknowledged'> & {
    readonly running?: () => boolean;
  },
): RunningLoad {
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((resolve) => resolve());
  let loading = true;
  let failure: unknown;
  let ended = false;
  const load = runCommandLoad({
    ...options,
    running: () => loading && (options.running?.() ?? true),
    onAnswered: wake,
  }).then(
    () => {
      ended = true;
      wake();
    },
    (error: unknown) => {
      ended = true;
      failure = error ?? new Error('the command load failed');
      wake();
    },
  );
  return {
    async until(done) {
      while (!done()) {
        if (failure) throw failure;
        if (ended) throw new Error('the command load ended before the awaited condition held');
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    async stop() {
      loading = false;
      await load;
      if (failure) throw failure;
    },
  };
}
