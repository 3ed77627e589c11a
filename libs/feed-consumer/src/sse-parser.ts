/**
 * An incremental parser of a `text/event-stream` body, after the WHATWG HTML "server-sent events" interpretation
 * rules: lines end in CRLF, LF or CR (a CR at the end of one chunk and an LF at the start of the next are one line
 * end); `data` lines accumulate; a blank line dispatches; comments (`:`) and unknown fields are ignored; `retry`
 * takes digits only. Unlike a browser's EventSource, it reports the `id` a block carried itself (not the last one
 * seen), so a consumer can insist that every change names its own id.
 */

/** One dispatched message. */
export interface SseMessage {
  /** The `id:` field of this message's block; undefined when the block had none. */
  readonly id: string | undefined;
  /** The `event:` field; `message` by default. */
  readonly event: string;
  /** The `data:` lines joined with LF. */
  readonly data: string;
}

/** What one chunk produced. */
export interface SseChunkResult {
  readonly messages: SseMessage[];
  /** The last `retry:` value (the server's reconnection delay in ms) seen in this chunk, if any. */
  readonly retryMs: number | undefined;
  /** Comment lines (without the colon), e.g. heartbeats. */
  readonly comments: string[];
}

export class SseParser {
  private buffer = '';
  private started = false;
  private data: string[] = [];
  private event = '';
  private id: string | undefined;
  private pendingCarriageReturn = false;

  /** Feeds decoded text; returns the messages completed by it. */
  push(text: string): SseChunkResult {
    let input = text;
    if (!this.started && input.length > 0) {
      this.started = true;
      if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
    }
    // A CR that ended the previous chunk already ended its line: an LF right after it is the same line end.
    if (this.pendingCarriageReturn && input.startsWith('\n')) input = input.slice(1);
    this.pendingCarriageReturn = false;
    this.buffer += input;
    const result = { messages: [] as SseMessage[], retryMs: undefined as number | undefined, comments: [] as string[] };
    for (;;) {
      const end = this.buffer.search(/\r\n|\r|\n/);
      if (end === -1) break;
      const line = this.buffer.slice(0, end);
      const crlf = this.buffer.startsWith('\r\n', end);
      if (!crlf && this.buffer[end] === '\r' && end === this.buffer.length - 1) this.pendingCarriageReturn = true;
      this.buffer = this.buffer.slice(end + (crlf ? 2 : 1));
      this.line(line, result);
    }
    return result;
  }

  private line(line: string, result: { messages: SseMessage[]; retryMs: number | undefined; comments: string[] }) {
    if (line === '') {
      if (this.data.length > 0)
        result.messages.push({ id: this.id, event: this.event || 'message', data: this.data.join('\n') });
      this.data = [];
      this.event = '';
      this.id = undefined;
      return;
    }
    if (line.startsWith(':')) {
      result.comments.push(line.slice(1).trimStart());
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) result.retryMs = Number(value);
  }
}
