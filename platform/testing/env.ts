// Where the integration tests find the real servers. Defaults match this machine kind and CI.

/** A PostgreSQL URL whose user may create databases; each test file creates its own fresh database there. */
export function testDatabaseServerUrl(): string {
  return process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
}

export function testRedisUrl(): string {
  return process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}
