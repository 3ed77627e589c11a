import { StreamNotFound, WrongExpectedRevision } from './errors';

describe('StreamNotFound', () => {
  it('names the stream and carries its code, as an Error', () => {
    const error = new StreamNotFound('case-1');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'StreamNotFound', code: 'STREAM_NOT_FOUND', stream: 'case-1' });
    expect(error.message).toBe('Stream case-1 not found');
  });

  it('carries no stack frames (an expected answer, thrown on every new stream) and leaves the limit as it was', () => {
    const limit = Error.stackTraceLimit;
    const error = new StreamNotFound('case-1');
    expect(error.stack).toBe('StreamNotFound: Stream case-1 not found');
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new WrongExpectedRevision('case-1', 0n, 'no_stream').stack).toMatch(/\n\s+at /);
  });
});
