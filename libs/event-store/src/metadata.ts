/**
 * Envelope validation (docs/architecture.md): every adapter runs it before touching storage, so an append with a malformed
 * event is refused identically everywhere and writes nothing.
 */
import { canonicalJson, isPlainObject, NonJsonValueError, pathSegment } from './canonical-json';
import { InvalidEventMetadata } from './errors';
import type { Actor, EventMetadataInput, ExpectedRevision, JsonValue } from './event-store';

/** An event that passed validation, detached from the caller's objects (a later mutation cannot alter it). */
export interface ValidatedEvent {
  /** Lower-cased, so the same uuid written in either case is the same event for idempotency. */
  readonly id: string;
  readonly type: string;
  readonly data: { readonly [key: string]: JsonValue };
  /** Canonical JSON of `data`: exactly the text that is hashed and stored. */
  readonly dataJson: string;
  /** Only the known envelope fields; optional fields that were undefined are absent. */
  readonly metadata: EventMetadataInput;
}

/** A whole append request after validation. */
export interface ValidatedAppend {
  readonly stream: string;
  readonly events: readonly ValidatedEvent[];
  readonly expectedRevision: ExpectedRevision;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const METADATA_FIELDS = new Set([
  'actor',
  'commandId',
  'correlationId',
  'causationId',
  'schemaVersion',
  'reason',
  'commandDigest',
]);
const STORE_FIELDS = new Set(['recordedAt', 'prevHash', 'hash']);
const ACTOR_FIELDS = new Set(['id', 'role', 'officeId']);

/**
 * Validates an append request. Throws InvalidEventMetadata naming the first bad field (`stream`,
 * `events[1].metadata.actor.role`, `events[0].data.amount`, …); throws TypeError/RangeError for a malformed
 * expectedRevision, which is a programming error rather than bad input.
 *
 * Rules: id is a uuid (any version, so ids derived from a command id qualify) and unique within the batch; type is
 * a non-empty string; data is a plain JSON object; metadata carries exactly the envelope fields (unknown keys and
 * store-owned keys such as recordedAt are refused, so a client can never forge them). `reason` is optional here:
 * which commands are corrective is the application's knowledge, not the store's.
 */
export function validateAppend(stream: unknown, events: unknown, expectedRevision: unknown): ValidatedAppend {
  if (typeof stream !== 'string' || stream.length === 0) {
    throw new InvalidEventMetadata('stream', 'stream must be a non-empty string');
  }
  assertExpectedRevision(expectedRevision);
  if (!Array.isArray(events)) throw new InvalidEventMetadata('events', 'events must be an array');
  const seen = new Set<string>();
  const validated = events.map((event: unknown, index) => {
    const result = validateEvent(event, `events[${index}]`);
    if (seen.has(result.id))
      throw new InvalidEventMetadata(`events[${index}].id`, `duplicate event id ${result.id} in one append`);
    seen.add(result.id);
    return result;
  });
  return { stream, events: validated, expectedRevision };
}

/** Throws unless the value is one of the ExpectedRevision forms; a bigint must be ≥ 0. */
export function assertExpectedRevision(value: unknown): asserts value is ExpectedRevision {
  if (value === 'no_stream' || value === 'stream_exists' || value === 'any') return;
  if (typeof value !== 'bigint') {
    throw new TypeError(
      `expectedRevision must be 'no_stream', 'stream_exists', 'any' or a bigint, got ${String(value)}`,
    );
  }
  if (value < 0n) throw new RangeError(`expectedRevision must be ≥ 0, got ${value}`);
}

function validateEvent(event: unknown, at: string): ValidatedEvent {
  if (!isPlainObject(event)) throw new InvalidEventMetadata(at, `${at} must be an object`);
  const { id, type, data, metadata } = event;
  if (typeof id !== 'string' || !UUID.test(id)) throw new InvalidEventMetadata(`${at}.id`, `${at}.id must be a uuid`);
  if (typeof type !== 'string' || type.trim().length === 0) {
    throw new InvalidEventMetadata(`${at}.type`, `${at}.type must be a non-empty string`);
  }
  if (!isPlainObject(data)) throw new InvalidEventMetadata(`${at}.data`, `${at}.data must be a plain JSON object`);
  let dataJson: string;
  try {
    dataJson = canonicalJson(data);
  } catch (error) {
    if (!(error instanceof NonJsonValueError)) throw error;
    throw new InvalidEventMetadata(`${at}.data${error.path}`, `${at}.data${error.path}: ${error.reason}`);
  }
  return {
    id: id.toLowerCase(),
    type,
    // Parsing the canonical text back gives a deep copy that is exactly what will be stored.
    data: JSON.parse(dataJson) as ValidatedEvent['data'],
    dataJson,
    metadata: validateMetadata(metadata, `${at}.metadata`),
  };
}

function validateMetadata(metadata: unknown, at: string): EventMetadataInput {
  if (!isPlainObject(metadata)) throw new InvalidEventMetadata(at, `${at} is required`);
  for (const key of Object.keys(metadata)) {
    const field = `${at}${pathSegment(key)}`;
    if (STORE_FIELDS.has(key))
      throw new InvalidEventMetadata(field, `${field} is set by the store, never by the client`);
    if (!METADATA_FIELDS.has(key)) throw new InvalidEventMetadata(field, `${field} is not an envelope field`);
  }
  const schemaVersion = metadata.schemaVersion;
  if (typeof schemaVersion !== 'number' || !Number.isSafeInteger(schemaVersion) || schemaVersion < 1) {
    throw new InvalidEventMetadata(`${at}.schemaVersion`, `${at}.schemaVersion must be a positive integer`);
  }
  const reason = optionalText(metadata.reason, `${at}.reason`);
  const commandDigest = optionalText(metadata.commandDigest, `${at}.commandDigest`);
  return {
    actor: validateActor(metadata.actor, `${at}.actor`),
    commandId: requiredText(metadata.commandId, `${at}.commandId`),
    correlationId: requiredText(metadata.correlationId, `${at}.correlationId`),
    causationId: requiredText(metadata.causationId, `${at}.causationId`),
    schemaVersion,
    ...(reason === undefined ? {} : { reason }),
    ...(commandDigest === undefined ? {} : { commandDigest }),
  };
}

function validateActor(actor: unknown, at: string): Actor {
  if (!isPlainObject(actor)) throw new InvalidEventMetadata(at, `${at} is required`);
  for (const key of Object.keys(actor)) {
    const field = `${at}${pathSegment(key)}`;
    if (!ACTOR_FIELDS.has(key)) throw new InvalidEventMetadata(field, `${field} is not an actor field`);
  }
  const officeId = optionalText(actor.officeId, `${at}.officeId`);
  return {
    id: requiredText(actor.id, `${at}.id`),
    role: requiredText(actor.role, `${at}.role`),
    ...(officeId === undefined ? {} : { officeId }),
  };
}

function requiredText(value: unknown, at: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new InvalidEventMetadata(at, `${at} is required (non-empty string)`);
  }
  return value;
}

/** Undefined means absent: `{ ...meta, reason: command.reason }` with no reason must not fail. */
function optionalText(value: unknown, at: string): string | undefined {
  return value === undefined ? undefined : requiredText(value, at);
}
