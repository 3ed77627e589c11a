import helmet from 'helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

type Directives = Record<string, readonly string[]>;

/**
 * The console's policy, and every other answer's: everything from this origin only, no inline script or style at
 * all (the console builds its page with the DOM and has none: docs/decisions.md "The web console"), no plugins, no
 * framing. `blob:` is allowed as an image and frame source only for the downloads the console hands the browser.
 * No `upgrade-insecure-requests`: the engine serves plain HTTP by default (TLS ends at a proxy, docker/Caddyfile), and
 * upgrading its own same-origin requests would break the console there.
 */
export const CONSOLE_CSP: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The OpenAPI UI at /docs (swagger-ui, served by @nestjs/swagger): its page carries inline <style> blocks and the UI
 * sets style attributes and data: images as it renders, so styles and images are relaxed there; scripts stay
 * same-origin only (its page loads the bundle and its init script as files).
 */
export const DOCS_CSP: Directives = Object.assign({}, CONSOLE_CSP, {
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
});

/** A policy as the header value. */
export function cspHeader(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/**
 * Security headers on every answer (API, /docs, the console and its assets) with helmet's defaults otherwise:
 * nosniff, frame and referrer policies, cross-origin isolation of resources, HSTS (honoured once TLS is in front).
 * Hooked before Nest maps its routes, so it runs for every route, problems and 404s included. helmet's middleware is
 * built once here: @fastify/helmet built it, CSP parsing included, on every request (docs/performance.md, change 31).
 */
export function useSecurityHeaders(app: NestFastifyApplication): void {
  const setHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONSOLE_CSP as Record<string, string[]> },
    // The API answers requests from its own console; nothing here is meant to be embedded or opened cross-origin.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
  const docs = cspHeader(DOCS_CSP);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) =>
    setHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
  fastify.addHook('onSend', async (request, reply) => {
    if (request.url === '/docs' || request.url.startsWith('/docs/')) void reply.header('content-security-policy', docs);
  });
}
