/** The config stage: flags > config file > defaults → `ResolvedConfig`. */
export { resolveConfig, type ConfigFlags } from './resolve-config';
export { readConfigFile, type FileConfig } from './config-file';
export { DEFAULT_CONFIG_FILE, DEFAULT_OUTPUT, embeddedDefault } from './defaults';
export { DEFAULT_NAMING, type ResolvedConfig, type NamingConfig, type TargetConfig, type TargetId } from './types';
export { configSchemaFile, CONFIG_SCHEMA_PATH } from './config-schema';
