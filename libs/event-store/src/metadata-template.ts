/**
 * The stored metadata text of an event, cut around the three fields only the append knows (hash, prevHash,
 * recordedAt). Serialised once per event, it gives both texts an append needs (the metadata in the hash material,
 * without the hash, and the stored metadata, with it), and PostgreSQL finishes both in the same statement that reads
 * the stream head. Canonical JSON sorts keys by UTF-16 code units; the store's fields fall between the client's keys
 * at fixed places.
 */
import { isPlainObject } from './canonical-json';
import type { EventMetadataInput } from './event-store';

/**
 * `before` opens the object with every key sorting before "hash"; `between` holds the keys between "prevHash" and
 * "recordedAt" (each led by a comma); `after` the keys after "recordedAt" and the closing brace. Together:
 * `before,"hash":H,"prevHash":P` + `between` + `,"recordedAt":T` + `after`, and without the hash, the metadata
 * of the hash material.
 */
export interface MetadataTemplate {
  readonly before: string;
  readonly between: string;
  readonly after: string;
}

/**
 * Cuts the canonical metadata text of the envelope validateAppend returns (an actor of id, role and maybe office; the
 * three ids; the schema version; maybe a reason and a command digest), writing its keys in their canonical order
 * directly: sorting them and serialising each value generically cost four times as much, about 5% of an append
 * (docs/performance.md, change 51). Throws, naming the field, for anything else: every caller passes validated
 * metadata, so another shape is a programming error.
 */
export function metadataTemplate(metadata: EventMetadataInput): MetadataTemplate {
  const problem = notEnvelope(metadata);
  if (problem !== undefined) throw new Error(`metadata is not the validated envelope: ${problem}`);
  const { actor, causationId, commandDigest, commandId, correlationId, reason, schemaVersion } = metadata;
  const officeId = actor.officeId === undefined ? '' : `,"officeId":${JSON.stringify(actor.officeId)}`;
  const digest = commandDigest === undefined ? '' : `,"commandDigest":${JSON.stringify(commandDigest)}`;
  return {
    before:
      `{"actor":{"id":${JSON.stringify(actor.id)}${officeId},"role":${JSON.stringify(actor.role)}}` +
      `,"causationId":${JSON.stringify(causationId)}${digest},"commandId":${JSON.stringify(commandId)}` +
      `,"correlationId":${JSON.stringify(correlationId)}`,
    between: reason === undefined ? '' : `,"reason":${JSON.stringify(reason)}`,
    after: `,"schemaVersion":${schemaVersion}}`,
  };
}

const TEXT_FIELDS = ['causationId', 'commandId', 'correlationId'] as const;
const OPTIONAL_TEXT_FIELDS = ['commandDigest', 'reason'] as const;
const ENVELOPE_FIELDS = new Set<string>(['actor', 'schemaVersion', ...TEXT_FIELDS, ...OPTIONAL_TEXT_FIELDS]);
const ACTOR_FIELDS = new Set(['id', 'role', 'officeId']);

/** What keeps `metadata` from being the validated envelope, or undefined when it is one. */
function notEnvelope(metadata: EventMetadataInput): string | undefined {
  if (!isPlainObject(metadata)) return 'not a plain object';
  const record = metadata as unknown as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!ENVELOPE_FIELDS.has(key)) return `"${key}" is not an envelope field`;
  for (const field of TEXT_FIELDS) if (typeof record[field] !== 'string') return `"${field}" is not a string`;
  for (const field of OPTIONAL_TEXT_FIELDS)
    if (field in record && typeof record[field] !== 'string') return `"${field}" is not a string`;
  if (!Number.isSafeInteger(record.schemaVersion)) return '"schemaVersion" is not an integer';
  const { actor } = record;
  if (!isPlainObject(actor)) return '"actor" is not a plain object';
  for (const key of Object.keys(actor)) if (!ACTOR_FIELDS.has(key)) return `"actor.${key}" is not an actor field`;
  if (typeof actor.id !== 'string' || typeof actor.role !== 'string')
    return '"actor" needs an id and a role as strings';
  if ('officeId' in actor && typeof actor.officeId !== 'string') return '"actor.officeId" is not a string';
  return undefined;
}

/** The canonical metadata text with the store's fields filled in; without `hash`, the hash material's metadata. */
export function fillMetadata(
  template: MetadataTemplate,
  hash: string | undefined,
  prevHash: string,
  recordedAt: string,
): string {
  const hashField = hash === undefined ? '' : `,"hash":${JSON.stringify(hash)}`;
  return (
    `${template.before}${hashField},"prevHash":${JSON.stringify(prevHash)}${template.between}` +
    `,"recordedAt":${JSON.stringify(recordedAt)}${template.after}`
  );
}
