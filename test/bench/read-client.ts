/**
 * M5get's client: a small child process that sends sequential GETs and answers their latencies over IPC. The bench
 * process holds the caseload (a heap near its limit), so its own garbage collections would land in the latencies it
 * measures; this process holds nothing but the requests, so what it measures is the API. It sends with node:http over
 * one kept-alive socket, as autocannon does for M3: fetch (undici) added about 0.2 ms at p50 and 1 ms at p99 of its
 * own (docs/performance.md, M5get's client).
 */
import { Agent, get as httpGet } from 'node:http';

interface ReadRequest {
  readonly url: string;
  readonly token: string;
  readonly runs: number;
  readonly warmup: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** One GET, resolved once the whole body has arrived; any status but 200 fails the measurement. */
function get(url: string, token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    httpGet(url, { agent, headers: { authorization: `Bearer ${token}` } }, (response) => {
      response.on('data', () => undefined);
      response.on('error', reject);
      response.on('end', () =>
        response.statusCode === 200 ? resolve() : reject(new Error(`GET ${url}: ${response.statusCode}`)),
      );
    }).on('error', reject);
  });
}

async function measure({ url, token, runs, warmup }: ReadRequest): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await get(url, token);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await get(url, token);
    samples.push(performance.now() - started);
  }
  return samples;
}

process.on('message', (message: ReadRequest | 'stop') => {
  if (message === 'stop') return process.exit(0);
  measure(message).then(
    (samples) => process.send?.({ samples }),
    (error: Error) => process.send?.({ error: error.message }),
  );
});
process.send?.({ ready: true });
