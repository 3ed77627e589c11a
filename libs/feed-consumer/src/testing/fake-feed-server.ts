/**
 * A scripted stand-in for GET /feeds/read-models, for the consumer's unit tests. It holds a change log (ids 1..n);
 * each request takes the next script step: an error status, or a stream of the next changes after its Last-Event-ID
 * that then ends, hangs or breaks. The requests' headers are kept. The whole-app behaviour is tested against the real
 * API in test/e2e/feed-consumer.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ScriptStep =
  | { readonly status: number; readonly retryAfter?: string; readonly code?: string }
  | {
      /** How many changes of the log after the request's Last-Event-ID to send. */
      readonly send: number;
      /** `end`: close cleanly; `hold`: keep the stream open and silent; `break`: cut the connection mid-response. */
      readonly then: 'end' | 'hold' | 'break';
      /** Raw text written before the changes (a malformed message, say). */
      readonly raw?: string;
      /** Send the change at Last-Event-ID again first (a misbehaving proxy). */
      readonly repeatLast?: boolean;
    };

export interface FakeFeedServer {
  readonly baseUrl: string;
  /** The headers and URL of every request, in order. */
  readonly requests: { url: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** `logLength` changes with ids 1..n, each of a case of the same number, at the position of its id. */
export async function startFakeFeedServer(script: readonly ScriptStep[], logLength = 100): Promise<FakeFeedServer> {
  const requests: FakeFeedServer['requests'] = [];
  const open = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    const step = script[requests.length] ?? { send: 0, then: 'hold' };
    requests.push({ url: req.url ?? '', headers: req.headers });
    if ('status' in step) {
      res.writeHead(step.status, {
        'content-type': 'application/problem+json',
        ...(step.retryAfter === undefined ? {} : { 'retry-after': step.retryAfter }),
      });
      res.end(JSON.stringify({ status: step.status, code: step.code ?? 'SOME_CODE', detail: 'scripted refusal' }));
      return;
    }
    open.add(res);
    res.on('close', () => open.delete(res));
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
    res.write('retry: 2000\n\n');
    if (step.raw) res.write(step.raw);
    const after = Number(req.headers['last-event-id'] ?? '0');
    const first = step.repeatLast && after > 0 ? after : after + 1;
    for (let id = first; id <= Math.min(after + step.send, logLength); id += 1) {
      const data = { projection: 'completion_stats', key: `case-${id}`, position: String(id) };
      res.write(`id: ${id}\nevent: read-model-change\ndata: ${JSON.stringify(data)}\n\n`);
    }
    if (step.then === 'end') res.end();
    // Ends the socket without the chunked body's last chunk: the client reads what was sent, then an error.
    else if (step.then === 'break') res.write('', () => res.socket?.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A clock whose sleeps return at once and are recorded; `onSleep` may stop the consumer after some of them. */
export function recordingClock(now = Date.parse('2026-12-05T07:00:00Z'), onSleep: (ms: number) => void = () => {}) {
  const sleeps: number[] = [];
  return {
    sleeps,
    clock: {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        onSleep(ms);
      },
    },
  };
}
