// The benchmarks that run services as separate processes (bench/abuse.ts, bench/distributed.ts): a free port, waiting
// for `/ready`, stopping children, and each process's CPU time and memory read from /proc (Linux).
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A TCP port nothing listens on now, on loopback, for a child process to listen on later. Chosen below Linux's
 * ephemeral range (ip_local_port_range, 32768–60999 by default), not by listening on port 0: a port from that range
 * can be taken as the local end of any outgoing connection (to PostgreSQL, Redis) before the child binds it — a
 * distributed run once failed so ("port 45791 is already in use").
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
  throw new Error('no free port found between 20000 and 32000');
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Polls `<url without /graphql>/ready` until it answers 200. Fails at once when `child` exits meanwhile (a service that
 * refused its configuration), instead of waiting out the timeout.
 */
export async function waitReady(url: string, options: { timeoutMs?: number; child?: ChildProcess } = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (options.child && options.child.exitCode !== null) throw new Error(`${url}: the process exited with code ${options.child.exitCode} before it was ready`);
    try {
      const response = await fetch(url.replace('/graphql', '/ready'));
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms`);
}

/** SIGTERM to each child still running, SIGKILL after 10 s; resolves when all have exited. */
export async function stopProcesses(children: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on every Linux the project runs on). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in seconds; undefined once it has gone. */
export function cpuSeconds(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime + stime
}

/** Resident memory of a process in MB (0 once it has gone). */
export function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}
