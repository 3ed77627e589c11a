import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { loadApiConfig } from '../config/api-config';
import { API_PREFIX, ROUTES_WITHOUT_PREFIX } from '../http/api-prefix';

/** Where `npm run docs:openapi` writes the document, relative to the repository root. */
export const OPENAPI_DOC = 'docs/openapi.json';

/**
 * The OpenAPI document of an app whose routes are registered (global prefix set): the one served at /docs-json and
 * committed as docs/openapi.json (docs/api-contract.md).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('thads-engine')
      .setDescription(
        'Event-sourced case lifecycle for Vietnamese civil judgment enforcement (THADS). Errors are RFC 9457 problem+json with a stable `code`.',
      )
      .setVersion('1')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'JWT with sub, roles and offices (docs/authorization.md)',
      })
      .build(),
  );
}

/**
 * The same document without starting anything: Nest's preview mode scans the module tree and the controllers'
 * decorators but instantiates no provider, so no store or database is opened. The configuration defaults are enough.
 */
export async function generateOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule.forRoot(loadApiConfig({})), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: ROUTES_WITHOUT_PREFIX });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** The committed text: stable key order as generated, two-space JSON (Prettier formats it when written). */
export function openApiText(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
