import type { ServerResponse } from 'node:http';

/** Writing Server-Sent Events to one client. Every write resolves once the client can take more, or has gone. */
export interface SseWriter {
  /** One message: `id`, `event` and a JSON `data` line. */
  message(id: string, event: string, data: unknown): Promise<void>;
  /** A comment line: clients ignore it; it keeps proxies and load balancers from closing an idle stream. */
  comment(text: string): Promise<void>;
}

/** How long a client waits before reconnecting after the stream drops (the SSE `retry:` field). */
const RECONNECT_AFTER_MS = 2000;

/**
 * Starts an SSE response on the raw Node response (Fastify's reply.raw after reply.hijack()): status, headers and the
 * reconnect delay are sent at once, so a client sees the stream open before the first change. `gone` is aborted when
 * the client disconnects. Writes respect backpressure: a slow client makes the feed wait, never buffer without bound.
 */
export function openSseResponse(raw: ServerResponse, gone: AbortController): SseWriter {
  raw.on('close', () => gone.abort());
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    // Never cached, never transformed (compressing proxies would hold messages back), never buffered by nginx.
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const write = (text: string): Promise<void> => {
    if (gone.signal.aborted || raw.destroyed) return Promise.resolve();
    if (raw.write(text)) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        raw.off('drain', done);
        gone.signal.removeEventListener('abort', done);
        resolve();
      };
      raw.on('drain', done);
      gone.signal.addEventListener('abort', done);
    });
  };
  void write(`retry: ${RECONNECT_AFTER_MS}\n\n`);
  return {
    message: (id, event, data) => write(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    comment: (text) => write(`: ${text}\n\n`),
  };
}
