import { hash } from 'node:crypto';

/**
 * sha256 of a value's JSON with object keys sorted and bigints as decimal strings: equal requests give equal
 * fingerprints whatever the key order. The command path stores it with the events (metadata.commandDigest) and
 * compares it when a command id comes back, to tell a retry from a reused key.
 */
export function fingerprintOf(value: unknown): string {
  return hash('sha256', stableJson(value), 'hex');
}

function stableJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, inner: unknown) => {
      if (typeof inner === 'bigint') return inner.toString();
      if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
      const entries = Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return Object.fromEntries(entries);
    }) ?? 'undefined'
  );
}
