import {
  fileCheckpoint,
  followFeed,
  isChangeId,
  type FeedEvent,
  type FeedProjection,
  type FeedSink,
} from '@thads/feed-consumer';
import { findProjection, readModelProjections } from '@thads/read-models';
import { UsageError, type CliFlags } from '../cli-arguments';
import type { CliIo } from '../cli-context';

const DEFAULT_BASE_URL = 'http://localhost:3000';

/**
 * `follow [--since <id>] [--state-file <path>] [--projection <name>] [--base-url <url>] [--token <jwt>]`: follows the
 * API's read-model change feed (docs/feed-consumer.md) and prints one JSON line per change on stdout,
 * `{"id","projection","key","position"}`, until SIGINT or SIGTERM. Connection news and waits go to stderr.
 *
 * With `--state-file` the last printed id is saved (atomically, fsynced) after each line and a restart resumes after
 * it; `--since` then only says where a fresh state file starts. A kill between printing a line and saving its id
 * prints that one line again after the restart: the id tells a reader it has seen it.
 */
export async function followCommand(io: CliIo, flags: CliFlags): Promise<number> {
  const baseUrl = baseUrlOf(flags.baseUrl ?? io.env.THADS_API_URL ?? DEFAULT_BASE_URL);
  const token = flags.token ?? io.env.THADS_API_TOKEN;
  if (!token)
    throw new UsageError(
      'follow needs a bearer token: --token <jwt> or THADS_API_TOKEN (e.g. `npm run cli -- token --role reporting`)',
    );
  if (flags.since !== undefined && !isChangeId(flags.since))
    throw new UsageError(`--since must be a change id (a whole number), got "${flags.since}"`);
  if (flags.projection !== undefined && !findProjection(flags.projection, readModelProjections))
    throw new UsageError(
      `--projection: unknown read model "${flags.projection}"; known: ${readModelProjections.map((p) => p.name).join(', ')}`,
    );
  const checkpoint = flags.stateFile === undefined ? undefined : fileCheckpoint(flags.stateFile);
  const saved = checkpoint?.read();
  if (saved !== undefined && flags.since !== undefined && saved !== flags.since)
    io.stderr.write(`Resuming after change ${saved} from ${flags.stateFile}; --since ${flags.since} is not used\n`);
  const sink: FeedSink = {
    lastAppliedId: async () => saved,
    apply: async (change) => {
      io.stdout.write(`${JSON.stringify(change)}\n`);
      checkpoint?.write(change.id);
    },
  };
  const { signal, release } = stopSignal(io);
  try {
    await followFeed({
      baseUrl,
      token,
      sink,
      since: flags.since,
      // Checked against the read models above; the feed's OpenAPI type lists the same names.
      projection: flags.projection as FeedProjection | undefined,
      signal,
      onEvent: (event) => report(io, event),
    });
  } finally {
    release();
  }
  return 0;
}

function baseUrlOf(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--base-url must be an http(s) URL such as ${DEFAULT_BASE_URL}, got "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--base-url must be an http(s) URL such as ${DEFAULT_BASE_URL}, got "${text}"`);
  return text;
}

/** The caller's signal, or one that SIGINT and SIGTERM abort (handlers removed when the command ends). */
function stopSignal(io: CliIo): { signal: AbortSignal; release: () => void } {
  if (io.signal) return { signal: io.signal, release: () => undefined };
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    release: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

function report(io: CliIo, event: FeedEvent): void {
  if (event.type === 'connected') io.stderr.write(`Connected; changes after ${event.afterId} follow\n`);
  else if (event.type === 'disconnected') io.stderr.write(`Disconnected: ${event.reason}\n`);
  else if (event.type === 'waiting') {
    const answer = event.status === undefined ? '' : ` after ${event.status}${event.code ? ` ${event.code}` : ''}`;
    const why = event.why === 'retry-after' ? 'as Retry-After asks' : 'backing off';
    io.stderr.write(`Reconnecting in ${(event.ms / 1000).toFixed(1)} s${answer} (${why})\n`);
  }
}
