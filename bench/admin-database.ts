// One statement on the PostgreSQL server the benchmarks use (CREATE/DROP DATABASE of each run's own database).
import pg from 'pg';

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
