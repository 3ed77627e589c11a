import {
  fromEsdbAppendResult,
  fromEsdbCurrentRevision,
  fromEsdbPosition,
  toEsdbExpectedRevision,
  toEsdbStartPosition,
  toEsdbStreamRead,
  UNKNOWN_POSITION,
} from '../revisions';

describe('ESDB revisions and positions', () => {
  it.each([
    ['no_stream', 'no_stream'],
    ['stream_exists', 'stream_exists'],
    ['any', 'any'],
    [0n, 0n],
    [41n, 41n],
  ] as const)('expected revision %p maps to the client value %p', (ours, theirs) => {
    expect(toEsdbExpectedRevision(ours)).toBe(theirs);
  });

  it.each([
    ['no_stream', 'no_stream'],
    [undefined, 'no_stream'],
    [0n, 0n],
    [7n, 7n],
  ] as const)('current revision %p is reported as actual %p', (theirs, ours) => {
    expect(fromEsdbCurrentRevision(theirs)).toBe(ours);
  });

  it('takes the commit offset as our position, and none for an absent, negative or unknown (2^64−1) one', () => {
    expect(fromEsdbPosition({ commit: 10_386n, prepare: 10_386n })).toBe(10_386n);
    expect(fromEsdbPosition({ commit: 900n, prepare: 512n })).toBe(900n);
    expect(fromEsdbPosition(undefined)).toBeUndefined();
    expect(fromEsdbPosition({ commit: -1n, prepare: -1n })).toBeUndefined();
    expect(fromEsdbPosition({ commit: UNKNOWN_POSITION, prepare: UNKNOWN_POSITION })).toBeUndefined();
  });

  it('starts reads and subscriptions at START without a checkpoint, else at { commit: p, prepare: p }', () => {
    expect(toEsdbStartPosition(undefined)).toBe('start');
    expect(toEsdbStartPosition(-1n)).toBe('start');
    expect(toEsdbStartPosition(4096n)).toEqual({ commit: 4096n, prepare: 4096n });
  });

  it('maps an append result: nextExpectedRevision → nextRevision, position.commit → position', () => {
    expect(fromEsdbAppendResult({ nextExpectedRevision: 2n, position: { commit: 5000n, prepare: 4800n } })).toEqual({
      nextRevision: 2n,
      position: 5000n,
    });
  });

  it('gives no result when the server reported no usable position (the adapter then reads back)', () => {
    expect(fromEsdbAppendResult({ nextExpectedRevision: 2n })).toBeUndefined();
    expect(
      fromEsdbAppendResult({ nextExpectedRevision: 2n, position: { commit: UNKNOWN_POSITION, prepare: 0n } }),
    ).toBeUndefined();
  });

  it.each([
    [undefined, undefined, { direction: 'forwards', fromRevision: 'start' }],
    [undefined, 'forwards', { direction: 'forwards', fromRevision: 'start' }],
    [undefined, 'backwards', { direction: 'backwards', fromRevision: 'end' }],
    [3n, undefined, { direction: 'forwards', fromRevision: 3n }],
    [3n, 'backwards', { direction: 'backwards', fromRevision: 3n }],
  ] as const)('readStream from %p %p reads %p', (fromRevision, direction, expected) => {
    expect(toEsdbStreamRead(fromRevision, direction)).toEqual(expected);
  });
});
