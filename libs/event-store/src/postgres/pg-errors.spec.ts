import { EventStoreUnavailable } from '../errors';
import { isAppendRace, isStoredIdClash } from './append-statement';
import { isUnavailable, mapPgError } from './pg-errors';

/** A pg-style error: what pg's DatabaseError and Node's socket errors carry. */
const pgError = (fields: { code?: string; constraint?: string; message?: string }) =>
  Object.assign(new Error(fields.message ?? 'x'), fields);

describe('PostgreSQL error mapping', () => {
  it.each([
    ['connection refused', pgError({ code: 'ECONNREFUSED' })],
    ['connection reset', pgError({ code: 'ECONNRESET' })],
    ['SQLSTATE class 08 (connection exception)', pgError({ code: '08006' })],
    ['too many connections', pgError({ code: '53300' })],
    ['admin shutdown', pgError({ code: '57P01' })],
    ['statement timeout', pgError({ code: '57014' })],
    ['pool wait timeout', pgError({ message: 'timeout exceeded when trying to connect' })],
    ['connection lost mid-query', pgError({ message: 'Connection terminated unexpectedly' })],
    ['every address refused', Object.assign(new AggregateError([pgError({ code: 'ECONNREFUSED' })], 'x'), {})],
    ['an error from another realm (plain object)', { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }],
  ])('%s is EventStoreUnavailable', (_name, error) => {
    expect(isUnavailable(error)).toBe(true);
    const mapped = mapPgError(error, 'append');
    expect(mapped).toBeInstanceOf(EventStoreUnavailable);
    expect(mapped).toMatchObject({ retryable: true, cause: error });
  });

  it.each([
    ['a unique violation', pgError({ code: '23505', constraint: 'events_id_key' })],
    ['a syntax error', pgError({ code: '42601' })],
    ['a check violation', pgError({ code: '23514' })],
    ['a programming error', new TypeError('undefined is not a function')],
  ])('%s is passed through unchanged', (_name, error) => {
    expect(isUnavailable(error)).toBe(false);
    expect(mapPgError(error, 'append')).toBe(error);
  });

  it('re-plans an append after a unique violation on (stream, revision) or id, or a deadlock; nothing else', () => {
    expect(isAppendRace(pgError({ code: '23505', constraint: 'events_stream_revision_key' }))).toBe(true);
    expect(isAppendRace(pgError({ code: '23505', constraint: 'events_id_key' }))).toBe(true);
    expect(isAppendRace(pgError({ code: '40P01' }))).toBe(true);
    expect(isAppendRace(pgError({ code: '23505', constraint: 'events_pkey' }))).toBe(false);
    expect(isAppendRace(pgError({ code: '23514', constraint: 'events_position_of_transaction' }))).toBe(false);
    expect(isAppendRace(undefined)).toBe(false);
  });

  it('checks the stored ids on the next attempt only after a clash on the id key', () => {
    expect(isStoredIdClash(pgError({ code: '23505', constraint: 'events_id_key' }))).toBe(true);
    expect(isStoredIdClash(pgError({ code: '23505', constraint: 'events_stream_revision_key' }))).toBe(false);
    expect(isStoredIdClash(pgError({ code: '40P01' }))).toBe(false);
    expect(isStoredIdClash(undefined)).toBe(false);
  });
});
