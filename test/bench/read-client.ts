/**
 * M5get's client: a small child process that sends sequential GETs and answers their latencies over IPC. The bench
 * process holds the caseload (a heap near its limit), so its own garbage collections would land in the latencies it
 * measures; this process holds nothing but the requests, so what it measures is the API.
 */
interface ReadRequest {
  readonly url: string;
  readonly token: string;
  readonly runs: number;
  readonly warmup: number;
}

async function get(url: string, token: string): Promise<void> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
  await response.arrayBuffer();
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
