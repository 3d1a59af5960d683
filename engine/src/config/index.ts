export { EnvConfig } from './schema';
export { ConfigError, loadConfig, type Config } from './load';
