/**
 * Types of a call, read off the generated `paths` (openapi.generated.ts, from docs/openapi.json): which paths take
 * which method, their path and query parameters (required ones required), their JSON body and their success body.
 * When the document changes, every caller whose call no longer fits stops type-checking.
 */
import type { paths } from './openapi.generated';

export type { components, operations, paths } from './openapi.generated';

/** Methods the client speaks. */
export type ApiMethod = 'get' | 'post';

/** The operation behind a path and method; never when the path does not take the method. */
export type ApiOperation<P extends keyof paths, M extends ApiMethod> = NonNullable<paths[P][M]>;

/** Paths that take `M`, e.g. `ApiPathWith<'post'>` is every command route. */
export type ApiPathWith<M extends ApiMethod> = {
  [P in keyof paths]: [ApiOperation<P, M>] extends [never] ? never : P;
}[keyof paths];

type ParametersOf<O> = O extends { parameters: infer X } ? X : Record<string, never>;
type ParameterPart<O, K extends string> = K extends keyof ParametersOf<O> ? ParametersOf<O>[K] : undefined;

/** `{ name: V }` when V is required, `{ name?: V }` when optional, `{ name?: undefined }` when the operation has none. */
type Slot<K extends string, V> = [Exclude<V, undefined>] extends [never]
  ? { readonly [key in K]?: undefined }
  : undefined extends V
    ? { readonly [key in K]?: Exclude<V, undefined> }
    : { readonly [key in K]: V };

type JsonBodyOf<O> = O extends { requestBody: { content: { 'application/json': infer B } } }
  ? B
  : O extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B | undefined
    : undefined;

/** What a call of operation O takes besides its path: path parameters, query, JSON body, extra headers. */
export type ApiRequest<O> = Slot<'path', ParameterPart<O, 'path'>> &
  Slot<'query', ParameterPart<O, 'query'>> &
  Slot<'body', JsonBodyOf<O>> & {
    /** Extra headers (`Idempotency-Key`, `If-Match`, `Accept`, …); the client sets authorization itself. */
    readonly headers?: Readonly<Record<string, string>>;
    readonly signal?: AbortSignal;
  };

type ResponsesOf<O> = O extends { responses: infer R } ? R : never;
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : unknown;
type SuccessStatus = 200 | 201 | 202;

/**
 * The JSON a successful call answers with, as documented; `unknown` while the document declares no schema for it
 * (the caller then states what it reads, and the document should be completed).
 */
export type ApiSuccess<O> = {
  [S in keyof ResponsesOf<O>]: S extends SuccessStatus ? JsonOf<ResponsesOf<O>[S]> : never;
}[keyof ResponsesOf<O>];

/** Options of a GET of path P. */
export type GetRequest<P extends ApiPathWith<'get'>> = ApiRequest<ApiOperation<P, 'get'>>;
/** Options of a POST of path P. */
export type PostRequest<P extends ApiPathWith<'post'>> = ApiRequest<ApiOperation<P, 'post'>>;
/** The success body of a GET of path P. */
export type GetResult<P extends ApiPathWith<'get'>> = ApiSuccess<ApiOperation<P, 'get'>>;
/** The success body of a POST of path P. */
export type PostResult<P extends ApiPathWith<'post'>> = ApiSuccess<ApiOperation<P, 'post'>>;
