import { decodeKeysetCursor, encodeKeysetCursor } from './keyset-cursor';

describe('keyset cursors', () => {
  it('round-trip the ordering, key and id, URL-safe, whatever characters the id holds', () => {
    const position = { ordering: 'owed:desc', key: '000000000000000000000850000000', id: 'HP/2018:Đ-1' };
    const cursor = encodeKeysetCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeKeysetCursor(cursor)).toEqual(position);
  });

  it('decode anything else to null', () => {
    const notAnArray = Buffer.from('{"a":1}').toString('base64url');
    const wrongShape = Buffer.from('["a","b",3]').toString('base64url');
    for (const cursor of ['', 'abc', '12', 'a b', notAnArray, wrongShape, 'x'.repeat(2001)])
      expect(decodeKeysetCursor(cursor)).toBeNull();
  });
});
