import { hash } from 'node:crypto';

/**
 * sha256 of a value's JSON with object keys sorted and bigints as decimal strings: equal requests give equal
 * fingerprints whatever the key order. The command path stores it with the events (metadata.commandDigest) and
 * compares it when a command id comes back, to tell a retry from a reused key.
 */
export function fingerprintOf(value: unknown): string {
  return hash('sha256', stableJson(value), 'hex');
}

/**
 * The fingerprint's text. JSON.stringify with a replacer walks the value on its slow path, and rebuilding each object
 * sorted in the replacer made a command's fingerprint 6% of its CPU in process. So the value is first copied with
 * its keys sorted and bigints as strings, and the copy written by JSON.stringify's own fast path. The copy's objects
 * are built as the replacer built them, so the text is the same (command-fingerprint.spec.ts compares the two); a
 * value holding a toJSON (a Date), which JSON.stringify calls before any replacer, takes the replacer.
 */
export function stableJson(value: unknown): string {
  const copy = sortedCopy(value);
  return copy === HAS_TO_JSON ? sortedReplacerJson(value) : (JSON.stringify(copy) ?? 'undefined');
}

const HAS_TO_JSON = Symbol('has toJSON');

function sortedCopy(value: unknown): unknown {
  if (typeof value === 'bigint') return hasToJson(value) ? HAS_TO_JSON : value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (hasToJson(value)) return HAS_TO_JSON;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value as unknown[]) {
      const copied = sortedCopy(item);
      if (copied === HAS_TO_JSON) return HAS_TO_JSON;
      items.push(copied);
    }
    return items;
  }
  const record = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    const copied = sortedCopy(record[key]);
    if (copied === HAS_TO_JSON) return HAS_TO_JSON;
    // Assigning `__proto__` would set the prototype; Object.fromEntries made it an own property.
    if (key === '__proto__') Object.defineProperty(sorted, key, { value: copied, enumerable: true });
    else sorted[key] = copied;
  }
  return sorted;
}

function hasToJson(value: unknown): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** The fingerprint's text as first defined: JSON.stringify with a replacer that sorts every object's keys. */
function sortedReplacerJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, inner: unknown) => {
      if (typeof inner === 'bigint') return inner.toString();
      if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
      const entries = Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return Object.fromEntries(entries);
    }) ?? 'undefined'
  );
}
