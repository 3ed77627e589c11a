/**
 * The typed client of the HTTP API (docs/api-client.md): paths, parameters and bodies are checked against the types
 * generated from docs/openapi.json (api-types.ts); a bearer token goes on every request; a refusal becomes an
 * ApiProblemError with its code; a GET answered 503 or 429 with `Retry-After` is asked again after that wait.
 *
 * The implementation lives in this entry point on purpose: the web console loads it in the browser as tsc emits it
 * (apps/console/tsconfig.json), without a bundler, so it has no runtime import (type imports are erased) and uses no
 * Node-only API; a relative import without a `.js` extension would not load there.
 */
import type { ApiMethod, ApiPathWith, GetRequest, GetResult, PostRequest, PostResult, paths } from './api-types';

export type {
  ApiMethod,
  ApiOperation,
  ApiPathWith,
  ApiRequest,
  ApiSuccess,
  components,
  GetRequest,
  GetResult,
  operations,
  paths,
  PostRequest,
  PostResult,
} from './api-types';

/** A field the API named in a 400 VALIDATION_FAILED. */
export interface ProblemFieldError {
  readonly field: string;
  readonly messages?: readonly string[];
}

/** The members of a problem+json body the API sends. */
export interface ApiProblem {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly code?: string;
  readonly detail?: string;
  readonly errors?: readonly ProblemFieldError[];
  readonly [member: string]: unknown;
}

export class ApiProblemError extends Error {
  override readonly name = 'ApiProblemError';
  constructor(
    readonly status: number,
    /** The problem's `code`; `HTTP_<status>` when the answer was not problem+json (a proxy's page, say). */
    readonly code: string,
    readonly detail: string,
    readonly problem: ApiProblem,
    /** What `Retry-After` asked for, in ms, when the answer carried one (503, 429). */
    readonly retryAfterMs: number | undefined,
  ) {
    super(`${status} ${code}: ${detail}`);
  }
}

/** The error a non-2xx answer stands for. Reads the body. */
export async function problemFromResponse(response: Response, nowMs = Date.now()): Promise<ApiProblemError> {
  const text = await response.text().catch(() => '');
  let problem: ApiProblem = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) problem = parsed as ApiProblem;
  } catch {
    // Not JSON: keep the start of the text as the detail.
  }
  const code = typeof problem.code === 'string' ? problem.code : `HTTP_${response.status}`;
  const detail =
    typeof problem.detail === 'string' ? problem.detail : text.slice(0, 200) || response.statusText || code;
  return new ApiProblemError(
    response.status,
    code,
    detail,
    problem,
    retryAfterMs(response.headers.get('retry-after'), nowMs),
  );
}

/**
 * The wait a `Retry-After` header asks for (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date relative to `nowMs`
 * (a past date is 0). Undefined when absent or malformed.
 */
export function retryAfterMs(header: string | null | undefined, nowMs: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/GMT$/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export interface ApiClientOptions {
  /**
   * Where the API's root is, without a trailing slash: `http://localhost:3000`, or `''` for the page's own origin.
   * The paths of the document carry the `/api/v1` prefix.
   */
  readonly baseUrl: string;
  /** The bearer token, or a function asked before every request (a token that expires, a session that changes). */
  readonly token?: string | (() => string | undefined | Promise<string | undefined>);
  /** How many times a GET answered 503 or 429 with `Retry-After` is asked again. Default 5. */
  readonly retryAttempts?: number;
  /** A `Retry-After` longer than this is not waited out: the error is thrown at once. Default 30 s. */
  readonly maxRetryWaitMs?: number;
  readonly fetch?: typeof fetch;
  /** Waits `ms` (tests pass one that records instead). */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

/** Path parameters and query of any operation, for `url`. */
export interface UrlParts {
  readonly path?: Readonly<Record<string, string | number>>;
  readonly query?: Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;
}

/** The second argument is optional exactly when the operation requires nothing in it. */
type RequestArgument<R> = Record<string, never> extends R ? [request?: R] : [request: R];

export interface ApiClient {
  /** The absolute URL of a path with its parameters filled in and its query appended. */
  url(path: keyof paths, parts?: UrlParts): string;
  get<P extends ApiPathWith<'get'>>(path: P, ...request: RequestArgument<GetRequest<P>>): Promise<GetResult<P>>;
  post<P extends ApiPathWith<'post'>>(path: P, request: PostRequest<P>): Promise<PostResult<P>>;
  /** The answer itself, checked like the others (a download, an event stream): the caller reads the body. */
  send<P extends ApiPathWith<'get'>>(
    method: 'get',
    path: P,
    ...request: RequestArgument<GetRequest<P>>
  ): Promise<Response>;
  /** The headers every request carries: `authorization` when there is a token. */
  authorization(): Promise<Record<string, string>>;
}

const RETRYABLE_STATUSES = new Set([429, 503]);

export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? (() => Date.now());
  const attempts = options.retryAttempts ?? 5;
  const maxWait = options.maxRetryWaitMs ?? 30_000;
  const base = options.baseUrl.replace(/\/+$/, '');

  const authorization = async (): Promise<Record<string, string>> => {
    const token = typeof options.token === 'function' ? await options.token() : options.token;
    return token ? { authorization: `Bearer ${token}` } : {};
  };

  const url = (path: keyof paths, parts: UrlParts = {}): string => {
    const filled = String(path).replace(/\{([^}]+)\}/g, (_match, name: string) => {
      const value = parts.path?.[name];
      if (value === undefined || value === '')
        throw new TypeError(`${String(path)}: path parameter ${name} is missing`);
      return encodeURIComponent(String(value));
    });
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(parts.query ?? {})) {
      if (value === undefined) continue;
      if (Array.isArray(value)) value.forEach((item) => query.append(name, String(item)));
      else query.set(name, String(value));
    }
    const search = query.toString();
    return `${base}${filled}${search ? `?${search}` : ''}`;
  };

  async function send(method: ApiMethod, path: keyof paths, request: RequestShape = {}): Promise<Response> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...request.headers,
      ...(await authorization()),
    };
    const init: RequestInit = { method: method.toUpperCase(), headers, signal: request.signal };
    if (request.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(request.body);
    }
    const target = url(path, request);
    for (let attempt = 0; ; attempt += 1) {
      const response = await doFetch(target, init);
      if (response.ok) return response;
      const problem = await problemFromResponse(response, now());
      // Only reads are repeated: a command is retried by its caller, with its Idempotency-Key.
      const wait = problem.retryAfterMs;
      if (
        method !== 'get' ||
        !RETRYABLE_STATUSES.has(response.status) ||
        wait === undefined ||
        wait > maxWait ||
        attempt >= attempts
      )
        throw problem;
      await sleep(wait);
    }
  }

  const json = async (response: Response): Promise<never> => {
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as never;
  };

  return {
    url,
    authorization,
    get: async (path, ...[request]) => json(await send('get', path, request as RequestShape)),
    post: async (path, request) => json(await send('post', path, request as RequestShape)),
    send: (method, path, ...[request]) => send(method, path, request as RequestShape),
  };
}

/** What every request object has, whatever its operation. */
interface RequestShape extends UrlParts {
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}
