import { randomUUID } from 'node:crypto';
import { Logger, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { EVENT_STORE } from '@thads/application';
import type { EventStore } from '@thads/event-store';
import { createLogger, PinoNestLogger, silentLogger, type Logger as ProcessLogger } from '@thads/observability';
import { AppModule } from './app.module';
import { ENGINE_METRICS, type EngineMetrics } from './metrics/engine-metrics';
import { commandNamesOf, recordHttpMetrics } from './metrics/http-metrics';
import { routesOf } from './auth/route-table';
import type { ApiConfig } from './config/api-config';
import { API_PREFIX, ROUTES_WITHOUT_PREFIX } from './http/api-prefix';
import { problemOnClientError } from './http/client-error';
import { useStrictJsonBodies } from './http/json-body';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { RejectionRecorder } from './audit/rejection-recorder';
import { toRequestValidationFailed } from './problem/validation-errors';
import { serveConsole } from './console/serve-console';
import { useSecurityHeaders } from './http/security-headers';
import { COMMAND_RATE_LIMITS, type CommandRateLimits } from './rate-limit/command-rate-limits';
import { buildOpenApiDocument } from './docs/openapi-document';
import { observeRequests } from './logging/request-observability';
import { useTurnBudget } from './http/use-turn-budget';
import { memoizeValidationMetadata } from './http/validation-metadata-cache';

export interface CreateAppOptions {
  /** The process logger; default: LOG_LEVEL and LOG_FORMAT to stdout. `false` logs nothing (tests). */
  readonly logger?: false | ProcessLogger;
  /** Run when the app closes, after the HTTP server has stopped (main.ts flushes the trace exporter here). */
  readonly onClose?: () => Promise<void>;
}

/**
 * Builds the API exactly as `npm start` runs it; e2e tests call this too, so they test the real thing.
 * Fastify: body size limit from config; JSON only for bodies; errors as problem+json.
 */
export async function createApp(config: ApiConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const logger =
    options.logger === false
      ? silentLogger()
      : (options.logger ?? createLogger({ app: 'api', ...config.log, destination: 1 }));
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    clientErrorHandler: problemOnClientError,
    // The request id on every log line of the request, and its correlation id when the client sends none.
    genReqId: () => randomUUID(),
  });
  const root = AppModule.forRoot(config);
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    // Every `new Logger(context)` of the API writes the process's pino lines.
    logger: new PinoNestLogger(logger),
    // Throw start-up failures (bad settings, unsafe durability, unreachable stores) to the caller instead of
    // exiting: main.ts prints them plainly, and a test that starts the app sees the error instead of a dead run.
    abortOnError: false,
    // Bodies are parsed by useStrictJsonBodies only (below); Nest would otherwise add its own JSON parser at init.
    bodyParser: false,
  });
  app.enableShutdownHooks();
  useSecurityHeaders(app);
  app.setGlobalPrefix(API_PREFIX, { exclude: ROUTES_WITHOUT_PREFIX });
  memoizeValidationMetadata();
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: toRequestValidationFailed,
    }),
  );
  app.useGlobalFilters(
    new ProblemDetailsFilter(
      new RejectionRecorder(app.get<EventStore>(EVENT_STORE), app.get<CommandRateLimits>(COMMAND_RATE_LIMITS)),
    ),
  );

  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get<EngineMetrics>(ENGINE_METRICS);
  observeRequests(fastify, logger);
  useTurnBudget(fastify, config.turnBudgetMs, () => metrics.httpRequestsDeferred.inc());
  recordHttpMetrics(fastify, metrics, commandNamesOf(routesOf(root)));
  if (options.onClose !== undefined) {
    const onClose = options.onClose;
    fastify.addHook('onClose', () => onClose());
  }
  // Commands are JSON only: any other body gets 415 from Fastify, shaped as a problem by the filter.
  fastify.removeContentTypeParser(['text/plain']);
  useStrictJsonBodies(fastify);

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  serveConsole(app, config.consoleDir, new Logger('Console'));
  await app.init();
  await fastify.ready();
  return app;
}
