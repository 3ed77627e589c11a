import { executeCommand } from '@thads/application';
import { createInMemoryEventStore, type EventStore, type ReadStreamOptions } from '@thads/event-store';
import { CASE_FIXTURE as F, receiveCaseCommand } from '@thads/testing';
import { officesQualifyingFor } from './office-resolution';

/** The guard's lookup of a case's office: read from the case's first event once, then kept (it never changes). */
describe('the offices a case request qualifies for', () => {
  let store: EventStore;
  let caseReads: number;

  const request = (caseId: string) => ({ params: { caseId }, query: {}, body: { effectiveDate: '2025-07-01' } });
  const resolve = (caseId: string) => officesQualifyingFor('case-in-path', request(caseId), store, ['HP']);
  const receive = (caseId: string) =>
    executeCommand(
      store,
      { aggregate: 'case', id: caseId, command: receiveCaseCommand({ caseId }) },
      { commandId: `receive-${caseId}`, correlationId: `receive-${caseId}`, actor: { id: 'chv-1', role: 'officer' } },
    );

  beforeEach(() => {
    // A store of its own per test: what the guard keeps is per store.
    const inner = createInMemoryEventStore();
    caseReads = 0;
    // Counts reads of case streams; everything else goes to the store as it is.
    store = new Proxy(inner, {
      get(target, name) {
        if (name !== 'readStream') return Reflect.get(target, name, target) as unknown;
        return (stream: string, options?: ReadStreamOptions) => {
          if (stream.startsWith('case-')) caseReads += 1;
          return target.readStream(stream, options);
        };
      },
    });
  });

  it("answers the case's office, reading the case's stream only the first time", async () => {
    await receive('C-1');
    caseReads = 0;
    const expected = { offices: [F.officeId], passedOn: [] };
    expect(await resolve('C-1')).toEqual(expected);
    expect(await resolve('C-1')).toEqual(expected);
    expect(caseReads).toBe(1);
  });

  it('keeps nothing for an unknown case: once received, the case is found', async () => {
    await expect(resolve('C-2')).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    await receive('C-2');
    caseReads = 0;
    expect(await resolve('C-2')).toEqual({ offices: [F.officeId], passedOn: [] });
    expect(await resolve('C-2')).toEqual({ offices: [F.officeId], passedOn: [] });
    expect(caseReads).toBe(1);
  });
});
