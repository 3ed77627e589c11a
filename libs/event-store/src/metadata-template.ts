/**
 * The stored metadata text of an event, cut around the three fields only the append knows (hash, prevHash,
 * recordedAt). Serialised once per event, it gives both texts an append needs (the metadata in the hash material,
 * without the hash, and the stored metadata, with it), and PostgreSQL finishes both in the same statement that reads
 * the stream head. Canonical JSON sorts keys by UTF-16 code units; the store's fields fall between the client's keys
 * at fixed places.
 */
import { canonicalJson, isPlainObject } from './canonical-json';
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
 * Cuts the canonical metadata text. Throws for metadata the cut cannot express: no key before "hash" (validation
 * always has `actor` there) or a key between "hash" and "prevHash" (none is an envelope field).
 */
export function metadataTemplate(metadata: EventMetadataInput): MetadataTemplate {
  return envelopeTemplate(metadata) ?? anyTemplate(metadata);
}

/**
 * The template of metadata holding exactly the envelope's fields with their types (what validateAppend returns),
 * written in their canonical order without sorting: a quarter of the cost of anyTemplate's sort and serialisation of
 * every field, which was about 5% of an append (docs/performance.md, change 51). Undefined for any other shape.
 */
function envelopeTemplate(metadata: EventMetadataInput): MetadataTemplate | undefined {
  const { actor, causationId, commandDigest, commandId, correlationId, reason, schemaVersion } = metadata;
  if (
    !isPlainObject(metadata) ||
    !isEnvelopeActor(actor) ||
    typeof causationId !== 'string' ||
    typeof commandId !== 'string' ||
    typeof correlationId !== 'string' ||
    !Number.isSafeInteger(schemaVersion) ||
    (commandDigest !== undefined && typeof commandDigest !== 'string') ||
    (reason !== undefined && typeof reason !== 'string') ||
    Object.keys(metadata).length !== 5 + Number(commandDigest !== undefined) + Number(reason !== undefined)
  )
    return undefined;
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

function isEnvelopeActor(actor: EventMetadataInput['actor']): boolean {
  return (
    isPlainObject(actor) &&
    typeof actor.id === 'string' &&
    typeof actor.role === 'string' &&
    (actor.officeId === undefined || typeof actor.officeId === 'string') &&
    Object.keys(actor).length === 2 + Number(actor.officeId !== undefined)
  );
}

/** The template of any metadata whose keys can be cut: each field serialised canonically, in sorted order. */
function anyTemplate(metadata: EventMetadataInput): MetadataTemplate {
  const before: string[] = [];
  const between: string[] = [];
  const after: string[] = [];
  const record = metadata as unknown as Record<string, unknown>;
  for (const key of Object.keys(record).sort()) {
    const field = `${JSON.stringify(key)}:${canonicalJson(record[key])}`;
    if (key < 'hash') before.push(field);
    else if (key > 'prevHash' && key < 'recordedAt') between.push(field);
    else if (key > 'recordedAt') after.push(field);
    else throw new Error(`metadata key "${key}" cannot be placed around the store's fields`);
  }
  if (before.length === 0) throw new Error('metadata needs a key sorting before "hash" (actor)');
  return {
    before: `{${before.join(',')}`,
    between: between.map((field) => `,${field}`).join(''),
    after: `${after.map((field) => `,${field}`).join('')}}`,
  };
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
