import { planAppend, streamCategory, type StoredEventRef, type StreamHead } from './append-rules';
import { WrongExpectedRevision } from './errors';
import type { ExpectedRevision } from './event-store';
import { validateAppend } from './metadata';

const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
const metadata = {
  actor: { id: 'u1', role: 'officer' },
  commandId: 'c',
  correlationId: 'r',
  causationId: 'c',
  schemaVersion: 1,
};
const request = (expected: ExpectedRevision, eventIds = ids) =>
  validateAppend(
    'case-1',
    eventIds.map((id) => ({ id, type: 'T', data: {}, metadata })),
    expected,
  );
const head: StreamHead = { revision: 4n, position: 40n, hash: 'h'.repeat(64) };
const stored = (revision: bigint, stream = 'case-1'): StoredEventRef[] =>
  ids.map((id, i) => ({ id, stream, revision: revision + BigInt(i), position: 100n + revision + BigInt(i) }));
const AT = '2026-01-01T00:00:00.000Z';

describe('planAppend', () => {
  it('seals events after the head when the revision matches', () => {
    const plan = planAppend(request(4n), head, [], AT);
    expect(plan.kind).toBe('write');
    if (plan.kind === 'write')
      expect(plan.events.map((event) => [event.revision, event.metadata.prevHash])).toEqual([
        [5n, head.hash],
        [6n, expect.any(String)],
      ]);
  });

  it.each([
    ['no_stream', head, 4n],
    ['stream_exists', undefined, 'no_stream'],
    [3n, head, 4n],
    [0n, undefined, 'no_stream'],
  ] as const)('refuses expected %s against actual %s', (expected, current, actual) => {
    expect(() => planAppend(request(expected), current, [], AT)).toThrow(
      expect.objectContaining({ expected, actual }) as Error,
    );
  });

  it.each([
    ['exact', 2n, 3n],
    ['no_stream', 'no_stream', 0n],
    ['any', 'any', 3n],
    ['stream_exists', 'stream_exists', 3n],
  ] as const)(
    'treats a full %s retry as done, returning the original revision and position',
    (_label, expected, firstRevision) => {
      expect(planAppend(request(expected), head, stored(firstRevision), AT)).toEqual({
        kind: 'done',
        result: { nextRevision: firstRevision + 1n, position: 101n + firstRevision },
      });
    },
  );

  it.each([
    ['some ids new', stored(3n).slice(1)],
    ['ids in another stream', stored(3n, 'case-2')],
    ['ids not consecutive', [stored(3n)[0], { ...stored(3n)[1], revision: 9n }]],
  ])('refuses a retry with %s', (_label, existing) => {
    expect(() => planAppend(request('any'), head, existing, AT)).toThrow(WrongExpectedRevision);
  });

  it('refuses a retry at a different exact revision, saying where the ids were appended', () => {
    expect(() => planAppend(request(1n), head, stored(3n), AT)).toThrow(/already appended after revision 2/);
    expect(() => planAppend(request('no_stream'), head, stored(3n), AT)).toThrow(WrongExpectedRevision);
  });

  it('checks but writes nothing for an empty batch', () => {
    expect(planAppend(request(4n, []), head, [], AT)).toEqual({
      kind: 'done',
      result: { nextRevision: 4n, position: 40n },
    });
    expect(planAppend(request('no_stream', []), undefined, [], AT)).toEqual({
      kind: 'done',
      result: { nextRevision: -1n, position: -1n },
    });
  });
});

describe('streamCategory', () => {
  it('is the text before the first dash, or the whole name', () => {
    expect(['case-42', 'complaint-a-b', 'settings', '-x'].map(streamCategory)).toEqual([
      'case',
      'complaint',
      'settings',
      '',
    ]);
  });
});
