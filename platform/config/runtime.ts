// Settings shared by every Ridegraph process (gateway, subgraphs, the embedded runner, scripts).
import { z } from 'zod';
import { envVar, readEnv } from './read-env.js';
import type { SubgraphName } from '../../subgraphs/registry.js';

export type NodeEnv = 'development' | 'production' | 'test';

export interface RuntimeConfig {
  nodeEnv: NodeEnv;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** LOG_FORMAT: `json` lines (default in production) or `pretty` (default otherwise; pino-pretty). */
  logFormat: 'json' | 'pretty';
  /** PostgreSQL server for all subgraphs (each uses its own schema namespace). Unset → embedded PGlite. */
  databaseUrl: string | undefined;
  /** Folder for the embedded PGlite data when no DATABASE_URL is set. */
  dataDir: string;
  /** Redis for live pub/sub. Unset → in-process pub/sub (one process only). */
  redisUrl: string | undefined;
  /** Prefix of every Redis channel, so deployments can share a Redis server. */
  pubsubPrefix: string;
  host: string;
}

const shape = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  DATABASE_URL: envVar.url(['postgres:', 'postgresql:'], 'postgresql://user:pass@host:5432/ridegraph').optional(),
  DATA_DIR: z.string().default('.data'),
  REDIS_URL: envVar.url(['redis:', 'rediss:'], 'redis://127.0.0.1:6379').optional(),
  PUBSUB_PREFIX: z.string().min(1, 'must not be empty').default('ridegraph:'),
  HOST: z.string().default('0.0.0.0'),
};

/** Reads the shared settings. @throws ConfigError naming each invalid variable. */
export function readRuntimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const e = readEnv(shape, env);
  return {
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (e.NODE_ENV === 'production' ? 'json' : 'pretty'),
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    redisUrl: e.REDIS_URL,
    pubsubPrefix: e.PUBSUB_PREFIX,
    host: e.HOST,
  };
}

/**
 * The database URL of one subgraph: `<NAME>_DATABASE_URL` (e.g. TRIPS_DATABASE_URL) when set, so a subgraph can
 * move to its own server, else DATABASE_URL. Undefined means embedded PGlite.
 */
export function subgraphDatabaseUrl(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const key = `${name.toUpperCase()}_DATABASE_URL`;
  const own = readEnv({ [key]: envVar.url(['postgres:', 'postgresql:'], 'postgresql://host:5432/db').optional() }, env)[key];
  return own ?? readRuntimeConfig(env).databaseUrl;
}
