// The load generator of `npm run bench:distributed`, in a process of its own (forked with an IPC channel) so its CPU
// is not the measured services' and can be read apart. Closed loop: `concurrency` workers each send one POST, wait
// for its whole answer, and send the next, until `seconds` have passed; node:http with a keep-alive Agent (one
// connection per worker, as a client pool or a load balancer keeps them). An answer counts as an error unless it is
// HTTP 200 with no `errors` in its JSON.
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { repoRoot } from '../subgraphs/registry.js';
import { summarizeLoad, type LoadResult } from './load.js';

export interface LoadJob {
  url: string;
  headers: Record<string, string>;
  /** Per worker (index), its Authorization header: each worker its own viewer. Omitted: anonymous. */
  authorizations?: string[];
  body: string;
  concurrency: number;
  seconds: number;
}

export interface LoadRound extends LoadResult {
  /** The first error seen (status and the start of the body), to say why without a debugger. */
  firstError?: string;
}

function post(agent: Agent, url: URL, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    // A hung service must not hang the round: the request fails (counted as an error) after 30 s.
    req.setTimeout(30_000, () => req.destroy(new Error('no answer within 30 s')));
    req.end(body);
  });
}

export async function runLoadJob(job: LoadJob): Promise<LoadRound> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const url = new URL(job.url);
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const begin = performance.now();
  const deadline = begin + job.seconds * 1000;
  const worker = async (_: unknown, index: number) => {
    const authorization = job.authorizations?.[index % job.authorizations.length];
    const headers = authorization === undefined ? job.headers : { ...job.headers, authorization };
    while (performance.now() < deadline) {
      const t0 = performance.now();
      let problem: string | undefined;
      try {
        const { status, text } = await post(agent, url, headers, job.body);
        if (status !== 200 || (JSON.parse(text) as { errors?: unknown }).errors !== undefined) problem = `HTTP ${status}: ${text.slice(0, 300)}`;
      } catch (error) {
        problem = (error as Error).message;
      }
      latencies.push(performance.now() - t0);
      if (problem !== undefined) {
        errors++;
        firstError ??= problem;
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  const seconds = (performance.now() - begin) / 1000;
  agent.destroy();
  return { ...summarizeLoad(latencies, seconds, errors), ...(firstError === undefined ? {} : { firstError }) };
}

/**
 * The parent's side: forks this module (built, in dist/) as the load generator and pushes it onto `children` so the
 * caller stops it with the rest; `run` sends one job and resolves with its round.
 */
export function forkLoadClient(children: ChildProcess[]) {
  const child = fork(join(repoRoot, 'dist/bench/load-client.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  return {
    pid: child.pid!,
    run(job: LoadJob): Promise<LoadRound> {
      return new Promise((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`the load generator exited (code ${code}) during a round`));
        child.once('exit', onExit);
        child.once('message', (message: { result?: LoadRound; error?: string }) => {
          child.off('exit', onExit);
          if (message.result) resolve(message.result);
          else reject(new Error(`load generator: ${message.error}`));
        });
        child.send(job);
      });
    },
  };
}

// Forked: one job per message, one result message per job, until the parent disconnects.
if (process.send) {
  process.on('message', (job: LoadJob) => {
    runLoadJob(job).then(
      (result) => process.send!({ result }),
      (error: unknown) => process.send!({ error: (error as Error).message }),
    );
  });
  process.on('disconnect', () => process.exit(0));
}
