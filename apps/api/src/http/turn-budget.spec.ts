import { AsyncLocalStorage } from 'node:async_hooks';
import { TurnBudget } from './turn-budget';

/** Holds the CPU for at least `ms` of wall time, as a request's synchronous work does. */
function work(ms: number): void {
  const started = performance.now();
  while (performance.now() - started < ms) {
    // busy on purpose
  }
}

/** Resolves once every request in `log` has run (polled turn by turn, never by time). */
async function untilLength(log: readonly string[], length: number): Promise<void> {
  while (log.length < length) await new Promise((resolve) => setImmediate(resolve));
}

describe('TurnBudget', () => {
  it('given a budget of 0, then every request proceeds at once', () => {
    const budget = new TurnBudget({ budgetMs: 0, now: () => 1_000 });
    const log: string[] = [];
    for (const name of ['a', 'b', 'c']) budget.admit(() => log.push(name));
    expect(log).toEqual(['a', 'b', 'c']);
    expect(budget.waitingCount).toBe(0);
  });

  it('given the turn has used its budget, then later requests wait and proceed in arrival order', async () => {
    let now = 0;
    const deferred: string[] = [];
    const budget = new TurnBudget({ budgetMs: 8, now: () => now, onDeferred: () => deferred.push('x') });
    const log: string[] = [];
    budget.admit(() => {
      log.push('a');
      now += 10;
    });
    budget.admit(() => log.push('b'));
    budget.admit(() => log.push('c'));
    expect(log).toEqual(['a']);
    expect(budget.waitingCount).toBe(2);
    expect(deferred).toHaveLength(2);
    await untilLength(log, 3);
    expect(log).toEqual(['a', 'b', 'c']);
    expect(budget.waitingCount).toBe(0);
  });

  it('given requests wait, then a newcomer waits behind them even when its turn has budget', async () => {
    let now = 0;
    const budget = new TurnBudget({ budgetMs: 8, now: () => now });
    const log: string[] = [];
    budget.admit(() => {
      log.push('a');
      now += 10;
    });
    budget.admit(() => log.push('b'));
    now = 2; // as if the turn had budget left again
    budget.admit(() => log.push('c'));
    expect(log).toEqual(['a']);
    await untilLength(log, 3);
    expect(log).toEqual(['a', 'b', 'c']);
  });

  it('given a burst worth several budgets, then a timer due during it fires before the burst is done', async () => {
    const budget = new TurnBudget({ budgetMs: 5 });
    const log: string[] = [];
    setTimeout(() => log.push('timer'), 0);
    for (const name of ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'])
      budget.admit(() => {
        log.push(name);
        work(3);
      });
    await untilLength(log, 7);
    // A turn runs at most two of these (a third would start after 6 ms or more): r1 (and r2 when the machine is
    // not too busy) at once, two more in the turn's check phase, and the next turn begins with the timer.
    expect(log[0]).toBe('r1');
    expect(log.indexOf('timer')).toBeLessThan(log.indexOf('r5'));
    expect(log.filter((entry) => entry !== 'timer')).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
  });

  it('given a request waits, then it proceeds in the async context it arrived in (its log scope)', async () => {
    let now = 0;
    const budget = new TurnBudget({ budgetMs: 8, now: () => now });
    const scope = new AsyncLocalStorage<string>();
    const seen: (string | undefined)[] = [];
    scope.run('request-1', () =>
      budget.admit(() => {
        seen.push(scope.getStore());
        now += 10;
      }),
    );
    scope.run('request-2', () => budget.admit(() => seen.push(scope.getStore())));
    expect(seen).toEqual(['request-1']);
    await untilLength(seen as string[], 2);
    expect(seen).toEqual(['request-1', 'request-2']);
  });
});
