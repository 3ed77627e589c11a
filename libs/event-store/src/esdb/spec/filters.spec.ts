import type { EventFilter } from '../../event-store';
import type { EsdbRecordedEvent } from '../client-port';
import { acceptsEvent, escapeRegex, EXCLUDE_SYSTEM_EVENTS, matchesNothing, serverFilter } from '../filters';

function event(streamId: string, type = 'CaseReceived'): EsdbRecordedEvent {
  return {
    streamId,
    type,
    id: '00000000-0000-4000-8000-000000000000',
    revision: 0n,
    isJson: true,
    data: {},
    metadata: {},
  };
}

describe('ESDB filters', () => {
  it.each<[string, EventFilter | undefined, string | undefined, unknown]>([
    ['no filter: exclude system events', undefined, undefined, { filterOn: 'eventType', regex: EXCLUDE_SYSTEM_EVENTS }],
    [
      'categories → exact category regex',
      { categories: ['case', 'complaint'] },
      undefined,
      { filterOn: 'streamName', regex: '^(?:case|complaint)(?:-|$)' },
    ],
    [
      'categories and types → category regex (types checked per event)',
      { categories: ['case'], eventTypes: ['CaseReceived'] },
      undefined,
      { filterOn: 'streamName', regex: '^(?:case)(?:-|$)' },
    ],
    [
      'types → exact event-type regex',
      { eventTypes: ['CaseReceived', 'ComplaintFiled'] },
      undefined,
      { filterOn: 'eventType', regex: '^(?:CaseReceived|ComplaintFiled)$' },
    ],
    ['namespace → its stream prefix', undefined, 'run_1', { filterOn: 'streamName', prefixes: ['run_1.'] }],
    [
      'namespace and categories → namespaced category regex',
      { categories: ['case'] },
      'run_1',
      { filterOn: 'streamName', regex: '^run_1\\.(?:case)(?:-|$)' },
    ],
    [
      'namespace and types → namespace prefix (types checked per event)',
      { eventTypes: ['CaseReceived'] },
      'run_1',
      { filterOn: 'streamName', prefixes: ['run_1.'] },
    ],
  ])('server-side filter for %s', (_name, filter, namespace, expected) => {
    expect(serverFilter(filter, namespace)).toEqual(expected);
  });

  it('knows when a filter matches nothing, so no server call is made', () => {
    expect(matchesNothing(undefined)).toBe(false);
    expect(matchesNothing({})).toBe(false);
    expect(matchesNothing({ categories: [] })).toBe(true);
    expect(matchesNothing({ eventTypes: [] })).toBe(true);
    expect(matchesNothing({ categories: ['case'], eventTypes: [] })).toBe(true);
  });

  it('accepts an event only if not a system event, inside the namespace, category and type both matching', () => {
    const filter = { categories: ['case'], eventTypes: ['CaseReceived'] };
    expect(acceptsEvent(event('case-1'), filter, undefined)).toBe('case-1');
    expect(acceptsEvent(event('case-1', 'AssetSeized'), filter, undefined)).toBeUndefined();
    expect(acceptsEvent(event('complaint-1'), filter, undefined)).toBeUndefined();
    expect(acceptsEvent(event('cases-1'), filter, undefined)).toBeUndefined();
    expect(acceptsEvent(event('$ce-case', '$>'), undefined, undefined)).toBeUndefined();
    expect(acceptsEvent(event('$stats-node', '$statsCollected'), undefined, undefined)).toBeUndefined();
    expect(acceptsEvent(event('run_1.case-1'), filter, 'run_1')).toBe('case-1');
    expect(acceptsEvent(event('run_2.case-1'), filter, 'run_1')).toBeUndefined();
    expect(acceptsEvent(event('case-1'), undefined, 'run_1')).toBeUndefined();
  });

  it('uses the category before the first dash, so a stream named exactly like its category belongs to it', () => {
    expect(acceptsEvent(event('case'), { categories: ['case'] }, undefined)).toBe('case');
    expect(acceptsEvent(event('case-1-2'), { categories: ['case'] }, undefined)).toBe('case-1-2');
  });

  it('builds server regexes that match exactly what acceptsEvent accepts (checked with JS regex, a subset of .NET)', () => {
    const byCategory = serverFilter({ categories: ['case'] }, 'run_1') as { regex: string };
    const names = ['run_1.case-1', 'run_1.case', 'run_1.cases-1', 'run_1xcase-1', 'run_2.case-1', 'case-1'];
    expect(names.filter((name) => new RegExp(byCategory.regex).test(name))).toEqual(['run_1.case-1', 'run_1.case']);
    const byType = serverFilter({ eventTypes: ['Case.Received', 'B+'] }, undefined) as { regex: string };
    const types = ['Case.Received', 'CaseXReceived', 'Case.ReceivedV2', 'B+', 'BB'];
    expect(types.filter((type) => new RegExp(byType.regex).test(type))).toEqual(['Case.Received', 'B+']);
    expect(escapeRegex('a.b*c')).toBe('a\\.b\\*c');
  });
});
