import { testEvents } from '@thads/event-store/conformance';
import { sealEvents } from '../../hash-chain';
import { validateAppend } from '../../metadata';
import type { EsdbRecordedEvent } from '../client-port';
import {
  assertNamespace,
  fromEsdbStreamName,
  isSystemEvent,
  toEsdbStreamName,
  toProposedEvent,
  toRecordedEvent,
} from '../event-mapping';
import { UNKNOWN_POSITION } from '../revisions';

const RECORDED_AT = '2026-07-01T01:02:03.004Z';

function sealed(count = 2) {
  const request = validateAppend('case-1', testEvents(count), 'no_stream');
  return sealEvents('case-1', request.events, undefined, RECORDED_AT);
}

function recorded(overrides: Partial<EsdbRecordedEvent> = {}): EsdbRecordedEvent {
  const [event] = sealed(1);
  return {
    streamId: 'case-1',
    id: event.id,
    revision: 0n,
    type: event.type,
    isJson: true,
    data: { ...event.data },
    metadata: JSON.parse(JSON.stringify(event.metadata)),
    position: { commit: 4096n, prepare: 4096n },
    ...overrides,
  };
}

describe('ESDB event mapping', () => {
  it('writes id, type, data and the whole stored envelope (recordedAt, prevHash, hash) as a JSON event', () => {
    const [first, second] = sealed();
    const proposed = toProposedEvent(second);
    expect(proposed).toEqual({ id: second.id, type: second.type, data: second.data, metadata: second.metadata });
    expect(proposed.metadata).toMatchObject({
      recordedAt: RECORDED_AT,
      prevHash: first.metadata.hash,
      hash: second.metadata.hash,
    });
    // What the client serialises is what comes back: a JSON round trip changes nothing.
    expect(JSON.parse(JSON.stringify(proposed.metadata))).toEqual(second.metadata);
  });

  it('reads a ResolvedEvent back as the port event: stream, revision, position (commit), type, data, metadata', () => {
    const source = recorded({ revision: 3n, position: { commit: 9000n, prepare: 8800n } });
    expect(toRecordedEvent(source, 'case-1')).toEqual({
      id: source.id,
      stream: 'case-1',
      revision: 3n,
      position: 9000n,
      type: source.type,
      data: source.data,
      metadata: source.metadata,
    });
  });

  it('lower-cases ids, as validation does', () => {
    const source = recorded();
    expect(toRecordedEvent({ ...source, id: source.id.toUpperCase() }, 'case-1').id).toBe(source.id);
  });

  it('refuses an event without a usable position (stream reads before server 22.6), naming the version', () => {
    expect(() => toRecordedEvent(recorded({ position: undefined }), 'case-1')).toThrow(/22\.6/);
    expect(() =>
      toRecordedEvent(recorded({ position: { commit: UNKNOWN_POSITION, prepare: UNKNOWN_POSITION } }), 'case-1'),
    ).toThrow(/22\.6/);
  });

  it('refuses events no adapter of ours wrote: binary, or data or metadata that is not a JSON object', () => {
    expect(() => toRecordedEvent(recorded({ isJson: false, data: new Uint8Array([1]) }), 'case-1')).toThrow(TypeError);
    expect(() => toRecordedEvent(recorded({ data: [1, 2] }), 'case-1')).toThrow(TypeError);
    expect(() => toRecordedEvent(recorded({ metadata: undefined }), 'case-1')).toThrow(TypeError);
  });

  it('keeps logical stream names as they are without a namespace, and prefixes them with one', () => {
    expect(toEsdbStreamName('case-1', undefined)).toBe('case-1');
    expect(toEsdbStreamName('case-1', 'run_42')).toBe('run_42.case-1');
    expect(fromEsdbStreamName('run_42.case-1', 'run_42')).toBe('case-1');
    expect(fromEsdbStreamName('case-1', undefined)).toBe('case-1');
    expect(fromEsdbStreamName('run_43.case-1', 'run_42')).toBeUndefined();
    expect(fromEsdbStreamName('case-1', 'run_42')).toBeUndefined();
  });

  it('accepts namespaces of letters, digits and underscores only', () => {
    expect(() => assertNamespace(undefined)).not.toThrow();
    expect(() => assertNamespace('esdb_1700000000_3')).not.toThrow();
    for (const bad of ['', 'a.b', 'a-b', 'a b', '$all']) expect(() => assertNamespace(bad)).toThrow(RangeError);
  });

  it('treats $-prefixed streams and event types as system events', () => {
    expect(isSystemEvent({ streamId: '$stats-127.0.0.1:2113', type: '$statsCollected' })).toBe(true);
    expect(isSystemEvent({ streamId: '$$case-1', type: '$metadata' })).toBe(true);
    expect(isSystemEvent({ streamId: '$ce-case', type: '$>' })).toBe(true);
    expect(isSystemEvent({ streamId: 'case-1', type: '$>' })).toBe(true);
    expect(isSystemEvent({ streamId: 'case-1', type: 'CaseReceived' })).toBe(false);
  });
});
