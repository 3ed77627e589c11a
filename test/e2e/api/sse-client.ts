import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';

/** One Server-Sent Events message (a block with a `data:` line). */
export interface SseMessage {
  readonly id: string;
  readonly event: string;
  readonly data: unknown;
}

/** An open SSE stream read with Node's own http client, as a reporting service would. */
export interface SseConnection {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** Comment lines received so far (heartbeats). */
  readonly comments: readonly string[];
  /** The next `count` messages, in order; resolves as soon as they have arrived (no timers). */
  next(count: number): Promise<SseMessage[]>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  /** Disconnects, like a client going away. */
  close(): void;
}

/** Opens `path` on localhost:`port` and parses the event stream as it arrives. */
export function connectSse(port: number, path: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: { accept: 'text/event-stream', ...headers } },
      (res) => resolve(parseStream(res, () => req.destroy())),
    );
    req.on('error', reject);
    req.end();
  });
}

function parseStream(res: IncomingMessage, destroy: () => void): SseConnection {
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const waiters: (() => void)[] = [];
  let buffer = '';
  let consumed = 0;
  let finished = false;
  const wakeAll = () => waiters.splice(0).forEach((wake) => wake());
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      parseBlock(buffer.slice(0, end), messages, comments);
      buffer = buffer.slice(end + 2);
    }
    wakeAll();
  });
  const ended = new Promise<void>((resolve) => {
    const done = () => {
      finished = true;
      wakeAll();
      resolve();
    };
    res.on('end', done);
    res.on('close', done);
  });
  return {
    status: res.statusCode ?? 0,
    headers: res.headers,
    comments,
    ended,
    close: destroy,
    async next(count) {
      while (messages.length - consumed < count) {
        if (finished) throw new Error(`The stream ended after ${messages.length - consumed} of ${count} messages`);
        await new Promise<void>((wake) => waiters.push(wake));
      }
      consumed += count;
      return messages.slice(consumed - count, consumed);
    },
  };
}

function parseBlock(block: string, messages: SseMessage[], comments: string[]): void {
  const fields = new Map<string, string>();
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) comments.push(line.slice(1).trim());
    else {
      const colon = line.indexOf(':');
      if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
    }
  }
  const data = fields.get('data');
  if (data !== undefined)
    messages.push({ id: fields.get('id') ?? '', event: fields.get('event') ?? 'message', data: JSON.parse(data) });
}
