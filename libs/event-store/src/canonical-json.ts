/**
 * Canonical JSON: the one byte-exact text of a JSON value, so a hash computed by one adapter (or by an auditor's
 * tool) is the same everywhere. For the values accepted here it coincides with RFC 8785 (JCS): object keys sorted
 * by UTF-16 code units, no whitespace, strings and numbers written as ECMAScript's JSON.stringify writes them.
 */

/** Thrown when a value has no JSON form. `path` points at the offending value, e.g. `.items[2].amount`. */
export class NonJsonValueError extends TypeError {
  override readonly name = 'NonJsonValueError';

  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path || '(root)'}: ${reason}`);
  }
}

/**
 * Serializes a JSON value canonically: sorted keys, no whitespace.
 *
 * Stricter than JSON.stringify on purpose: it throws NonJsonValueError instead of silently dropping or coercing
 * (undefined, functions, symbols, bigint, NaN/±Infinity, array holes, Dates and other class instances, cycles),
 * because a value that JSON.stringify would alter cannot be hashed and stored byte-for-byte.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

// Paths are built only when a value is refused, on the way out: building one for every value costs more than the
// serialisation of most events.
function write(value: unknown, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new NonJsonValueError('', `${String(value)} is not a JSON number`);
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return writeContainer(value, ancestors);
    default:
      // undefined, bigint, function, symbol: none has a faithful JSON form.
      throw new NonJsonValueError('', `a ${typeof value} is not a JSON value`);
  }
}

function writeContainer(value: object, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new NonJsonValueError('', 'cyclic structure');
  ancestors.add(value);
  // The index or key being written; its path step is built only if a value below it is refused.
  let at: number | string | undefined;
  try {
    if (Array.isArray(value)) {
      let text = '[';
      for (let i = 0; i < value.length; i++) {
        at = i;
        // A hole reads as undefined and is rejected below, like any other undefined.
        text += (i === 0 ? '' : ',') + write(value[i], ancestors);
      }
      return `${text}]`;
    }
    if (!isPlainObject(value)) {
      throw new NonJsonValueError('', `a ${value.constructor?.name ?? 'non-plain'} object is not a plain JSON object`);
    }
    const record = value as Record<string, unknown>;
    // Default sort compares UTF-16 code units, which is exactly RFC 8785's key order.
    const keys = Object.keys(record).sort();
    let text = '{';
    for (let i = 0; i < keys.length; i++) {
      at = keys[i];
      text += `${i === 0 ? '' : ','}${JSON.stringify(keys[i])}:${write(record[keys[i]], ancestors)}`;
    }
    return `${text}}`;
  } catch (error) {
    if (!(error instanceof NonJsonValueError) || at === undefined) throw error;
    const step = typeof at === 'number' ? `[${at}]` : pathSegment(at);
    throw new NonJsonValueError(`${step}${error.path}`, error.reason);
  } finally {
    ancestors.delete(value);
  }
}

/**
 * True for `{}` literals and `Object.create(null)`: objects with no class whose fields could hide state.
 * Realm-independent: an object from another realm (structuredClone, a vm context, a worker) has that realm's
 * Object.prototype, which is recognised by shape (a root prototype owning `hasOwnProperty`), not by identity.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return true;
  return Object.getPrototypeOf(proto) === null && Object.prototype.hasOwnProperty.call(proto, 'hasOwnProperty');
}

/** `.name` for identifier-like keys, `["odd key"]` otherwise, so error paths stay unambiguous. */
export function pathSegment(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
