/**
 * The stored metadata text of an event, cut around the three fields only the append knows (hash, prevHash,
 * recordedAt). Serialised once per event, it gives both texts an append needs (the metadata in the hash material,
 * without the hash, and the stored metadata, with it), and PostgreSQL finishes both in the same statement that reads
 * the stream head. Canonical JSON sorts keys by UTF-16 code units; the store's fields fall between the client's keys
 * at fixed places.
 */
import { canonicalJson } from './canonical-json';
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
