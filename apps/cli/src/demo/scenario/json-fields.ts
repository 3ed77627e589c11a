/**
 * Field readers for validating untrusted JSON: each names the field at fault by its path
 * (`offices[3].cases.fullyEnforced.amount`) and records the problem instead of throwing, so one run of the validator
 * reports every mistake in a file at once.
 */

/** The problems found so far, each starting with the path of the field at fault. */
export interface Problems {
  readonly messages: string[];
  add(path: string, message: string): void;
}

/** An empty list of problems. */
export function collectProblems(): Problems {
  const messages: string[] = [];
  return { messages, add: (path, message) => messages.push(`${path} ${message}`) };
}

/** A JSON object whose values are still unchecked. */
export type JsonObject = Readonly<Record<string, unknown>>;

const RATE_LIKE = /rate|percent|share|%/i;

/**
 * The object at `path`, or undefined (with a problem) when it is something else. Keys outside `allowed` are
 * problems too: a misspelt key must not silently count as 0 cases. A key that looks like a rate gets its own
 * message, because a scenario never states rates.
 */
export function readObject(
  value: unknown,
  path: string,
  allowed: readonly string[],
  problems: Problems,
): JsonObject | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.add(path, 'must be an object');
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (allowed.includes(key)) continue;
    const at = path === '' ? key : `${path}.${key}`;
    if (RATE_LIKE.test(key))
      problems.add(
        at,
        'is not allowed: a scenario never states rates, the projection computes every rate from the events',
      );
    else problems.add(at, `is not a known field; expected one of ${allowed.join(', ')}`);
  }
  return value as JsonObject;
}

/** A non-blank string, or undefined with a problem. */
export function readText(value: unknown, path: string, problems: Problems): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim().normalize('NFC');
  problems.add(path, 'must be a non-empty string');
  return undefined;
}

/** A whole number from min to max, or undefined with a problem. */
export function readInteger(
  value: unknown,
  path: string,
  min: number,
  max: number,
  problems: Problems,
): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  problems.add(path, `must be a whole number from ${min} to ${max}`);
  return undefined;
}

const WHOLE_VND = /^(0|[1-9]\d{0,19})$/;

/** Whole VND written as a decimal string ("442000000000"), never a JSON number: a float cannot hold 10^15 VND exactly. */
export function readVnd(value: unknown, path: string, problems: Problems): bigint | undefined {
  if (typeof value === 'string' && WHOLE_VND.test(value)) return BigInt(value);
  problems.add(path, 'must be a decimal string of whole VND, e.g. "442000000000"');
  return undefined;
}

/** One of `allowed`, or undefined with a problem listing them. */
export function readChoice<Choice extends string>(
  value: unknown,
  path: string,
  allowed: readonly Choice[],
  problems: Problems,
): Choice | undefined {
  if ((allowed as readonly unknown[]).includes(value)) return value as Choice;
  problems.add(path, `must be one of ${allowed.join(', ')}`);
  return undefined;
}

/** The array at `path`, or an empty one with a problem. */
export function readArray(value: unknown, path: string, problems: Problems, minLength = 0): readonly unknown[] {
  if (Array.isArray(value) && value.length >= minLength) return value;
  problems.add(
    path,
    minLength > 0
      ? `must be an array with at least ${minLength} element${minLength === 1 ? '' : 's'}`
      : 'must be an array',
  );
  return [];
}
