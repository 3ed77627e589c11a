/** Starting and driving M5get's client child (read-client.ts) from the bench process. */
import { forkBenchChild, stopChild } from './bench-child';

export interface ReadClient {
  /** Latencies in ms of `runs` sequential GETs of `url`, after `warmup` unmeasured ones. */
  latencies(url: string, token: string, runs: number, warmup?: number): Promise<number[]>;
  stop(): Promise<void>;
}

interface ClientAnswer {
  readonly ready?: boolean;
  readonly samples?: number[];
  readonly error?: string;
}

/** Forks the client and waits until it is ready; 120 s at most. */
export async function startReadClient(): Promise<ReadClient> {
  const child = forkBenchChild('read-client.ts');
  const next = () =>
    new Promise<ClientAnswer>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the read client exited with ${code}`));
      child.once('exit', onExit);
      child.once('message', (answer: ClientAnswer) => {
        child.off('exit', onExit);
        resolve(answer);
      });
    });
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  await next().finally(() => clearTimeout(timer));
  return {
    latencies: async (url, token, runs, warmup = 20) => {
      const answer = next();
      child.send({ url, token, runs, warmup });
      const { samples, error } = await answer;
      if (error !== undefined || samples === undefined) throw new Error(`read client: ${error}`);
      return samples;
    },
    stop: () => stopChild(child, 10_000),
  };
}
