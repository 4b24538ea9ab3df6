export { ConfigError, readEnv, envVar } from './read-env.js';
export { readRuntimeConfig, subgraphDatabaseUrl, type RuntimeConfig, type NodeEnv } from './runtime.js';
