import { Logger, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { EVENT_STORE } from '@thads/application';
import type { EventStore } from '@thads/event-store';
import { AppModule } from './app.module';
import { ENGINE_METRICS, type EngineMetrics } from './metrics/engine-metrics';
import { recordHttpMetrics } from './metrics/http-metrics';
import type { ApiConfig } from './config/api-config';
import { API_PREFIX, ROUTES_WITHOUT_PREFIX } from './http/api-prefix';
import { problemOnClientError } from './http/client-error';
import { useStrictJsonBodies } from './http/json-body';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { RejectionRecorder } from './audit/rejection-recorder';
import { toRequestValidationFailed } from './problem/validation-errors';
import { serveConsole } from './console/serve-console';
import { buildOpenApiDocument } from './docs/openapi-document';

/**
 * Builds the API exactly as `npm start` runs it; e2e tests call this too, so they test the real thing.
 * Fastify: body size limit from config; JSON only for bodies; errors as problem+json.
 */
export async function createApp(config: ApiConfig, options: { logger?: false } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimitBytes, clientErrorHandler: problemOnClientError });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: options.logger === false ? false : undefined,
    // Throw start-up failures (bad settings, unsafe durability, unreachable stores) to the caller instead of
    // exiting: main.ts prints them plainly, and a test that starts the app sees the error instead of a dead run.
    abortOnError: false,
    // Bodies are parsed by useStrictJsonBodies only (below); Nest would otherwise add its own JSON parser at init.
    bodyParser: false,
  });
  app.enableShutdownHooks();
  app.setGlobalPrefix(API_PREFIX, { exclude: ROUTES_WITHOUT_PREFIX });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: toRequestValidationFailed,
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter(new RejectionRecorder(app.get<EventStore>(EVENT_STORE))));

  const fastify = app.getHttpAdapter().getInstance();
  recordHttpMetrics(fastify, app.get<EngineMetrics>(ENGINE_METRICS));
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
