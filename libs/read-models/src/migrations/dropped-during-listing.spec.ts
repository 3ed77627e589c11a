import { droppedDuringListing } from './migrate-read-models';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('droppedDuringListing: which failures of the migrator list the tables again', () => {
  it('a schema, table or column that another process dropped while the listing ran', () => {
    expect(droppedDuringListing(pgError('3F000', 'schema "rm_other" does not exist'), [], 'rm_ours')).toBe(true);
    expect(droppedDuringListing(pgError('42P01', 'relation "deadlines__g2" does not exist'), [], 'rm_ours')).toBe(true);
    const column = pgError('42703', 'column "taken_up" of relation "completion_stats_counters__g1" does not exist');
    expect(droppedDuringListing(column, [], 'rm_ours')).toBe(true);
  });

  it('not our own schema missing, nor any other error', () => {
    expect(droppedDuringListing(pgError('3F000', 'schema "rm_ours" does not exist'), [], 'rm_ours')).toBe(false);
    expect(droppedDuringListing(pgError('42501', 'permission denied for schema rm_ours'), [], 'rm_ours')).toBe(false);
    expect(droppedDuringListing(new Error('connection refused'), [], 'rm_ours')).toBe(false);
  });

  it('not once a migration itself failed, whatever the code: its failure is reported', () => {
    const results = [{ status: 'Success' }, { status: 'Error' }];
    expect(droppedDuringListing(pgError('42P01', 'relation "x" does not exist'), results, 'rm_ours')).toBe(false);
  });

  it('never on SQLite, which has no listing across schemas', () => {
    expect(droppedDuringListing(pgError('42P01', 'relation "x" does not exist'), [], undefined)).toBe(false);
  });
});
