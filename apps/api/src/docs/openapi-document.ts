import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { ReferenceObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { AppModule, CONTROLLERS } from '../app.module';
import { HealthController } from '../health/health.controller';
import { routesOfControllers, type RouteAccess } from '../auth/route-table';
import { closedSchemas } from '../http/dto/closed-schema';
import { problemResponsesOf } from './problem-responses';
import { loadApiConfig } from '../config/api-config';
import { API_PREFIX, ROUTES_WITHOUT_PREFIX } from '../http/api-prefix';

/** Where `npm run docs:openapi` writes the document, relative to the repository root. */
export const OPENAPI_DOC = 'docs/openapi.json';

/**
 * The OpenAPI document of an app whose routes are registered (global prefix set): the one served at /docs-json and
 * committed as docs/openapi.json (docs/api-contract.md).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
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
  // Health is public and outside the signed-in controllers, but its answers are part of the contract too.
  return completedDocument(document, routesOfControllers([...CONTROLLERS, HealthController]));
}

/**
 * What the decorators leave to the tables: every operation's problem responses, derived from its kind, access policy
 * and declared refusals (problem-responses.ts), and the complete response DTOs closed to undeclared fields.
 */
function completedDocument(document: OpenAPIObject, routes: readonly RouteAccess[]): OpenAPIObject {
  const shared = sharedResponses(document);
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const operation = document.paths[path]?.[route.method.toLowerCase() as 'get' | 'post'];
    if (operation === undefined) continue;
    const problems = Object.entries(problemResponsesOf(route, operation)).map(([status, response]) => [
      status,
      shared(`${route.controller.replace(/Controller$/, '')}${status}`, response),
    ]);
    operation.responses = { ...operation.responses, ...Object.fromEntries(problems) };
  }
  const schemas = document.components?.schemas ?? {};
  for (const name of closedSchemas()) {
    const schema = schemas[name];
    if (schema !== undefined && !('$ref' in schema)) schema.additionalProperties = false;
  }
  return document;
}

/**
 * Puts a response once under components.responses and answers a reference to it: the same problems recur on every
 * command of a controller, and the document would be mostly copies of their code lists otherwise.
 */
function sharedResponses(document: OpenAPIObject): (name: string, response: ResponseObject) => ReferenceObject {
  const responses = ((document.components ??= {}).responses ??= {});
  const nameOf = new Map<string, string>();
  return (name, response) => {
    const text = JSON.stringify(response);
    let found = nameOf.get(text);
    if (found === undefined) {
      found = name;
      for (let n = 2; found in responses; n++) found = `${name}_${n}`;
      responses[found] = response;
      nameOf.set(text, found);
    }
    return { $ref: `#/components/responses/${found}` };
  };
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
