// GET /ready: the supergraph is loaded and every subgraph answers a trivial query in time.
import type { ReadinessReport } from '../../platform/http/index.js';

export function createReadinessCheck(subgraphs: { name: string; url: string }[], isLoaded: () => boolean, timeoutMs = 2000) {
  return async (): Promise<ReadinessReport> => {
    const checks: Record<string, string> = { supergraph: isLoaded() ? 'ok' : 'not loaded' };
    await Promise.all(
      subgraphs.map(async ({ name, url }) => {
        checks[name] = await probe(url, timeoutMs);
      }),
    );
    return { ready: Object.values(checks).every((value) => value === 'ok'), checks };
  };
}

async function probe(url: string, timeoutMs: number): Promise<string> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return response.ok ? 'ok' : `HTTP ${response.status}`;
  } catch (error) {
    return (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (error as Error).message;
  }
}
