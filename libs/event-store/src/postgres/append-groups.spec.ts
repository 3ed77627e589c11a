import { testEvents } from '../conformance/fixtures';
import { validateAppend, type ValidatedAppend } from '../metadata';
import { AppendGroups, type AppendStatements } from './append-groups';
import type { AppendOutcome } from './append-statement';

/** A statement the test settles by hand: it records what was sent and waits for `finish`. */
interface SentStatement {
  readonly streams: string[];
  finish(): void;
  fail(error: unknown): void;
}

function outcomeFor(request: ValidatedAppend): AppendOutcome {
  return { result: { nextRevision: 0n, position: BigInt(request.stream.length) }, wrote: true };
}

function fakeStatements(): { statements: AppendStatements; sent: SentStatement[] } {
  const sent: SentStatement[] = [];
  const track = <T>(streams: string[], settle: () => T) =>
    new Promise<T>((resolve, reject) => {
      sent.push({ streams, finish: () => resolve(settle()), fail: reject });
    });
  return {
    sent,
    statements: {
      alone: (request) => track([request.stream], () => outcomeFor(request)),
      group: (requests) =>
        track(
          requests.map((request) => request.stream),
          () =>
            requests.map((request): PromiseSettledResult<AppendOutcome> =>
              request.stream === 'refused'
                ? { status: 'rejected', reason: new Error('refused') }
                : { status: 'fulfilled', value: outcomeFor(request) },
            ),
        ),
    },
  };
}

const request = (stream: string) => validateAppend(stream, testEvents(1), 'any');
const ticks = () => new Promise((resolve) => setImmediate(resolve));

describe('AppendGroups', () => {
  it('sends an append at once and alone while a slot is free', async () => {
    const { statements, sent } = fakeStatements();
    const groups = new AppendGroups(statements, { statementsInFlight: 2, maxGroupSize: 10 });
    const a = groups.append(request('a'));
    const b = groups.append(request('b'));
    expect(sent.map((statement) => statement.streams)).toEqual([['a'], ['b']]);
    sent.forEach((statement) => statement.finish());
    await expect(Promise.all([a, b])).resolves.toHaveLength(2);
    expect(groups.groupCommitStats()).toEqual({ transactions: 2, appends: 2, largestGroup: 1 });
  });

  it('groups the appends that waited, at most maxGroupSize and one per stream, in arrival order', async () => {
    const { statements, sent } = fakeStatements();
    const groups = new AppendGroups(statements, { statementsInFlight: 1, maxGroupSize: 3 });
    const appends = ['first', 'x', 'y', 'x', 'z', 'w'].map((stream) => groups.append(request(stream)));
    expect(sent.map((statement) => statement.streams)).toEqual([['first']]);
    sent[0].finish();
    await ticks();
    // The second 'x' waits for a later statement: one statement cannot hold two appends of a stream.
    expect(sent[1].streams).toEqual(['x', 'y', 'z']);
    sent[1].finish();
    await ticks();
    expect(sent[2].streams).toEqual(['x', 'w']);
    sent[2].finish();
    await expect(Promise.all(appends)).resolves.toHaveLength(6);
    expect(groups.groupCommitStats()).toEqual({ transactions: 3, appends: 6, largestGroup: 3 });
  });

  it('rejects only the member its statement refused', async () => {
    const { statements, sent } = fakeStatements();
    const groups = new AppendGroups(statements, { statementsInFlight: 1, maxGroupSize: 10 });
    const first = groups.append(request('first'));
    const refused = groups.append(request('refused'));
    const written = groups.append(request('written'));
    sent[0].finish();
    await ticks();
    sent[1].finish();
    await expect(refused).rejects.toThrow('refused');
    await expect(written).resolves.toMatchObject({ wrote: true });
    await expect(first).resolves.toMatchObject({ wrote: true });
  });

  it('sends each member alone when the group statement fails, and each settles with its own statement', async () => {
    const { statements, sent } = fakeStatements();
    const groups = new AppendGroups(statements, { statementsInFlight: 1, maxGroupSize: 10 });
    const first = groups.append(request('first'));
    const b = groups.append(request('b'));
    const c = groups.append(request('c'));
    sent[0].finish();
    await ticks();
    sent[1].fail(Object.assign(new Error('duplicate key'), { code: '23505' }));
    await ticks();
    expect(sent.slice(2).map((statement) => statement.streams)).toEqual([['b'], ['c']]);
    sent[2].fail(new Error('b failed alone'));
    sent[3].finish();
    await expect(b).rejects.toThrow('b failed alone');
    await expect(c).resolves.toMatchObject({ wrote: true });
    await expect(first).resolves.toMatchObject({ wrote: true });
    expect(groups.groupCommitStats()).toEqual({ transactions: 4, appends: 5, largestGroup: 2 });
  });
});
