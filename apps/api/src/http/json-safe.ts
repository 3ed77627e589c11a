/** Makes a value JSON-safe for a response: bigint (money, revisions, positions) becomes a decimal string. */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, inner]) => [String(key), jsonSafe(inner)]));
  if (value instanceof Set) return [...value].map(jsonSafe);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, jsonSafe(inner)]));
  }
  return value;
}
