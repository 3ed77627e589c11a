import { officeRegistryEventCodec } from './office-registry-event-codec';
import { OFFICE_REGISTRY_EVENT_TYPES, type OfficeRegistryEvent } from './office-registry-events';

const legalAct = { number: '1898/QĐ-BTP', issuedOn: '2025-06-20', issuedBy: 'Bộ Tư pháp' };
const base = { effectiveDate: '2025-07-01', ruleSet: 'LAW_2008_2014' as const, legalAct };
const EVENTS: readonly OfficeRegistryEvent[] = [
  { type: 'OfficesMerged', data: { ...base, predecessorOfficeIds: ['A', 'B'], successorOfficeId: 'C' } },
  { type: 'OfficeSplit', data: { ...base, officeId: 'A', successorOfficeIds: ['B', 'C'], openCasesPassTo: 'B' } },
  { type: 'OfficeRenamed', data: { ...base, officeId: 'A', name: 'New name' } },
];

describe('officeRegistryEventCodec', () => {
  it('knows every registry event type', () => {
    expect([...officeRegistryEventCodec.eventTypes].sort()).toEqual([...OFFICE_REGISTRY_EVENT_TYPES].sort());
  });

  it.each(EVENTS.map((event) => [event.type, event] as const))('round-trips %s unchanged', (_type, event) => {
    const stored = JSON.parse(JSON.stringify(officeRegistryEventCodec.encode(event)));
    expect(officeRegistryEventCodec.decode(stored)).toEqual(event);
  });
});
