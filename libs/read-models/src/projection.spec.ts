import type { RecordedEvent } from '@thads/event-store';
import {
  assertValidProjections,
  generationTableName,
  projectionHandles,
  tableNamesFor,
  type Projection,
} from './projection';

const projection = (overrides: Partial<Projection>): Projection => ({
  name: 'sample',
  version: 1,
  handles: ['$all'],
  tables: ['sample_rows'],
  createTables: async () => undefined,
  apply: async () => undefined,
  ...overrides,
});
const event = (type: string, stream: string) => ({ type, stream }) as RecordedEvent;

describe('projection definitions', () => {
  it('handles event types, $ce-<category> and $all', () => {
    const selective = projection({ handles: ['CaseSettled', '$ce-complaint'] });
    expect(projectionHandles(selective, event('CaseSettled', 'case-1'))).toBe(true);
    expect(projectionHandles(selective, event('ComplaintFiled', 'complaint-7'))).toBe(true);
    expect(projectionHandles(selective, event('CaseReceived', 'case-1'))).toBe(false);
    expect(projectionHandles(projection({}), event('Anything', 'office-HP'))).toBe(true);
  });

  it('names generation tables and refuses tables it does not own', () => {
    const names = tableNamesFor(projection({}), 3);
    expect(names.physical('sample_rows')).toBe('sample_rows__g3');
    expect(generationTableName('audit_trail', 12)).toBe('audit_trail__g12');
    expect(() => names.physical('audit_trail')).toThrow('does not own table audit_trail');
  });

  it('rejects names unsafe in SQL, duplicates, shared tables and bad versions', () => {
    expect(() => assertValidProjections([projection({ name: 'Bad-Name' })])).toThrow('lower-case snake case');
    expect(() => assertValidProjections([projection({}), projection({})])).toThrow('registered twice');
    expect(() => assertValidProjections([projection({}), projection({ name: 'other' })])).toThrow(
      'owned by both sample and other',
    );
    expect(() => assertValidProjections([projection({ tables: ['x__g1'] })])).toThrow('bad table name');
    expect(() => assertValidProjections([projection({ version: 0 })])).toThrow('version must be a positive integer');
    expect(() =>
      assertValidProjections([projection({}), projection({ name: 'other', tables: ['other_rows'] })]),
    ).not.toThrow();
  });
});
