import { EventStoreUnavailable, StreamNotFound, WrongExpectedRevision } from '../../errors';
import { isRetryableEsdbError, mapEsdbError } from '../error-mapping';
import { esdbError } from './fake-esdb-client';

// Plain errors shaped like the client's CommandError subclasses (type string + fields). esdb-client.spec.ts checks
// the library's real classes against the same mapping.
describe('ESDB error mapping', () => {
  it('maps wrong-expected-version to WrongExpectedRevision(stream, caller expected, actual) under the logical name', () => {
    const error = esdbError('wrong-expected-version', {
      streamName: 'run_1.case-1',
      expectedVersion: 4n,
      actualVersion: 6n,
    });
    const mapped = mapEsdbError(error, { stream: 'case-1', expectedRevision: 'any' });
    expect(mapped).toBeInstanceOf(WrongExpectedRevision);
    expect(mapped).toMatchObject({ stream: 'case-1', expected: 'any', actual: 6n, code: 'WRONG_EXPECTED_REVISION' });
  });

  it('reports actual no_stream, and falls back to the server’s expected revision when the caller’s is unknown', () => {
    const error = esdbError('wrong-expected-version', { expectedVersion: 0n, actualVersion: 'no_stream' });
    expect(mapEsdbError(error, { stream: 'case-9' })).toMatchObject({
      stream: 'case-9',
      expected: 0n,
      actual: 'no_stream',
    });
  });

  it('maps stream-not-found to StreamNotFound(stream)', () => {
    const mapped = mapEsdbError(esdbError('stream-not-found', { streamName: 'run_1.case-404' }), {
      stream: 'case-404',
    });
    expect(mapped).toBeInstanceOf(StreamNotFound);
    expect(mapped).toMatchObject({ stream: 'case-404' });
  });

  it.each(['deadline-exceeded', 'unavailable', 'not-leader', 'timeout'])(
    'maps %s to a retryable EventStoreUnavailable keeping the cause',
    (type) => {
      const error = esdbError(type, {}, `${type} happened`);
      const mapped = mapEsdbError(error, { stream: 'case-1' });
      expect(mapped).toBeInstanceOf(EventStoreUnavailable);
      expect(mapped).toMatchObject({ retryable: true, code: 'EVENT_STORE_UNAVAILABLE', cause: error });
      expect((mapped as Error).message).toContain(`${type} happened`);
    },
  );

  it('maps raw gRPC DEADLINE_EXCEEDED (4) and UNAVAILABLE (14) and a failed cluster discovery to EventStoreUnavailable', () => {
    expect(
      mapEsdbError(Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 })),
    ).toBeInstanceOf(EventStoreUnavailable);
    expect(mapEsdbError(Object.assign(new Error('4 DEADLINE_EXCEEDED'), { code: 4 }))).toBeInstanceOf(
      EventStoreUnavailable,
    );
    expect(mapEsdbError(new Error('Failed to discover after 10 attempts.'))).toBeInstanceOf(EventStoreUnavailable);
  });

  it('returns anything else unchanged: access denied, stream deleted, append too large, programming errors', () => {
    for (const error of [
      esdbError('access-denied'),
      esdbError('stream-deleted'),
      esdbError('maximum-append-size-exceeded'),
      esdbError('unknown'),
      new TypeError('bug'),
      Object.assign(new Error('grpc NOT_FOUND'), { code: 5 }),
    ]) {
      expect(mapEsdbError(error, { stream: 'case-1' })).toBe(error);
    }
  });

  it('needs the stream to map revision and not-found errors; without it they stay as they are', () => {
    const error = esdbError('stream-not-found');
    expect(mapEsdbError(error)).toBe(error);
  });

  it('classifies retryable errors without mapping them', () => {
    expect(isRetryableEsdbError(esdbError('unavailable'))).toBe(true);
    expect(isRetryableEsdbError(esdbError('wrong-expected-version'))).toBe(false);
    expect(isRetryableEsdbError(null)).toBe(false);
    expect(isRetryableEsdbError('unavailable')).toBe(false);
  });
});
