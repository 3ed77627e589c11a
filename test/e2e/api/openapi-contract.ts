import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';

/**
 * The committed OpenAPI document checked against what the API really answers: every response a whole-app suite
 * receives through the harness (test-app.ts) must have a documented status, its documented required headers and a
 * body its schema accepts (closed DTOs refuse undeclared fields). A mismatch fails the request's test, naming the
 * operation, the status and ajv's error. Responses of routes the document does not describe (the console, /docs,
 * /metrics) are not checked.
 */

interface Operation {
  readonly operationId: string;
  readonly responses: Record<string, unknown>;
}

interface DocumentedResponse {
  readonly headers?: Record<string, { readonly required?: boolean; readonly schema?: object }>;
  readonly content?: Record<string, { readonly schema?: object }>;
}

const DOCUMENT_ID = 'openapi.json';
const document = JSON.parse(readFileSync(join(__dirname, '../../../docs/openapi.json'), 'utf8')) as {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { readonly responses?: Record<string, DocumentedResponse> };
};

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('binary', true);
ajv.addSchema(asJsonSchema(document) as object, DOCUMENT_ID);

/** Each documented path as a pattern of its concrete URLs, with its operations by lower-case method. */
const ROUTES = Object.entries(document.paths).map(([template, operations]) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^/]+\}/g, '[^/]+')}$`),
  operations,
}));

const validators = new Map<string, ValidateFunction>();

/** Throws when a response contradicts the document; answers nothing for a route it does not describe. */
export function checkAgainstDocument(method: string, url: string, response: Response): void {
  const path = new URL(url, 'http://localhost').pathname;
  // A concrete segment wins over a parameter (`/offices/successions` over `/offices/{officeId}`).
  const route = ROUTES.filter((candidate) => candidate.pattern.test(path)).sort(
    (a, b) => a.template.split('{').length - b.template.split('{').length,
  )[0];
  const operation = route?.operations[method.toLowerCase()];
  if (route === undefined || operation === undefined) return;
  const where = `${method.toUpperCase()} ${route.template} (${operation.operationId}) answered ${response.status}`;
  const pointer = responsePointer(route.template, method.toLowerCase(), operation, String(response.status));
  if (pointer === undefined)
    throw new Error(`${where}, a status the document does not list: ${JSON.stringify(response.body)}`);
  const documented = resolve(pointer);

  for (const [name, header] of Object.entries(documented.headers ?? {})) {
    const value = response.headers[name.toLowerCase()] as string | undefined;
    if (value === undefined) {
      if (header.required) throw new Error(`${where} without its documented header ${name}`);
      continue;
    }
    const errors = validate(`${pointer}/headers/${escape(name)}/schema`, value);
    if (errors) throw new Error(`${where} with header ${name}: ${JSON.stringify(value)} ${describe(errors)}`);
  }

  const contentType = String(response.headers['content-type'] ?? '')
    .split(';')[0]
    .trim();
  const content = documented.content ?? {};
  if (!Object.keys(content).length) return;
  if (!(contentType in content))
    throw new Error(`${where} as ${contentType || 'no content type'}; the document offers ${Object.keys(content)}`);
  if (!/[/+]json$/.test(contentType)) return;
  const errors = validate(`${pointer}/content/${escape(contentType)}/schema`, response.body);
  if (errors) throw new Error(`${where} with a body the document refuses: ${describe(errors)}`);
}

/** The JSON pointer of the documented response (components.responses followed), or undefined for an unlisted status. */
function responsePointer(template: string, method: string, operation: Operation, status: string): string | undefined {
  const key = status in operation.responses ? status : 'default' in operation.responses ? 'default' : undefined;
  if (key === undefined) return undefined;
  const listed = operation.responses[key] as { $ref?: string };
  return listed.$ref ?? `#/paths/${escape(template)}/${method}/responses/${key}`;
}

function resolve(pointer: string): DocumentedResponse {
  return pointer
    .slice(2)
    .split('/')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')],
      document,
    ) as DocumentedResponse;
}

function validate(pointer: string, value: unknown): ErrorObject[] | undefined {
  let check = validators.get(pointer);
  if (check === undefined) {
    check = ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
    validators.set(pointer, check);
  }
  return check(value) ? undefined : (check.errors ?? []);
}

function describe(errors: readonly ErrorObject[]): string {
  return errors
    .slice(0, 5)
    .map((error) => `${error.instancePath || '(body)'} ${error.message}${paramsOf(error)}`)
    .join('; ');
}

function paramsOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if ('additionalProperty' in params) return `: ${String(params.additionalProperty)}`;
  if ('allowedValues' in params) return `: ${JSON.stringify(params.allowedValues)}`;
  return '';
}

function escape(part: string): string {
  return part.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * OpenAPI 3.0 schemas as the JSON Schema ajv reads: `nullable: true` becomes a `null` type (and a null among an enum's
 * values, or a `null` alternative beside a `$ref`/`allOf`, which carry no type).
 */
function asJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, asJsonSchema(value)]));
  if (nullable !== true) return converted;
  // swagger writes a nullable DTO member as `type: object` beside `allOf: [$ref]`: the null must bypass the $ref.
  if (typeof converted.type === 'string' && converted.allOf === undefined && converted.$ref === undefined) {
    return {
      ...converted,
      type: [converted.type, 'null'],
      ...(Array.isArray(converted.enum) ? { enum: [...(converted.enum as unknown[]), null] } : {}),
    };
  }
  const { description, ...schema } = converted;
  return { description, anyOf: [{ type: 'null' }, schema] };
}

/** Every `example` of a schema in the document that its own schema refuses, with ajv's error. */
export function refusedExamples(): string[] {
  const refused: string[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((item, index) => visit(item, `${pointer}/${index}`));
    const record = node as Record<string, unknown>;
    const isSchema = pointer.startsWith('#/components/schemas/') || /\/schema(\/|$)/.test(pointer);
    if (isSchema && 'example' in record) {
      const errors = validate(pointer, record.example);
      if (errors) refused.push(`${pointer}: ${JSON.stringify(record.example)} ${describe(errors)}`);
    }
    for (const [key, value] of Object.entries(record)) if (key !== 'example') visit(value, `${pointer}/${escape(key)}`);
  };
  visit(document, '#');
  return refused;
}
