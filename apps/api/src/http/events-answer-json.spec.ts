import { canonicalJson, type RecordedEvent, type RecordedEventJson } from '@thads/event-store';
import type { FastifyReply } from 'fastify';
import { eventsAnswerJson } from './events-answer-json';
import { recordedEventView } from './recorded-event-view';

const events: RecordedEvent[] = [
  {
    id: '0b7e9c7e-3f5a-4c1e-9a51-7d0b5c1f2a01',
    stream: 'case-HP-2018-0001',
    revision: 0n,
    position: 12n,
    type: 'CaseReceived',
    data: {
      officeId: 'HP-NGO-QUYEN',
      name: 'Nguyễn Văn A “quote” \\ \u{1F600} \u0007',
      amounts: ['850000000'],
      n: -1.5,
    },
    metadata: { recordedAt: '2018-03-01T00:00:00.000Z', hash: 'ab', prevHash: '00' } as RecordedEvent['metadata'],
  },
  {
    id: 'e-"2"',
    stream: 'case-HP-2018-0001',
    revision: 1n,
    position: 9007199254740993n,
    type: 'Odd"Type',
    data: {},
    metadata: {} as RecordedEvent['metadata'],
  },
];

function asJson(event: RecordedEvent): RecordedEventJson {
  const { data, metadata, ...rest } = event;
  return { ...rest, dataJson: canonicalJson(data), metadataJson: canonicalJson(metadata) };
}

describe('eventsAnswerJson', () => {
  it('writes what serialising the parsed events (recordedEventView) wrote, as UTF-8 JSON', () => {
    const headers: Record<string, string> = {};
    const reply = { header: (name: string, value: string) => (headers[name] = value) } as unknown as FastifyReply;
    const head = { id: 'HP-2018-0001', streamName: 'case-HP-2018-0001', revision: 1n };
    const body = eventsAnswerJson(reply, head, events.map(asJson));
    // readStream parses the stored canonical texts, so its objects hold their keys in the stored order.
    const read = events.map(asJson).map(({ dataJson, metadataJson, ...rest }) => ({
      ...rest,
      data: JSON.parse(dataJson) as RecordedEvent['data'],
      metadata: JSON.parse(metadataJson) as RecordedEvent['metadata'],
    }));
    const expected = JSON.stringify({ ...head, revision: '1', events: read.map(recordedEventView) });
    expect(body.toString('utf8')).toBe(expected);
    expect(headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('writes an empty list of events', () => {
    const reply = { header: () => reply } as unknown as FastifyReply;
    const body = eventsAnswerJson(reply, { id: 'x', streamName: 'case-x', revision: 0n }, []);
    expect(JSON.parse(body.toString('utf8'))).toEqual({ id: 'x', streamName: 'case-x', revision: '0', events: [] });
  });
});
