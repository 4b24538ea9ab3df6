// Configuration fails fast, naming every bad variable, and treats blank values as unset.
import { ConfigError, readRuntimeConfig, subgraphDatabaseUrl } from '../index.js';

test('defaults describe the embedded mode', () => {
  expect(readRuntimeConfig({})).toEqual({
    nodeEnv: 'development',
    logLevel: 'info',
    logFormat: 'pretty',
    databaseUrl: undefined,
    dataDir: '.data',
    redisUrl: undefined,
    pubsubPrefix: 'ridegraph:',
    host: '0.0.0.0',
  });
});

test('logs are JSON in production and pretty elsewhere unless LOG_FORMAT says', () => {
  expect(readRuntimeConfig({ NODE_ENV: 'production' }).logFormat).toBe('json');
  expect(readRuntimeConfig({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
  expect(readRuntimeConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
});

test('blank variables count as unset', () => {
  expect(readRuntimeConfig({ DATABASE_URL: '', REDIS_URL: '' })).toMatchObject({ databaseUrl: undefined, redisUrl: undefined });
});

test('every invalid variable is named in one error, with what was given', () => {
  let error: unknown;
  try {
    readRuntimeConfig({ DATABASE_URL: 'mysql://db/x', REDIS_URL: 'localhost:6379', LOG_LEVEL: 'loud' });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const message = (error as Error).message;
  expect(message).toMatch(/DATABASE_URL: must be a postgres: or postgresql:\/\/ URL.*\(got "mysql:\/\/db\/x"\)/);
  expect(message).toMatch(/REDIS_URL: must be a redis: or rediss:\/\/ URL/);
  expect(message).toMatch(/LOG_LEVEL/);
});

test('a subgraph may have its own database URL', () => {
  const env = { DATABASE_URL: 'postgresql://shared/db', TRIPS_DATABASE_URL: 'postgresql://trips-host/trips' };
  expect(subgraphDatabaseUrl('trips', env)).toBe('postgresql://trips-host/trips');
  expect(subgraphDatabaseUrl('fleet', env)).toBe('postgresql://shared/db');
  expect(subgraphDatabaseUrl('fleet', {})).toBeUndefined();
  expect(() => subgraphDatabaseUrl('trips', { TRIPS_DATABASE_URL: 'nope' })).toThrow(/TRIPS_DATABASE_URL/);
});
