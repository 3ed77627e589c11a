import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('dispatches on a blank line, joins data lines, reads id, event and retry, and ignores comments', () => {
    const parser = new SseParser();
    const result = parser.push(
      'retry: 2000\n\n: heartbeat\n\nid: 7\nevent: read-model-change\ndata: {"a":\ndata: 1}\n\n',
    );
    expect(result.retryMs).toBe(2000);
    expect(result.comments).toEqual(['heartbeat']);
    expect(result.messages).toEqual([{ id: '7', event: 'read-model-change', data: '{"a":\n1}' }]);
  });

  it('keeps a message split anywhere across chunks, CRLF and lone CR included', () => {
    const text = '\ufeffid: 1\r\nevent: x\r\ndata: one\r\n\r\nid: 2\rdata:two\r\rdata: three\n\n';
    for (let cut = 1; cut < text.length; cut += 1) {
      const parser = new SseParser();
      const messages = [...parser.push(text.slice(0, cut)).messages, ...parser.push(text.slice(cut)).messages];
      expect(messages).toEqual([
        { id: '1', event: 'x', data: 'one' },
        { id: '2', event: 'message', data: 'two' },
        { id: undefined, event: 'message', data: 'three' },
      ]);
    }
  });

  it('does not dispatch a block without data, and takes retry only as digits', () => {
    const parser = new SseParser();
    const result = parser.push('id: 5\n\nretry: soon\ndata\n\n');
    expect(result.retryMs).toBeUndefined();
    expect(result.messages).toEqual([{ id: undefined, event: 'message', data: '' }]);
  });
});
