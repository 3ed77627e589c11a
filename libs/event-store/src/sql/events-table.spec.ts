import { toRecordedEvent, type EventRow } from './events-table';

const row: EventRow = {
  position: 7n,
  id: 'e-7',
  stream: 'case-1',
  category: 'case',
  revision: 2n,
  type: 'CaseReceived',
  data: '{"officeId":"HP"}',
  metadata: '{"recordedAt":"2018-01-01T00:00:00.000Z"}',
  recorded_at: '2018-01-01T00:00:00.000Z',
};

describe('toRecordedEvent', () => {
  it('maps a row to the port shape, integers as bigint and JSON columns parsed', () => {
    expect(toRecordedEvent({ ...row, revision: 2 as unknown as bigint, position: '7' as unknown as bigint })).toEqual({
      id: 'e-7',
      stream: 'case-1',
      revision: 2n,
      position: 7n,
      type: 'CaseReceived',
      data: { officeId: 'HP' },
      metadata: { recordedAt: '2018-01-01T00:00:00.000Z' },
    });
  });

  it('hands over an event whose stored JSON cannot be read, empty and saying why', () => {
    const event = toRecordedEvent({ ...row, metadata: '[1]' });
    expect(event).toMatchObject({ id: 'e-7', revision: 2n, position: 7n, data: {}, metadata: {} });
    expect(event.unreadable).toBe('stored event at position 7 (case-1): metadata is not a JSON object');
    expect(toRecordedEvent({ ...row, data: '{' }).unreadable).toBe(
      'stored event at position 7 (case-1): data is not valid JSON',
    );
  });
});
