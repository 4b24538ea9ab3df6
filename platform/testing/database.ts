// A fresh PostgreSQL database per test file on the real server, with every subgraph's migrations applied,
// dropped afterwards — so test files never share state and can run in parallel.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateSubgraphs, type DatabaseTarget } from '../db/index.js';
import { testDatabaseServerUrl } from './env.js';

export interface TestDatabase {
  url: string;
  target: DatabaseTarget;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testDatabaseServerUrl();
  const name = `ridegraph_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const target: DatabaseTarget = { kind: 'postgres', url: url.toString() };
  await migrateSubgraphs(target);
  return {
    url: url.toString(),
    target,
    // WITH (FORCE) ends connections a test left open, so a leak cannot make the next run fail.
    drop: () => withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
