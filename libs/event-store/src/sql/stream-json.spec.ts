import { toRecordedEventJson } from './stream-json';

const row = {
  position: 7n,
  id: 'e-7',
  stream: 'case-1',
  revision: 2n,
  type: 'CaseReceived',
  data: '{"officeId":"HP"}',
  metadata: '{"recordedAt":"2018-01-01T00:00:00.000Z"}',
};

describe('toRecordedEventJson', () => {
  it('passes the stored texts on, integers as bigint', () => {
    expect(toRecordedEventJson({ ...row, revision: 2, position: '7' })).toEqual({
      id: 'e-7',
      stream: 'case-1',
      revision: 2n,
      position: 7n,
      type: 'CaseReceived',
      dataJson: '{"officeId":"HP"}',
      metadataJson: '{"recordedAt":"2018-01-01T00:00:00.000Z"}',
    });
  });

  it('checks texts the database did not (json_ok absent or 0): `{}` and unreadable when not a JSON object', () => {
    for (const json_ok of [undefined, 0]) {
      const event = toRecordedEventJson({ ...row, metadata: '[1]', json_ok });
      expect(event).toMatchObject({ dataJson: '{}', metadataJson: '{}' });
      expect(event.unreadable).toBe('stored event at position 7 (case-1): metadata is not a JSON object');
      expect(toRecordedEventJson({ ...row, data: '{', json_ok }).unreadable).toBe(
        'stored event at position 7 (case-1): data is not valid JSON',
      );
    }
  });

  it('trusts a text the database found valid when it opens an object, and checks any other', () => {
    expect(toRecordedEventJson({ ...row, json_ok: 1 }).unreadable).toBeUndefined();
    expect(toRecordedEventJson({ ...row, data: '"text"', json_ok: 1 }).unreadable).toBe(
      'stored event at position 7 (case-1): data is not a JSON object',
    );
    expect(toRecordedEventJson({ ...row, data: ' {"a":1}', json_ok: 1n }).dataJson).toBe(' {"a":1}');
  });
});
