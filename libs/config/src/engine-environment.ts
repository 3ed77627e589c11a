import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
// Sections register their variables as they load: this import order is the order of the docs.
import { StoreSettings } from './store.settings';
import { HttpSettings } from './http.settings';
import { AuthSettingsSchema } from './auth.settings';
import { RateLimitSettings } from './rate-limit.settings';
import { OperationsSettings } from './operations.settings';
import { registeredSettings, type EngineApp, type RegisteredSetting } from './setting';

/**
 * The configuration schema, one class per section. A new variable is one decorated property in the section it belongs
 * to (or a new section class added here); docs/configuration.md and docker/.env.example are generated from it
 * (`npm run docs:config`).
 */
export const SCHEMA_SECTIONS = [
  StoreSettings,
  HttpSettings,
  AuthSettingsSchema,
  RateLimitSettings,
  OperationsSettings,
] as const;

/** Every variable, validated and with its default applied (numbers as numbers). */
export type EngineEnvironment = StoreSettings &
  HttpSettings &
  AuthSettingsSchema &
  RateLimitSettings &
  OperationsSettings;

/** A bad setting; the message names every wrong variable. The process stops on it. */
export class InvalidConfiguration extends Error {
  override readonly name = 'InvalidConfiguration';
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Validates the variables `app` reads (all of them when no app is named) and returns the whole environment with
 * defaults applied. Throws InvalidConfiguration listing every problem, one per variable, each naming it.
 */
export function readEngineEnvironment(env: Env, app?: EngineApp): EngineEnvironment {
  const settings = registeredSettings().filter((setting) => app === undefined || setting.apps.includes(app));
  const problems: string[] = [];
  const values: Record<string, string> = {};
  for (const setting of registeredSettings()) {
    const raw = env[setting.name];
    if (raw !== undefined && raw.trim() === '') {
      if (settings.includes(setting)) problems.push(`${setting.name} is set but empty (unset it to use the default)`);
      continue;
    }
    const value = raw?.trim() ?? defaultOf(setting, env);
    if (value !== undefined) values[setting.name] = value;
  }
  const merged = {} as Record<string, unknown>;
  for (const section of SCHEMA_SECTIONS) {
    const instance = plainToInstance(section as new () => object, values) as object;
    const errors = validateSync(instance, { skipMissingProperties: true });
    for (const error of errors) {
      if (!settings.some((setting) => setting.name === error.property)) continue;
      if (problems.some((problem) => problem.startsWith(`${error.property} `))) continue;
      problems.push(Object.values(error.constraints ?? {})[0] ?? `${error.property} is not valid`);
    }
    for (const setting of registeredSettings())
      if (setting.owner === section) merged[setting.name] = (instance as Record<string, unknown>)[setting.name];
  }
  if (problems.length) throw new InvalidConfiguration(problems.join('; '));
  return merged as unknown as EngineEnvironment;
}

function defaultOf(setting: RegisteredSetting, env: Env): string | undefined {
  if (setting.readBy !== undefined || setting.default === undefined) return undefined;
  return typeof setting.default === 'string' ? setting.default : setting.default.value(env);
}
