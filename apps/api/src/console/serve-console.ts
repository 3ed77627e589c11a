import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
// Brings reply.sendFile into Fastify's types; the plugin itself is registered by useStaticAssets.
import type {} from '@fastify/static';

/**
 * Serves the web console (apps/console, built into CONSOLE_DIR by `npm run build:console`, which `npm start` runs):
 * `/` answers its page, `/console/*` its scripts and styles, all from this origin (no CDN, no external fonts). The
 * assets are public, like any login page: they hold no data. Every figure the console shows comes from the API with
 * the bearer token the person signed in with, under the same access policies as any other client.
 */
export function serveConsole(app: NestFastifyApplication, consoleDir: string, logger: Logger): void {
  if (!existsSync(join(consoleDir, 'index.html'))) {
    logger.warn(`No console at ${consoleDir} (run npm run build:console); / will answer 404`);
    return;
  }
  app.useStaticAssets({ root: consoleDir, prefix: '/console/', index: false, cacheControl: false });
  const fastify = app.getHttpAdapter().getInstance();
  // no-cache: the page is revalidated, so a new build is picked up at once.
  fastify.get('/', (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html', consoleDir));
  // Browsers ask for /favicon.ico on their own (the /docs page and any tab without the page's <link rel=icon>).
  fastify.get('/favicon.ico', (_request, reply) =>
    reply.header('cache-control', 'max-age=86400').type('image/svg+xml').sendFile('favicon.svg', consoleDir),
  );
}
