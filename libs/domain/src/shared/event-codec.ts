import { DomainError } from './domain-error';

/** JSON as an event is stored. Money is a decimal string here. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
export type JsonRecord = { readonly [key: string]: Json };

/** Translates an aggregate's events to and from their stored JSON form (bigint money ⇄ decimal strings). */
export interface EventCodec<Event extends { readonly type: string }> {
  readonly eventTypes: readonly Event['type'][];
  /** The money paths of an event type (`amount`, `obligations[].amount`); none for a type the codec does not know. */
  moneyPathsOf(type: string): readonly string[];
  encode(event: Event): { readonly type: Event['type']; readonly data: JsonRecord };
  /** Throws UNKNOWN_EVENT_TYPE for a type this codec does not know, INVALID_MONEY for a malformed amount. */
  decode(stored: { readonly type: string; readonly data: JsonRecord }): Event;
}

/**
 * Builds a codec from the money fields of each event type. A path is dotted; `[]` walks an array:
 * `amount`, `obligations[].amount`. Every bigint is written as a decimal string; only listed paths are read back
 * as bigint, so a stored shape is explicit about which fields are money.
 */
export function moneyFieldCodec<Event extends { readonly type: string; readonly data: object }>(moneyPaths: {
  readonly [Type in Event['type']]: readonly string[];
}): EventCodec<Event> {
  const eventTypes = Object.keys(moneyPaths) as Event['type'][];
  return {
    eventTypes,
    moneyPathsOf: (type) =>
      Object.prototype.hasOwnProperty.call(moneyPaths, type) ? moneyPaths[type as Event['type']] : [],
    encode: (event) => ({ type: event.type, data: toJson(event.data) as JsonRecord }),
    decode: (stored) => {
      if (!Object.prototype.hasOwnProperty.call(moneyPaths, stored.type)) {
        throw new DomainError('UNKNOWN_EVENT_TYPE', `Unknown event type ${stored.type}`, { type: stored.type });
      }
      const paths = moneyPaths[stored.type as Event['type']];
      let data: unknown = stored.data;
      for (const path of paths) data = mapPath(data, path.split('.'), path);
      return { type: stored.type, data } as unknown as Event;
    },
  };
}

function toJson(value: unknown): Json {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [key, inner] of Object.entries(value)) if (inner !== undefined) out[key] = toJson(inner);
    return out;
  }
  return value as Json;
}

function mapPath(value: unknown, segments: readonly string[], fullPath: string): unknown {
  if (value === null || typeof value !== 'object') return value;
  const [head, ...rest] = segments;
  const isArray = head.endsWith('[]');
  const key = isArray ? head.slice(0, -2) : head;
  const record = value as Record<string, unknown>;
  if (!(key in record) || record[key] === undefined || record[key] === null) return value;
  let next: unknown;
  if (isArray) {
    const list = record[key];
    next = Array.isArray(list)
      ? list.map((item) => (rest.length ? mapPath(item, rest, fullPath) : toBigInt(item, fullPath)))
      : list;
  } else {
    next = rest.length ? mapPath(record[key], rest, fullPath) : toBigInt(record[key], fullPath);
  }
  // spread-then-add: replaces keys only (`key in record` is checked above)
  return { ...record, [key]: next };
}

function toBigInt(value: unknown, path: string): bigint {
  if (typeof value === 'string' && /^-?(0|[1-9]\d*)$/.test(value)) return BigInt(value);
  throw new DomainError('INVALID_MONEY', `Stored field ${path} is not a decimal integer`, { field: path, value });
}
