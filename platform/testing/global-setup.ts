// Runs once before the test workers start: fail fast, with a message saying what to do, when the real
// PostgreSQL and Redis the integration tests need are not reachable.
import pg from 'pg';
import { Redis } from 'ioredis';

// Jest loads this file outside its module mapper, so it cannot import project files; it sets the defaults
// in the environment instead, and the workers (started after it) inherit them.
const testDatabaseServerUrl = () => (process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/test');
const testRedisUrl = () => (process.env.REDIS_URL ??= 'redis://127.0.0.1:6379');

export default async function globalSetup(): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseServerUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(
      `Tests need PostgreSQL at ${testDatabaseServerUrl()} (set DATABASE_URL to a server where the user may CREATE DATABASE): ${(error as Error).message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  const redis = new Redis(testRedisUrl(), { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Tests need Redis at ${testRedisUrl()} (set REDIS_URL): ${(error as Error).message}`);
  } finally {
    redis.disconnect();
  }
}
