import { Controller, Get, Headers, Inject, Logger, type OnModuleDestroy, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectorRuntime } from '@thads/read-models';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access-policy';
import { READ_CHANGE_FEED } from '../auth/policies';
import { ENGINE_METRICS, type EngineMetrics } from '../metrics/engine-metrics';
import { RequestValidationFailed } from '../problem/request-validation-failed';
import { PROJECTOR_RUNTIME } from '../read-models/read-models.tokens';
import { isChangeId } from './change-id';
import { ReadModelFeedQueryDto } from './dto/read-model-feed.query';
import { followChanges, READ_MODEL_CHANGE_EVENT } from './follow-changes';
import { openSseResponse } from './sse-response';

/** Comment lines on an idle stream, well inside the usual 30–60 s proxy idle timeouts. */
const HEARTBEAT_MS = 15_000;
/** Changes written by another process (a standalone projector, a CLI rebuild) are seen within this. */
const POLL_MS = 1_000;
const PAGE_SIZE = 500;

/**
 * The reporting service's feed (docs/architecture.md, the read-model change feed): Server-Sent Events of read-model changes.
 *
 * Written on the raw Node response (`@Res()`, `reply.hijack()`, `reply.raw`) rather than Nest's `@Sse()`: the feed is
 * a loop that pages through the change log, waits for the projector, honours backpressure and ends on a signal, which
 * reads plainly as async code; an Observable would add a layer for nothing. Any HTTP client can read it (tests use
 * Node's http.get on a listening port; supertest would wait for the end of a stream that never ends).
 *
 * Shutdown: onModuleDestroy ends every open stream and waits for it, before the read models close and before the HTTP
 * server closes (Nest destroys this module before the global read-model module, and closes the server after), so
 * app.close() never hangs on a connected client.
 */
@ApiTags('feeds')
@ApiBearerAuth()
@Controller('feeds')
export class ReadModelFeedController implements OnModuleDestroy {
  private readonly logger = new Logger('ReadModelFeed');
  private readonly open = new Map<AbortController, Promise<void>>();

  constructor(
    @Inject(PROJECTOR_RUNTIME) private readonly runtime: ProjectorRuntime,
    @Inject(ENGINE_METRICS) private readonly metrics: EngineMetrics,
  ) {}

  @Get('read-models')
  @Access(READ_CHANGE_FEED)
  @ApiOperation({
    summary: 'Server-Sent Events of read-model changes, resumable with Last-Event-ID',
    description:
      `Each message: \`id: <change id>\`, \`event: ${READ_MODEL_CHANGE_EVENT}\`, \`data: {"projection","key","position"}\`. ` +
      '`key` is what changed (by default the stream, e.g. `case-HP-2018-0001`; `$rebuilt` when a rebuild swapped the whole ' +
      "read model in); `position` is the log position to pass as `minPosition` to that read model's query to see the change. " +
      'Changes already logged are sent first (catch-up), then new ones as the projector commits them, in id order. ' +
      'To resume, reconnect with `Last-Event-ID` (EventSource does it by itself) or `fromId` set to the last id received: ' +
      'nothing is missed and nothing repeats. A comment line is sent every 15 s of silence.',
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The last change id received; the stream resumes after it',
  })
  @ApiOkResponse({
    description: 'An endless text/event-stream; see the description for the message format',
    headers: {
      'Cache-Control': {
        description: 'A stream is never cached',
        schema: { type: 'string', enum: ['no-cache, no-transform'] },
      },
    },
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  async readModelChanges(
    @Query() query: ReadModelFeedQueryDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const afterId = resumeAfter(query.fromId, lastEventId);
    const stop = new AbortController();
    // From here on Fastify leaves the response to us; errors can no longer become a problem+json answer.
    reply.hijack();
    const writer = openSseResponse(reply.raw, stop);
    this.metrics.sseClients.inc();
    const feed = followChanges(writer, {
      db: this.runtime.readModels.db,
      changes: this.runtime.changes,
      projection: query.projection,
      afterId,
      stop: stop.signal,
      pageSize: PAGE_SIZE,
      pollMs: POLL_MS,
      heartbeatMs: HEARTBEAT_MS,
    })
      .catch((error: unknown) =>
        this.logger.error(`Feed stopped: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        this.metrics.sseClients.dec();
        this.open.delete(stop);
        if (!reply.raw.writableEnded) reply.raw.end();
      });
    this.open.set(stop, feed);
    await feed;
  }

  /** Ends every open stream and waits until none reads the database any more. */
  async onModuleDestroy(): Promise<void> {
    for (const stop of this.open.keys()) stop.abort();
    await Promise.allSettled([...this.open.values()]);
  }
}

/** The id to resume after: Last-Event-ID (what EventSource sends on reconnect) wins over fromId; default 0, all. */
function resumeAfter(fromId: string | undefined, lastEventId: string | undefined): bigint {
  if (lastEventId !== undefined) {
    if (!isChangeId(lastEventId))
      throw new RequestValidationFailed([
        { field: 'Last-Event-ID', messages: ['Last-Event-ID must be a change id: a whole number'] },
      ]);
    return BigInt(lastEventId);
  }
  return fromId === undefined ? 0n : BigInt(fromId);
}
