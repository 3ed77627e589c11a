import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RequestValidationFailed } from '../problem/request-validation-failed';

/**
 * Deepest nesting a command body may have. The deepest DTO (a received case's parties and obligations) is four levels;
 * refusing deeper bodies before JSON.parse keeps validation and transformation, which recurse, far from the stack limit
 * (100,000 levels used to answer 500 with a stack overflow).
 */
export const MAX_JSON_DEPTH = 32;

/** A body refused before it reached a route: bad bytes, bad JSON, a charset other than UTF-8. */
export class BodyRefused extends Error {
  override readonly name = 'BodyRefused';

  constructor(
    readonly statusCode: 400 | 415,
    readonly code: 'INVALID_JSON' | 'UNSUPPORTED_MEDIA_TYPE',
    message: string,
  ) {
    super(message);
  }
}

/** Control characters other than tab, line feed and carriage return: never meaningful in a text field. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Replaces Fastify's application/json parser: UTF-8 only (invalid bytes are refused, not replaced), nesting bounded
 * by MAX_JSON_DEPTH, then Fastify's own parser (which refuses `__proto__` and `constructor.prototype`), then every
 * string checked for control characters, naming the field.
 */
export function useStrictJsonBodies(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      const text = decodeUtf8(request, body as Buffer);
      const depth = nestingDepth(text);
      if (depth > MAX_JSON_DEPTH) {
        throw new BodyRefused(400, 'INVALID_JSON', `The body nests deeper than ${MAX_JSON_DEPTH} levels`);
      }
      parseJson(request, text, (error, parsed) => {
        if (error) return done(new BodyRefused(400, 'INVALID_JSON', `The body is not valid JSON: ${error.message}`));
        const field = controlCharacterField(parsed, '');
        if (field !== undefined) {
          return done(
            new RequestValidationFailed([
              { field: field || '(body)', messages: ['must not contain NUL or other control characters'] },
            ]),
          );
        }
        done(null, parsed);
      });
    } catch (error) {
      done(error as Error);
    }
  });
}

function decodeUtf8(request: FastifyRequest, body: Buffer): string {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1];
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
    throw new BodyRefused(415, 'UNSUPPORTED_MEDIA_TYPE', `The body must be UTF-8 JSON, not ${charset}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body);
  } catch {
    throw new BodyRefused(400, 'INVALID_JSON', 'The body is not valid UTF-8');
  }
}

/** Deepest nesting of objects and arrays in a JSON text, counted outside strings; linear, no recursion. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index += 1; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x7d || char === 0x5d) depth -= 1;
  }
  return deepest;
}

/** The dotted path of the first string holding a control character, or undefined. Depth is already bounded. */
function controlCharacterField(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return CONTROL_CHARACTER.test(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const innerPath = path ? `${path}.${key}` : key;
    if (CONTROL_CHARACTER.test(key)) return innerPath;
    const found = controlCharacterField(inner, innerPath);
    if (found !== undefined) return found;
  }
  return undefined;
}
