import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationArguments } from 'class-validator';

/** The processes that read configuration. */
export type EngineApp = 'api' | 'projector' | 'cli';
export const ENGINE_APPS: readonly EngineApp[] = ['api', 'projector', 'cli'];

/** A default written in the docs, and how it is computed when it depends on another variable. */
export interface DerivedDefault {
  readonly doc: string;
  readonly value: (env: Readonly<Record<string, string | undefined>>) => string;
}

/** What docs/configuration.md and docker/.env.example say about one variable. */
export interface SettingDoc {
  readonly apps: readonly EngineApp[];
  /** Unset: the variable has no default (the feature it configures is off, or another variable chooses). */
  readonly default?: string | DerivedDefault;
  readonly description: string;
  /** Read by a library rather than by engine code (OpenTelemetry's OTEL_*): documented, not defaulted here. */
  readonly readBy?: string;
  /** Shown as the example value in docker/.env.example instead of the default. */
  readonly example?: string;
}

export interface RegisteredSetting extends SettingDoc {
  readonly name: string;
  readonly section: string;
  /** The schema class that declares it. */
  readonly owner: object;
}

const registry = new Map<string, RegisteredSetting>();

/** Every variable of every schema section, in declaration order. */
export function registeredSettings(): readonly RegisteredSetting[] {
  return [...registry.values()];
}

/**
 * Declares an environment variable: the decorated property's name is the variable's name, so class-validator's
 * messages name the variable. `section` groups the docs.
 */
export function Setting(section: string, doc: SettingDoc): PropertyDecorator {
  return (target, key) => {
    const name = String(key);
    if (registry.has(name) && registry.get(name)?.owner !== target.constructor)
      throw new Error(`Configuration variable ${name} is declared twice`);
    registry.set(name, { name, section, owner: target.constructor, ...doc });
  };
}

/** A whole number from min to max (decimal digits only: "1e3", "0x10" and "12.5" are refused). */
export function WholeNumber(min: number, max: number, options: { orZero?: boolean } = {}): PropertyDecorator {
  const transform = Transform(({ value }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  );
  const range = options.orZero
    ? `0 (off) or a whole number from ${min} to ${max}`
    : `a whole number from ${min} to ${max}`;
  const check = ValidateBy({
    name: 'wholeNumber',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'number' && ((options.orZero && value === 0) || (value >= min && value <= max)),
      defaultMessage: (args?: ValidationArguments) => `${args?.property} must be ${range}, got "${args?.value}"`,
    },
  });
  return (target, key) => {
    transform(target, key);
    check(target, key);
  };
}

/** Exactly one of the listed strings. */
export function OneOf(values: readonly string[], describe?: string): PropertyDecorator {
  return ValidateBy({
    name: 'oneOf',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && values.includes(value),
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} must be ${describe ?? values.map((value) => `"${value}"`).join(', ')}, got "${args?.value}"`,
    },
  });
}

/** A check that returns what is wrong with the value (a message naming the variable), or undefined when it is fine. */
export function Satisfies(problem: (value: string) => string | undefined): PropertyDecorator {
  return ValidateBy({
    name: 'satisfies',
    validator: {
      validate: (value: unknown) => problem(String(value)) === undefined,
      defaultMessage: (args?: ValidationArguments) => problem(String(args?.value)) ?? '',
    },
  });
}
