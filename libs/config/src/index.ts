/**
 * @thads/config: the one configuration schema of the api, the projector and the CLI (class-validator sections),
 * validated at start with messages naming the variable, and the documents generated from it.
 */
export {
  InvalidConfiguration,
  readEngineEnvironment,
  SCHEMA_SECTIONS,
  type EngineEnvironment,
} from './engine-environment';
export { registeredSettings, ENGINE_APPS, type EngineApp, type RegisteredSetting } from './setting';
export {
  loadProjectorConfig,
  logSettingsOf,
  projectorConfigOf,
  type LogSettings,
  type ProjectorConfig,
} from './projector-config';
export { renderConfigurationTable, renderEnvExample } from './configuration-doc';
export * from './durability';
